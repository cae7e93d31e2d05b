import type { Gender } from './names.js';

/**
 * Titles agree with the person who holds them: « Directeur » held by a woman is printed
 * « Directrice », « Adjointe au Maire » held by a man « Adjoint au Maire ». Only the head of the
 * title agrees (the words before its complement: « Directrice régionale » but « … de la santé »
 * unchanged); words this lexicon does not know are kept as typed.
 */

/** Masculine and feminine forms, lower case; epicene words (« Maire », « Secrétaire ») are absent. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['directeur', 'directrice'],
  ['président', 'présidente'],
  ['adjoint', 'adjointe'],
  ['conseiller', 'conseillère'],
  ['délégué', 'déléguée'],
  ['chargé', 'chargée'],
  ['chef', 'cheffe'],
  ['administrateur', 'administratrice'],
  ['coordinateur', 'coordinatrice'],
  ['coordonnateur', 'coordonnatrice'],
  ['animateur', 'animatrice'],
  ['gérant', 'gérante'],
  ['inspecteur', 'inspectrice'],
  ['élu', 'élue'],
  ['premier', 'première'],
  ['régional', 'régionale'],
  ['général', 'générale'],
  ['municipal', 'municipale'],
  ['départemental', 'départementale'],
  ['territorial', 'territoriale'],
  ['principal', 'principale'],
  ['national', 'nationale'],
];

const TO_FEMININE = new Map(PAIRS.map(([m, f]) => [m, f]));
const TO_MASCULINE = new Map(PAIRS.map(([m, f]) => [f, m]));

/** Where the head of a title ends: its complement starts (« au Maire », « de la santé », « en charge »). */
const COMPLEMENT = /^(?:de|du|des|d['’].*|au|aux|à|en|pour|par|chez|sur|l['’].*|la|le|les)$/iu;

/** Applies the case of `model` (« Directeur », « DIRECTEUR », « directeur ») to `word`. */
function withCaseOf(model: string, word: string): string {
  if (model === model.toUpperCase() && model !== model.toLowerCase()) return word.toUpperCase();
  if (model[0] !== undefined && model[0] === model[0].toUpperCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

function agreeWord(word: string, gender: Gender): string {
  const lower = word.toLowerCase();
  const other = gender === 'f' ? TO_FEMININE.get(lower) : TO_MASCULINE.get(lower);
  return other === undefined ? word : withCaseOf(word, other);
}

/** The words of a title's head (before its complement), as [start, end] offsets. */
function headWords(title: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const m of title.matchAll(/[\p{L}'’]+/gu)) {
    if (COMPLEMENT.test(m[0])) break;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** « Directeur régional » for a woman → « Directrice régionale »; « Vice-Présidente » for a man → « Vice-Président ». */
export function agreeTitle(title: string, gender: Gender): string {
  let out = '';
  let last = 0;
  for (const { start, end } of headWords(title)) {
    out += title.slice(last, start) + agreeWord(title.slice(start, end), gender);
    last = end;
  }
  return out + title.slice(last);
}

/**
 * The grammatical gender a title shows by itself (« Directrice » → f, « Président » → m), or
 * undefined when its head is epicene or unknown (« Maire », « Secrétaire général »… → m by
 * « général »).
 */
export function titleGender(title: string): Gender | undefined {
  for (const { start, end } of headWords(title)) {
    const lower = title.slice(start, end).toLowerCase();
    const m = TO_FEMININE.has(lower);
    const f = TO_MASCULINE.has(lower);
    if (m && !f) return 'm';
    if (f && !m) return 'f';
  }
  return undefined;
}
