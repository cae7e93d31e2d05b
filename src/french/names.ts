import { startsWithVowelSound } from './elision.js';
import { capitalize, upperCase } from './case.js';

/** Grammatical gender: drives articles, pronouns and participle agreement. */
export type Gender = 'm' | 'f';

/**
 * How a name takes its article. `elided` always gives « l' » (« l'URSSAF »); `le` and `la`
 * elide on their own before a vowel sound; `les` is plural (« les Restos du Cœur »); `none`
 * takes no article (« Pôle Emploi », « Dijon »).
 */
export type ArticleKind = 'le' | 'la' | 'les' | 'elided' | 'none';

/** A name with the grammar needed to put it in a sentence. */
export interface NameRef {
  readonly name: string;
  readonly gender: Gender;
  readonly article: ArticleKind;
}

/** Typographic choice for the apostrophe of elisions (the corpus uses the straight one). */
export const APOSTROPHE = "'";

/** Options shared by the article helpers. */
export interface ArticleOptions {
  /** Capitalise the first letter of the result (« La CAF… », « Du Grand Dijon »). */
  readonly capitalize?: boolean;
  /** Upper-case the name, not the article (« La COMMUNAUTÉ DE L'AGGLOMÉRATION DIJONNAISE »). */
  readonly upper?: boolean;
}

/** A bare string is a name without article (« Dijon »), masculine by default. */
export function toNameRef(value: NameRef | string): NameRef {
  return typeof value === 'string' ? { name: value, gender: 'm', article: 'none' } : value;
}

function finish(text: string, options: ArticleOptions): string {
  return options.capitalize ? capitalize(text) : text;
}

function shown(ref: NameRef, options: ArticleOptions): string {
  return options.upper ? upperCase(ref.name) : ref.name;
}

/** The article actually used: `le`/`la` become `elided` before a vowel sound. */
function effectiveArticle(ref: NameRef): ArticleKind {
  if ((ref.article === 'le' || ref.article === 'la') && startsWithVowelSound(ref.name)) return 'elided';
  return ref.article;
}

/** « la CAF de la Côte d'Or », « l'URSSAF », « le Grand Dijon », « Pôle Emploi », « les Restos du Cœur ». */
export function withArticle(value: NameRef | string, options: ArticleOptions = {}): string {
  const ref = toNameRef(value);
  const name = shown(ref, options);
  switch (effectiveArticle(ref)) {
    case 'le':
      return finish(`le ${name}`, options);
    case 'la':
      return finish(`la ${name}`, options);
    case 'les':
      return finish(`les ${name}`, options);
    case 'elided':
      return finish(`l${APOSTROPHE}${name}`, options);
    case 'none':
      return finish(name, options);
  }
}

/** « de la CAF », « de l'URSSAF », « du Grand Dijon », « de Pôle Emploi », « d'Orléans », « des Restos ». */
export function withDe(value: NameRef | string, options: ArticleOptions = {}): string {
  const ref = toNameRef(value);
  const name = shown(ref, options);
  switch (effectiveArticle(ref)) {
    case 'le':
      return finish(`du ${name}`, options);
    case 'la':
      return finish(`de la ${name}`, options);
    case 'les':
      return finish(`des ${name}`, options);
    case 'elided':
      return finish(`de l${APOSTROPHE}${name}`, options);
    case 'none':
      return finish(startsWithVowelSound(ref.name) ? `d${APOSTROPHE}${name}` : `de ${name}`, options);
  }
}

/** « à la CAF », « à l'URSSAF », « au Grand Dijon », « à Pôle Emploi », « aux Restos du Cœur ». */
export function withA(value: NameRef | string, options: ArticleOptions = {}): string {
  const ref = toNameRef(value);
  const name = shown(ref, options);
  switch (effectiveArticle(ref)) {
    case 'le':
      return finish(`au ${name}`, options);
    case 'la':
      return finish(`à la ${name}`, options);
    case 'les':
      return finish(`aux ${name}`, options);
    case 'elided':
      return finish(`à l${APOSTROPHE}${name}`, options);
    case 'none':
      return finish(`à ${name}`, options);
  }
}

/**
 * Reads a designation written with its article (« le Grand Dijon », « la Métropole »,
 * « l'Agence », « les Restos du Cœur ») into a NameRef. Without a leading article the whole
 * text is the name and takes none.
 */
export function parseDesignation(text: string, gender: Gender): NameRef {
  const match = /^(?:(les|le|la)\s+|(l)['’]\s*)(.+)$/iu.exec(text.trim());
  if (!match) return { name: text.trim(), gender, article: 'none' };
  const word = (match[1] ?? match[2] ?? '').toLowerCase();
  const name = match[3] ?? '';
  if (word === 'le') return { name, gender: 'm', article: 'le' };
  if (word === 'la') return { name, gender: 'f', article: 'la' };
  if (word === 'les') return { name, gender, article: 'les' };
  return { name, gender, article: 'elided' };
}
