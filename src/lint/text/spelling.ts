import { FUNCTION_WORDS, fold, levenshtein, registerCache, tokenize, type Token } from './normalize.js';
import { EMAIL } from './people.js';

/**
 * Common misspellings of administrative French and fixed terms of public policy, shared by
 * the typography rules and by the comparison of shared clauses (which ignores what these
 * rules already report, so that one slip yields one finding).
 */

/** A misspelling found in a text. */
export interface Misspelling {
  readonly start: number;
  readonly end: number;
  readonly found: string;
  readonly suggestion: string;
}

interface Entry {
  readonly re: RegExp;
  readonly suggest: (m: RegExpExecArray) => string;
  /** Returns true to keep the match (context check). */
  readonly keep?: (text: string, m: RegExpExecArray) => boolean;
}

const L = '\\p{L}';

const ENTRIES: readonly Entry[] = [
  {
    // « réfèrent », « référént », « réferent » used as the noun « référent(e)(s) ».
    re: new RegExp(`(?<!${L})r[eéè]f[eéè]r[eéè]nt(e|es|s)?(?!${L})`, 'giu'),
    suggest: (m) => `${/^R/.test(m[0]) ? 'R' : 'r'}éférent${m[1] ?? ''}`,
    keep: (text, m) => {
      const w = m[0].toLowerCase();
      if (/^référent(?:e|es|s)?$/.test(w)) return false;
      // « ils se réfèrent », « qui se réfèrent à » : the verb.
      if (w === 'réfèrent') {
        const before = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
        if (/(?:\bse\s|s['’]|\bils\s|\belles\s)$/.test(before) || /^\s+(?:à|au|aux)\b/i.test(text.slice(m.index + m[0].length))) return false;
      }
      return true;
    },
  },
  { re: new RegExp(`(?<!${L})entre autre(?![${'\\p{L}'}]|s)`, 'giu'), suggest: () => 'entre autres' },
  { re: /compte-tenu/giu, suggest: (m) => (m[0][0] === 'C' ? 'Compte tenu' : 'compte tenu') },
  { re: new RegExp(`(?<!${L}|-)au delà(?!${L})`, 'giu'), suggest: (m) => (m[0][0] === 'A' ? 'Au-delà' : 'au-delà') },
  { re: new RegExp(`(?<!${L})acces(?!${L})`, 'giu'), suggest: () => 'Access (ou accès)' },
  {
    re: new RegExp(`(?<!${L}|-)ex (?=\\p{Ll}{3,})(?!aequo|æquo|nihilo|ante|post|officio|cathedra)`, 'gu'),
    suggest: () => 'ex-',
  },
  // « droit de timbre e de la formalité »: a stray « e » for « et ».
  { re: new RegExp(`(?<=${L}\\s)e(?=\\s${L})`, 'gu'), suggest: () => 'et' },
  // « entre les partenaires, sont les communes… » for « dont les communes ».
  { re: new RegExp(`(?<=${L},\\s)sont(?=\\s(?:les|des)\\s)`, 'gu'), suggest: () => 'dont' },
  { re: new RegExp(`(?<!${L})quelque soi(?:t|ent)(?!${L})`, 'giu'), suggest: () => 'quel que soit' },
  { re: new RegExp(`(?<!${L})pallier à(?!${L})`, 'giu'), suggest: () => 'pallier' },
  { re: new RegExp(`(?<!${L})parmis(?!${L})`, 'giu'), suggest: () => 'parmi' },
  { re: new RegExp(`(?<!${L})language(?!${L})`, 'giu'), suggest: () => 'langage' },
  { re: new RegExp(`(?<!${L})d[ée]velop(?:e|p)ment(s?)(?!${L})`, 'giu'), suggest: (m) => `développement${m[1] ?? ''}`, keep: (_t, m) => !/^développement/i.test(m[0]) },
  { re: new RegExp(`(?<!${L})addresse(s?)(?!${L})`, 'giu'), suggest: (m) => `adresse${m[1] ?? ''}` },
  { re: new RegExp(`(?<!${L})professionel(le|les|s)?(?!${L})`, 'giu'), suggest: (m) => `professionnel${m[1] ?? ''}` },
  { re: new RegExp(`(?<!${L})personel(le|les|s)?(?!${L})`, 'giu'), suggest: (m) => `personnel${m[1] ?? ''}` },
  { re: new RegExp(`(?<!${L})apeller(?!${L})`, 'giu'), suggest: () => 'appeler' },
];

/** Every common misspelling in `text`. */
export function findMisspellings(text: string): Misspelling[] {
  const cached = MISSPELLING_CACHE.get(text);
  if (cached) return cached;
  const out = findMisspellingsUncached(text);
  if (MISSPELLING_CACHE.size > 20_000) MISSPELLING_CACHE.clear();
  MISSPELLING_CACHE.set(text, out);
  return out;
}

const MISSPELLING_CACHE = new Map<string, Misspelling[]>();
registerCache(() => MISSPELLING_CACHE.clear());

/** Web addresses (e-mail addresses are `EMAIL`, shared with the rules on people). */
const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<>()«»"]+/giu;

/**
 * Spans of the e-mail and web addresses of `text`: their words are not prose
 * (« referent7@partenaire7.fr », « www.developement-local.fr » are what they are), so a match
 * inside one is not a misspelling.
 */
function addressSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const re of [EMAIL, WEB_ADDRESS]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  }
  return spans;
}

function findMisspellingsUncached(text: string): Misspelling[] {
  const out: Misspelling[] = [];
  const addresses = addressSpans(text);
  const inAddress = (start: number, end: number): boolean => addresses.some(([a, b]) => start < b && end > a);
  for (const e of ENTRIES) {
    e.re.lastIndex = 0;
    for (let m = e.re.exec(text); m; m = e.re.exec(text)) {
      if (m[0].length === 0) {
        e.re.lastIndex++;
        continue;
      }
      if (e.keep && !e.keep(text, m)) continue;
      if (inAddress(m.index, m.index + m[0].length)) continue;
      out.push({ start: m.index, end: m.index + m[0].length, found: m[0], suggestion: e.suggest(m) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Fixed terms of public policy, with their usual capitalisation. */
export const FIXED_TERMS: readonly string[] = [
  'Politique de la Ville',
  'Observatoire de la Cohésion Sociale',
  'Loi Informatique et Libertés',
  'Analyse des Besoins Sociaux',
  "Centre Communal d'Action Sociale",
  "Code de l'Action Sociale et des Familles",
  'Contrat de Ville',
  'Quartiers Prioritaires de la Politique de la Ville',
];

interface Term {
  readonly text: string;
  readonly words: readonly string[];
}

const TERMS: readonly Term[] = FIXED_TERMS.map((t) => ({ text: t, words: tokenize(t).map((x) => x.norm) }));

/** Plural/singular or near-spelling of the same word (« politiques » ~ « politique »). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a + 's' === b || b + 's' === a || a + 'x' === b || b + 'x' === a) return true;
  return false;
}

function nearWord(a: string, b: string): boolean {
  return sameWord(a, b) || (a.length >= 5 && b.length >= 5 && levenshtein(a, b, 2) <= 2);
}

/** A variant of a fixed term in a text: « Cohésion de Sociale », « Politiques de la Ville ». */
export interface TermVariant {
  readonly start: number;
  readonly end: number;
  readonly found: string;
  readonly term: string;
}

/**
 * Finds variants of the fixed terms: the term with one extra or missing function word,
 * or one word in another number or misspelt (first and last words must still be there).
 * Exact occurrences (case aside) are not variants.
 */
export function findTermVariants(text: string, tokens?: readonly Token[]): TermVariant[] {
  const cached = tokens ? undefined : TERM_CACHE.get(text);
  if (cached) return cached;
  const out = findTermVariantsUncached(text, tokens ?? tokenize(text));
  if (!tokens) {
    if (TERM_CACHE.size > 20_000) TERM_CACHE.clear();
    TERM_CACHE.set(text, out);
  }
  return out;
}

const TERM_CACHE = new Map<string, TermVariant[]>();
registerCache(() => TERM_CACHE.clear());

/** Terms by the first three letters of their first word (a misspelt first word keeps them). */
const TERMS_BY_HEAD = new Map<string, Term[]>();
for (const t of TERMS) {
  const k = (t.words[0] as string).slice(0, 3);
  TERMS_BY_HEAD.set(k, [...(TERMS_BY_HEAD.get(k) ?? []), t]);
}

function findTermVariantsUncached(text: string, tokens: readonly Token[]): TermVariant[] {
  const out: TermVariant[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = (tokens[i] as Token).norm;
    const terms = TERMS_BY_HEAD.get(first.slice(0, 3));
    if (!terms) continue;
    let matched = false;
    for (const term of terms) {
      if (matched) break;
      const n = term.words.length;
      if (!nearWord(first, term.words[0] as string)) continue;
      for (const len of [n, n + 1, n - 1]) {
        if (len < 2 || i + len > tokens.length) continue;
        const window = tokens.slice(i, i + len).map((t) => t.norm);
        if (!sameWord(window[len - 1] as string, term.words[n - 1] as string)) continue;
        const d = termDistance(window, term.words);
        if (d === 1) {
          const start = (tokens[i] as Token).start;
          const end = (tokens[i + len - 1] as Token).end;
          // Words must be adjacent (no punctuation between them).
          if (/[.;:!?()«»\n]/.test(text.slice(start, end))) continue;
          out.push({ start, end, found: text.slice(start, end), term: term.text });
          i += len - 1;
          matched = true;
          break;
        }
        if (d === 0) {
          i += len - 1;
          matched = true;
          break;
        }
      }
    }
  }
  return out;
}

/** Edit distance where insertions/deletions must be function words and substitutions near words. */
function termDistance(a: readonly string[], b: readonly string[]): number {
  const INF = 99;
  const w = b.length + 1;
  const dp = new Array<number>((a.length + 1) * w).fill(INF);
  dp[0] = 0;
  for (let i = 0; i <= a.length; i++) {
    for (let j = 0; j <= b.length; j++) {
      const v = dp[i * w + j] as number;
      if (v >= INF) continue;
      if (i < a.length && FUNCTION_WORDS.has(a[i] as string)) dp[(i + 1) * w + j] = Math.min(dp[(i + 1) * w + j] as number, v + 1);
      if (j < b.length && FUNCTION_WORDS.has(b[j] as string)) dp[i * w + j + 1] = Math.min(dp[i * w + j + 1] as number, v + 1);
      if (i < a.length && j < b.length) {
        const x = a[i] as string;
        const y = b[j] as string;
        const cost = x === y ? 0 : nearWord(x, y) ? 1 : INF;
        dp[(i + 1) * w + j + 1] = Math.min(dp[(i + 1) * w + j + 1] as number, v + cost);
      }
    }
  }
  return dp[a.length * w + b.length] as number;
}

/**
 * The words of a text as the comparison of shared clauses sees them: folded, with the
 * misspellings and term variants above corrected and gender marks of the partner neutralised
 * (« il »/« elle », « informé »/« informée »), so that copies differing only by what other
 * rules report compare equal.
 */
export function canonicalWords(text: string): string[] {
  let fixed = text;
  const edits: { start: number; end: number; by: string }[] = [];
  for (const m of findMisspellings(text)) edits.push({ start: m.start, end: m.end, by: m.suggestion.replace(/ \(.*\)$/, '') });
  for (const v of findTermVariants(text)) edits.push({ start: v.start, end: v.end, by: v.term });
  if (edits.length > 0) {
    edits.sort((a, b) => b.start - a.start);
    let last = Infinity;
    for (const e of edits) {
      if (e.end > last) continue;
      fixed = fixed.slice(0, e.start) + e.by + fixed.slice(e.end);
      last = e.start;
    }
  }
  // « d' études » → « d'études ».
  fixed = fixed.replace(/(\b[dlnjsmtc]|qu)['’]\s+(?=\p{L})/giu, "$1'");
  return tokenize(fixed).map((t) => neutral(t.norm));
}

function neutral(w: string): string {
  if (w === 'elle') return 'il';
  if (w === 'elles') return 'ils';
  if (w.length > 4 && w.endsWith('ee')) return w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ees')) return w.slice(0, -2) + 's';
  return w;
}

export { fold };
