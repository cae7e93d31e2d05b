/**
 * Text normalisation for matching: case and accent folding that keeps string length (so an
 * index in the folded text is an index in the original), tokenisation with offsets, and small
 * distance helpers. Everything here is linear in the input, except the explicit pairwise
 * helpers (`levenshtein`, `tokenDiff`) which callers use on short strings only.
 */

/** Folded UTF-16 unit for each unit (0: not computed yet). */
const FOLD_TABLE = new Uint16Array(65536);

function foldCode(code: number): number {
  const cached = FOLD_TABLE[code] as number;
  if (cached !== 0) return cached;
  let out = code;
  if (code >= 0x41 && code <= 0x5a) out = code + 32;
  else if (code >= 0xd800 && code <= 0xdfff) out = code; // surrogate halves stay as they are
  else if (code === 0x2019 || code === 0x02bc || code === 0x60 || code === 0x2018) out = 0x27;
  else if (code === 0x2013 || code === 0x2014 || code === 0x2011 || code === 0x2010) out = 0x2d;
  else if (code === 0xa0 || code === 0x202f || code === 0x09) out = 0x20;
  else if (code >= 0x80) {
    const c = String.fromCharCode(code);
    const base = c.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const lower = c.toLowerCase();
    out = base.length === 1 ? base.charCodeAt(0) : lower.length === 1 ? lower.charCodeAt(0) : code;
  }
  FOLD_TABLE[code] = out === 0 ? code : out;
  return out;
}

const DECODER = new TextDecoder('utf-16le');

/**
 * Lower-cases and strips diacritics, one UTF-16 unit for one unit, so that indices in the
 * result are indices in `s`; typographic apostrophes and dashes are unified and non-breaking
 * spaces become spaces. « Côte d’Or » → « cote d'or ».
 */
export function fold(s: string): string {
  const n = s.length;
  const out = new Uint16Array(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    const f = code < 0x41 ? code : foldCode(code);
    if (f !== code) changed = true;
    out[i] = f;
  }
  return changed ? DECODER.decode(out) : s;
}

/** A word of a text, with its place and its folded form. */
export interface Token {
  /** Folded text (lower case, no accents); an elided word keeps its apostrophe: « l' ». */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’](?=\p{L}))?/gu;

/**
 * Splits a text into words: letters and digits; an elided article or pronoun (« l' »,
 * « qu' ») is its own token with its apostrophe; hyphens, punctuation and spaces separate.
 */
export function tokenize(text: string): Token[] {
  const cached = TOKEN_CACHE.get(text);
  if (cached) return cached;
  const out = tokenizeUncached(text);
  if (TOKEN_CACHE.size > 20_000) TOKEN_CACHE.clear();
  TOKEN_CACHE.set(text, out);
  return out;
}

/** Recent tokenisations: rules tokenise the same paragraphs again and again. */
const TOKEN_CACHE = new Map<string, Token[]>();

const CLEARERS: (() => void)[] = [() => TOKEN_CACHE.clear()];

/** Registers a cache to empty in {@link clearTextCaches}. */
export function registerCache(clear: () => void): void {
  CLEARERS.push(clear);
}

/**
 * Empties the memo caches of text analysis (tokens, misspellings, term variants). They
 * only speed up the rules of one run; benchmarks call this to measure a cold run.
 */
export function clearTextCaches(): void {
  for (const c of CLEARERS) c();
}

function tokenizeUncached(text: string): Token[] {
  const folded = fold(text);
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(folded); m; m = WORD.exec(folded)) {
    out.push({ norm: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The folded words of a text joined by single spaces: a key for exact comparisons. */
export function wordKey(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(' ');
}

/** Edit distance between two short strings (insert, delete, substitute: cost 1). */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** One edit of a token-level diff: positions are token indices in `a` and `b`. */
export interface DiffEdit {
  readonly kind: 'insert' | 'delete' | 'replace';
  /** Tokens of `a` removed (empty for an insertion), as [start, end) in `a`. */
  readonly aStart: number;
  readonly aEnd: number;
  /** Tokens of `b` added (empty for a deletion), as [start, end) in `b`. */
  readonly bStart: number;
  readonly bEnd: number;
}

/**
 * Token-level diff of two short sequences (LCS, O(n·m)): the edits that turn `a` into `b`,
 * adjacent deletions and insertions merged into replacements. Callers keep inputs short
 * (paragraphs), and give up beyond `maxCells` (returns undefined).
 */
export function tokenDiff(a: readonly string[], b: readonly string[], maxCells = 250_000): DiffEdit[] | undefined {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > maxCells) return undefined;
  // Strip common prefix and suffix first.
  let pre = 0;
  while (pre < n && pre < m && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] === b[m - 1 - suf]) suf++;
  const an = n - pre - suf;
  const bm = m - pre - suf;
  const w = bm + 1;
  const dp = new Int32Array((an + 1) * w);
  for (let i = an - 1; i >= 0; i--) {
    for (let j = bm - 1; j >= 0; j--) {
      dp[i * w + j] =
        a[pre + i] === b[pre + j] ? (dp[(i + 1) * w + j + 1] as number) + 1 : Math.max(dp[(i + 1) * w + j] as number, dp[i * w + j + 1] as number);
    }
  }
  const edits: DiffEdit[] = [];
  let i = 0;
  let j = 0;
  let cur: { aStart: number; aEnd: number; bStart: number; bEnd: number } | undefined;
  const flush = (): void => {
    if (!cur) return;
    const del = cur.aEnd > cur.aStart;
    const ins = cur.bEnd > cur.bStart;
    edits.push({ kind: del && ins ? 'replace' : del ? 'delete' : 'insert', ...cur });
    cur = undefined;
  };
  while (i < an || j < bm) {
    if (i < an && j < bm && a[pre + i] === b[pre + j]) {
      flush();
      i++;
      j++;
    } else if (j < bm && (i === an || (dp[i * w + j + 1] as number) >= (dp[(i + 1) * w + j] as number))) {
      cur ??= { aStart: pre + i, aEnd: pre + i, bStart: pre + j, bEnd: pre + j };
      cur.bEnd = pre + j + 1;
      j++;
    } else {
      cur ??= { aStart: pre + i, aEnd: pre + i, bStart: pre + j, bEnd: pre + j };
      cur.aEnd = pre + i + 1;
      i++;
    }
  }
  flush();
  return edits;
}

/** Number of tokens an edit list touches (deleted plus inserted). */
export function editWeight(edits: readonly DiffEdit[]): number {
  let w = 0;
  for (const e of edits) w += Math.max(e.aEnd - e.aStart, e.bEnd - e.bStart);
  return w;
}

/** A cheap, deterministic 32-bit string hash (FNV-1a). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Splits a text into sentences: [start, end) ranges ending after . ! ? or at the end. */
export function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  const re = /[.!?](?=\s+[\p{Lu}«(\-–]|\s*$)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // « M. Dupont », « art. 3 », « n° » are not sentence ends.
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (/(?:^|\s)(?:M|Mme|MM|art|n°|cf|p|St|Ste|av|bd)$/i.test(before)) continue;
    out.push({ start, end: m.index + 1 });
    start = m.index + 1;
    while (start < text.length && /\s/.test(text[start] as string)) start++;
  }
  if (start < text.length && text.slice(start).trim().length > 0) out.push({ start, end: text.length });
  return out;
}

/** French function words: articles, prepositions, conjunctions (folded). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'au', 'aux', 'de', 'des', 'du', "d'", 'la', 'le', 'les', "l'", 'un', 'une', 'et', 'ou', 'en', 'dans', 'par', 'pour',
  'sur', 'avec', 'que', "qu'", 'qui', 'ce', 'ces', 'se', "s'", 'sa', 'son', 'ses', 'leur', 'leurs', 'y', 'ne', "n'", 'pas',
  'entre', 'sous', 'vers', 'chez',
]);
