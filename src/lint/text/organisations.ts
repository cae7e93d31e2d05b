import { FUNCTION_WORDS, fold, tokenize, type Token } from './normalize.js';

/**
 * Organisations: a small lexicon of French public bodies that partnership conventions name
 * (CAF, CARSAT, URSSAF, Pôle Emploi, Mission Locale, CCAS, communes, EPCI…), with the
 * grammatical gender and article use of each designation, and a finder of their mentions in
 * a text. Documents add their own parties (see `OrgIndex.addName`), so a partner unknown to
 * the lexicon is still recognised in the convention that names it.
 */

export type Gender = 'm' | 'f';

/** How a designation takes its article: « la CAF », « l'URSSAF », « Pôle Emploi » (none). */
export type ArticleUse = 'def' | 'none';

/** One designation of an organisation: its words (folded tokens), gender and article use. */
export interface Designation {
  /** Organisation identity (lexicon id, or « doc:<words> » for a name found in a document). */
  readonly id: string;
  readonly words: readonly string[];
  readonly gender: Gender;
  /** The gender is a default, not known from a lexicon or a head noun: agreement is not checked. */
  readonly guessed?: boolean;
  readonly article: ArticleUse;
  /** The identity includes the place that follows (« Ville de Quetigny », « CCAS de Dijon »). */
  readonly qualified?: boolean;
  /** Only a capitalised first word counts (« la Région », not « la région »). */
  readonly capital?: boolean;
}

/** A mention of an organisation in a text. */
export interface OrgMention {
  readonly id: string;
  /** Identity with the place for qualified kinds: « ville:quetigny ». */
  readonly key: string;
  readonly gender: Gender;
  /** See {@link Designation.guessed}. */
  readonly guessed?: boolean;
  readonly article: ArticleUse;
  /** Where the designation's words are (article excluded), in the text's indices. */
  readonly start: number;
  readonly end: number;
  /** End including the qualifier that follows (« de la Côte d'Or », « 21 », « Bourgogne »). */
  readonly qualifiedEnd: number;
  /** The qualifier's folded words. */
  readonly qualifier: string;
  /** The article or contraction right before (« la », « l' », « du », « au »…), if any. */
  readonly before?: { readonly word: string; readonly start: number; readonly end: number };
}

interface LexiconEntry {
  readonly id: string;
  readonly names: readonly (readonly [string, Gender, ArticleUse?, boolean?])[];
  readonly qualified?: boolean;
}

const LEXICON: readonly LexiconEntry[] = [
  { id: 'caf', names: [['CAF', 'f'], ["Caisse d'Allocations Familiales", 'f']] },
  { id: 'carsat', names: [['CARSAT', 'f'], ["Caisse d'Assurance Retraite et de la Santé au Travail", 'f']] },
  { id: 'cpam', names: [['CPAM', 'f'], ["Caisse Primaire d'Assurance Maladie", 'f']] },
  { id: 'msa', names: [['MSA', 'f'], ['Mutualité Sociale Agricole', 'f']] },
  { id: 'urssaf', names: [['URSSAF', 'f'], ['Union de Recouvrement', 'f'], ['Union Recouvrement', 'f']] },
  { id: 'mdef', names: [['MDEF', 'f'], ["Maison de l'Emploi et de la Formation", 'f'], ["Maison de l'Emploi", 'f']] },
  { id: 'mission-locale', names: [['Mission Locale', 'f']] },
  { id: 'pole-emploi', names: [['Pôle Emploi', 'm', 'none']] },
  { id: 'france-travail', names: [['France Travail', 'm', 'none']] },
  { id: 'insee', names: [['INSEE', 'm'], ['Institut National de la Statistique', 'm']] },
  { id: 'ars', names: [['ARS', 'f'], ['Agence Régionale de Santé', 'f']] },
  { id: 'ccas', names: [['CCAS', 'm'], ["Centre Communal d'Action Sociale", 'm']], qualified: true },
  { id: 'cias', names: [['CIAS', 'm'], ["Centre Intercommunal d'Action Sociale", 'm']], qualified: true },
  { id: 'ville', names: [['Ville de', 'f'], ['Commune de', 'f'], ["Ville d'", 'f'], ["Commune d'", 'f']], qualified: true },
  {
    id: 'epci',
    names: [
      ["Communauté de l'Agglomération", 'f'],
      ["Communauté d'Agglomération", 'f'],
      ['Communauté Urbaine', 'f'],
      ['Communauté de Communes', 'f'],
      ['Métropole', 'f', 'def', true],
    ],
  },
  { id: 'departement', names: [['Conseil Départemental', 'm'], ['Conseil Général', 'm'], ['Département', 'm', 'def', true]] },
  { id: 'region', names: [['Conseil Régional', 'm'], ['Région', 'f', 'def', true]] },
];

/** Grammatical gender of the head noun of an organisation's name (« Caisse » f, « Pôle » m…). */
const HEAD_GENDER: Readonly<Record<string, Gender>> = {
  caisse: 'f', maison: 'f', mission: 'f', union: 'f', pole: 'm', centre: 'm', conseil: 'm', office: 'm', agence: 'f',
  association: 'f', institut: 'm', direction: 'f', communaute: 'f', ville: 'f', commune: 'f', syndicat: 'm',
  etablissement: 'm', federation: 'f', societe: 'f', cabinet: 'm', departement: 'm', region: 'f', metropole: 'f',
  prefecture: 'f', universite: 'f', chambre: 'f', service: 'm', groupement: 'm', observatoire: 'm', fondation: 'f',
  mutuelle: 'f', caf: 'f', carsat: 'f', urssaf: 'f', cpam: 'f', msa: 'f', ccas: 'm', mdef: 'f', insee: 'm', grand: 'm',
};

/** Gender of a name from its first meaningful word, when known. */
export function headGender(name: string): Gender | undefined {
  for (const t of tokenize(name)) {
    if (ARTICLES.has(t.norm)) continue;
    return HEAD_GENDER[t.norm];
  }
  return undefined;
}

const ARTICLES: ReadonlySet<string> = new Set(['la', 'le', "l'", 'les']);
const BEFORE_WORDS: ReadonlySet<string> = new Set(['la', 'le', "l'", 'les', 'du', 'au', 'aux', 'des']);
const QUALIFIER_LINKS: ReadonlySet<string> = new Set(['de', 'du', "d'", 'la', "l'", 'et', 'des', 'le', 'les']);

function designationWords(name: string): string[] {
  // Hyphens separate words: « Franche-Comté » → franche comte.
  return tokenize(name).map((t) => t.norm);
}

/**
 * An index of designations, searchable in one pass over a text's tokens. Built from the
 * lexicon, then extended with the names a document gives its parties.
 */
export class OrgIndex {
  private readonly byFirst = new Map<string, Designation[]>();
  private readonly cache = new Map<string, OrgMention[]>();

  constructor(withLexicon = true) {
    if (!withLexicon) return;
    for (const entry of LEXICON) {
      for (const [name, gender, article, capital] of entry.names) {
        this.add({ id: entry.id, words: designationWords(name), gender, article: article ?? 'def', qualified: entry.qualified, capital });
      }
    }
  }

  /**
   * One index holding the designations of several: rules that compare text across the files
   * of a run must recognise the same names in every file (a charter signed alone does not
   * name the parties that a convention's « Entre … et … » block taught its own index).
   */
  static union(indexes: readonly OrgIndex[]): OrgIndex {
    const out = new OrgIndex(false);
    for (const index of indexes) for (const list of index.byFirst.values()) for (const d of list) out.add(d);
    return out;
  }

  /** Adds a designation (longest designations win when several match at one place). */
  add(d: Designation): void {
    const first = d.words[0];
    if (first === undefined) return;
    const list = this.byFirst.get(first) ?? [];
    if (list.some((x) => x.id === d.id && x.words.join(' ') === d.words.join(' '))) return;
    list.push(d);
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(first, list);
    this.cache.clear();
  }

  /**
   * Adds a document's name for an organisation (a party's full name or its « ci-après
   * désignée » alias). If the name contains a lexicon designation, it is the same
   * organisation (« POLE EMPLOI COTE D'OR » is Pôle Emploi); otherwise a new identity.
   * Returns the identity used.
   */
  addName(name: string, sameAs?: string): string | undefined {
    const words = designationWords(stripArticle(name));
    if (words.length === 0) return undefined;
    const found = this.find(name)[0];
    const id = sameAs ?? found?.id ?? `doc:${words.join(' ')}`;
    if (found && found.id === id && found.start === 0 && words.length <= 2) return id;
    const known = found?.gender ?? headGender(name);
    const article = found?.article ?? 'def';
    // An unknown head noun (« L'HÔPITAL … ») gives no gender: a guess would raise false
    // agreement warnings, so the mention is marked and its agreement left unchecked.
    this.add({ id, words, gender: known ?? 'f', ...(known ? {} : { guessed: true }), article });
    return id;
  }

  /** Every mention in `text`, left to right, non-overlapping (longest match first). */
  find(text: string, tokens?: readonly Token[]): OrgMention[] {
    // Tokens of a part of the text: a result of its own, not to be cached under the whole text.
    if (tokens && tokens !== tokenize(text)) return this.findUncached(text, tokens);
    const cached = this.cache.get(text);
    if (cached) return cached;
    const out = this.findUncached(text, tokens ?? tokenize(text));
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(text, out);
    return out;
  }

  private findUncached(text: string, tokens: readonly Token[]): OrgMention[] {
    const out: OrgMention[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.candidatesAt(text, tokens, i);
      if (!candidates) continue;
      for (const d of candidates) {
        if (!matchesAt(tokens, i, d.words)) continue;
        const last = tokens[i + d.words.length - 1] as Token;
        if (d.capital && !/^\p{Lu}/u.test(text.slice((tokens[i] as Token).start, (tokens[i] as Token).end))) continue;
        const q = this.qualifierAfter(text, tokens, i + d.words.length);
        const prev = tokens[i - 1];
        const before =
          prev && BEFORE_WORDS.has(prev.norm) && /^[\s]*$/.test(text.slice(prev.end, (tokens[i] as Token).start))
            ? { word: prev.norm, start: prev.start, end: prev.end }
            : undefined;
        let key = d.id;
        if (d.qualified) key = `${d.id}:${q.words.filter((w) => !QUALIFIER_LINKS.has(w)).join(' ')}`;
        out.push({
          id: d.id,
          key,
          gender: d.gender,
          ...(d.guessed ? { guessed: true } : {}),
          article: d.article,
          start: (tokens[i] as Token).start,
          end: last.end,
          qualifiedEnd: q.end ?? last.end,
          qualifier: q.words.join(' '),
          before,
        });
        i += d.words.length - 1;
        break;
      }
    }
    return out;
  }
  /** Designations that may start at token i (« Grand » + a capitalised place is an EPCI). */
  private candidatesAt(text: string, tokens: readonly Token[], i: number): readonly Designation[] | undefined {
    const t = tokens[i] as Token;
    const list = this.byFirst.get(t.norm);
    if (t.norm === 'grand' && text[t.start] === 'G') {
      const next = tokens[i + 1];
      if (next && /^\p{Lu}/u.test(text.slice(next.start, next.end)) && /^[\s-]$/.test(text.slice(t.end, next.start))) {
        const grand: Designation = { id: 'epci', words: ['grand', next.norm], gender: 'm', article: 'def' };
        return list ? [grand, ...list] : [grand];
      }
    }
    return list;
  }

  /**
   * The qualifier after a designation: a department number (« CAF 21 ») or capitalised place
   * words, possibly linked by « de », « la », « et »… (« de la Côte d'Or », « Bourgogne et
   * Franche-Comté »); lower-case words (« du bassin dijonnais ») end it, and so does the
   * start of another designation (« … ET LA CAISSE … » in a title in capitals).
   */
  private qualifierAfter(text: string, tokens: readonly Token[], i: number): { words: string[]; end?: number } {
    const words: string[] = [];
    let end: number | undefined;
    let pending: string[] = [];
    for (let k = i; k < tokens.length && k < i + 8; k++) {
      const t = tokens[k] as Token;
      const gap = text.slice((tokens[k - 1] as Token).end, t.start);
      // A line break is a space: a PDF's or a .txt's lines wrap inside a qualifier (« des CCAS et » / « des Villes »).
      if (!/^[ \n'’-]*$/.test(gap)) break;
      if (QUALIFIER_LINKS.has(t.norm)) {
        pending.push(t.norm);
        continue;
      }
      const raw = text.slice(t.start, t.end);
      const capital = /^\p{Lu}/u.test(raw);
      const number = /^\d{2,3}$/.test(raw) && k === i;
      if (!capital && !number) break;
      const starts = this.byFirst.get(t.norm);
      if (starts?.some((d) => matchesAt(tokens, k, d.words))) break;
      words.push(...pending, t.norm);
      pending = [];
      end = t.end;
    }
    return { words, end };
  }
}

const VOWEL = /^[aeiouyhàâéèêëîïôöûüAEIOUYHÀÂÉÈÊËÎÏÔÖÛÜ]/u;

/**
 * The article a mention of `name` takes where `word` is written before it (« la », « le »,
 * « l' », « du », « au »), or undefined when `word` fits: « Pôle Emploi » takes none, a
 * feminine name « la », a masculine one « le », a name starting with a vowel « l' ». Shared by
 * the linter's partner-article rule and validate's consistency check (one reading of names).
 */
export function expectedArticle(m: Pick<OrgMention, 'article' | 'gender' | 'guessed'>, name: string, word: string): string | undefined {
  if (m.article === 'none') {
    if (word === 'la' || word === 'le' || word === "l'") return '';
    if (word === 'du') return 'de';
    if (word === 'au') return 'à';
    return undefined;
  }
  if (VOWEL.test(name)) return word === 'la' || word === 'le' ? "l'" : undefined;
  if (m.guessed) return undefined;
  if (m.gender === 'f') {
    if (word === 'le') return 'la';
    if (word === 'du') return 'de la';
    if (word === 'au') return 'à la';
    return undefined;
  }
  return word === 'la' ? 'le' : undefined;
}

/**
 * How the linter reads a name on its own, as a document's party (`OrgIndex.addName`): the
 * designation found at its start, with its gender and article use; undefined when the name
 * does not start with a designation.
 */
export function readName(name: string): OrgMention | undefined {
  const index = new OrgIndex();
  index.addName(name);
  const m = index.find(name)[0];
  return m && m.start === tokenize(name)[0]?.start ? m : undefined;
}

function matchesAt(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  if (i + words.length > tokens.length) return false;
  for (let k = 0; k < words.length; k++) if ((tokens[i + k] as Token).norm !== words[k]) return false;
  return true;
}

/** Removes a leading article: « la CAF » → « CAF », « L'URSSAF » → « URSSAF ». */
export function stripArticle(name: string): string {
  return name.replace(/^\s*(?:la|le|les|l['’])\s*/i, '');
}

/** The folded words of a name without articles: a key for comparing designations. */
export function nameKey(name: string): string {
  return designationWords(name)
    .filter((w) => !ARTICLES.has(w))
    .join(' ');
}

/** Content words of a name (no articles, no « de », « et »…), for loose comparisons. */
export function contentWords(name: string): string[] {
  return designationWords(name).filter((w) => !QUALIFIER_LINKS.has(w) && !ARTICLES.has(w) && !FUNCTION_WORDS.has(w));
}

/** True when `s` is written in capitals only (a title line): no lower-case letter. */
export function isUpperText(s: string): boolean {
  return !/\p{Ll}/u.test(s) && /\p{Lu}/u.test(s);
}

export { fold };
