/**
 * Markdown inline markup to remove from a node's raw text, as sorted, non-overlapping
 * deletions `[start, end)`: backslash escapes, code-span backticks, link and image
 * brackets with their destination, autolink angle brackets, and emphasis delimiters
 * (`*`, `_`, `**`, `__`) that pair up following a simplified CommonMark algorithm.
 * Linear apart from the delimiter stack (bounded by the number of delimiters).
 */
export function markdownDeletions(raw: string): [number, number][] {
  const deletions: [number, number][] = [];
  /** Characters that are literal (escaped, inside code, inside a link destination). */
  const literal = new Uint8Array(raw.length);
  const brackets: { readonly at: number; readonly image: boolean }[] = [];

  for (let i = 0; i < raw.length; i++) {
    if (literal[i]) continue;
    const c = raw[i] as string;
    if (c === '\\' && i + 1 < raw.length && /[!-/:-@[-`{-~]/.test(raw[i + 1] as string)) {
      deletions.push([i, i + 1]);
      literal[i] = 1;
      literal[i + 1] = 1;
      i++;
    } else if (c === '`') {
      let run = 1;
      while (raw[i + run] === '`') run++;
      const close = findBacktickRun(raw, i + run, run);
      if (close < 0) {
        literal.fill(1, i, i + run);
        i += run - 1;
        continue;
      }
      deletions.push([i, i + run], [close, close + run]);
      literal.fill(1, i, close + run);
      i = close + run - 1;
    } else if (c === '<') {
      const m = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/.exec(raw.slice(i, i + 512));
      if (m) {
        deletions.push([i, i + 1], [i + m[0].length - 1, i + m[0].length]);
        literal.fill(1, i, i + m[0].length);
        i += m[0].length - 1;
      }
    } else if (c === '[') {
      brackets.push({ at: i, image: i > 0 && raw[i - 1] === '!' && !literal[i - 1] });
    } else if (c === ']' && brackets.length > 0 && raw[i + 1] === '(') {
      const close = findParen(raw, i + 2);
      const open = brackets.pop();
      if (close >= 0 && open) {
        deletions.push([open.image ? open.at - 1 : open.at, open.at + 1], [i, close + 1]);
        literal.fill(1, i, close + 1);
        if (open.image) literal[open.at - 1] = 1;
        i = close;
      }
    }
  }
  for (const d of emphasisDeletions(raw, literal)) deletions.push(d);
  deletions.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return mergeOverlaps(deletions);
}

function findBacktickRun(raw: string, from: number, run: number): number {
  let i = raw.indexOf('`', from);
  while (i >= 0) {
    let n = 1;
    while (raw[i + n] === '`') n++;
    if (n === run) return i;
    i = raw.indexOf('`', i + n);
  }
  return -1;
}

function findParen(raw: string, from: number): number {
  let depth = 0;
  for (let i = from; i < raw.length && i < from + 2048; i++) {
    const c = raw[i];
    if (c === '\n') return -1;
    if (c === '(') depth++;
    else if (c === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

interface Delimiter {
  readonly char: string;
  /** Current start and length of the run still available for matching. */
  start: number;
  length: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  readonly originalLength: number;
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

function emphasisDeletions(raw: string, literal: Uint8Array): [number, number][] {
  const stack: Delimiter[] = [];
  const out: [number, number][] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if ((c !== '*' && c !== '_') || literal[i]) continue;
    let n = 1;
    while (raw[i + n] === c && !literal[i + n]) n++;
    const before = i > 0 ? (raw[i - 1] as string) : ' ';
    const after = i + n < raw.length ? (raw[i + n] as string) : ' ';
    const wsBefore = WHITESPACE.test(before);
    const wsAfter = WHITESPACE.test(after);
    const pBefore = PUNCTUATION.test(before);
    const pAfter = PUNCTUATION.test(after);
    const left = !wsAfter && (!pAfter || wsBefore || pBefore);
    const right = !wsBefore && (!pBefore || wsAfter || pAfter);
    const canOpen = c === '*' ? left : left && (!right || pBefore);
    const canClose = c === '*' ? right : right && (!left || pAfter);
    const closer: Delimiter = { char: c, start: i, length: n, canOpen, canClose, originalLength: n };
    if (canClose) {
      // The look-back is bounded so that pathological input stays linear.
      for (let s = stack.length - 1; s >= 0 && s >= stack.length - 64 && closer.length > 0; s--) {
        const opener = stack[s] as Delimiter;
        if (opener.char !== c || opener.length === 0 || !opener.canOpen) continue;
        // CommonMark "rule of 3".
        if ((opener.canClose || closer.canOpen) && (opener.originalLength + closer.originalLength) % 3 === 0 &&
          !(opener.originalLength % 3 === 0 && closer.originalLength % 3 === 0)) continue;
        const use = opener.length >= 2 && closer.length >= 2 ? 2 : 1;
        out.push([opener.start + opener.length - use, opener.start + opener.length]);
        out.push([closer.start, closer.start + use]);
        opener.length -= use;
        closer.start += use;
        closer.length -= use;
        stack.length = opener.length > 0 ? s + 1 : s;
        if (closer.length > 0) s = stack.length;
      }
    }
    if (closer.length > 0 && canOpen) stack.push(closer);
    i += n - 1;
  }
  return out;
}

function mergeOverlaps(sorted: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && d[0] <= last[1]) last[1] = Math.max(last[1], d[1]);
    else out.push([d[0], d[1]]);
  }
  return out;
}
