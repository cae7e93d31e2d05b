/**
 * Word diff: the longest common subsequence of two token lists (words, spaces, punctuation),
 * after trimming their common prefix and suffix. Paragraphs are short, so the quadratic table
 * only ever covers the changed middle; beyond {@link MAX_CELLS} the middle is replaced whole.
 */

/** One step of an edit script: kept, inserted or deleted. */
export interface Edit<T> {
  readonly op: '=' | '+' | '-';
  readonly item: T;
}

/** A word-level edit, as in the JSON output. */
export interface WordOp {
  readonly op: '=' | '+' | '-';
  readonly text: string;
}

const MAX_CELLS = 4_000_000;

/** Words, runs of spaces and single punctuation marks; concatenated they give the text back. */
export function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}_@.\-'’/]+|\s+|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** Edit script turning `a` into `b` (deletions before insertions inside a changed stretch). */
export function diffSequences<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean = (x, y) => x === y): Edit<T>[] {
  let start = 0;
  while (start < a.length && start < b.length && eq(a[start] as T, b[start] as T)) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && eq(a[endA - 1] as T, b[endB - 1] as T)) {
    endA -= 1;
    endB -= 1;
  }
  const out: Edit<T>[] = [];
  for (let i = 0; i < start; i += 1) out.push({ op: '=', item: a[i] as T });
  const n = endA - start;
  const m = endB - start;
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    for (let i = start; i < endA; i += 1) out.push({ op: '-', item: a[i] as T });
    for (let j = start; j < endB; j += 1) out.push({ op: '+', item: b[j] as T });
  } else {
    // lcs[i][j]: LCS length of a[start+i..endA) and b[start+j..endB).
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i -= 1) {
      for (let j = m - 1; j >= 0; j -= 1) {
        lcs[i * w + j] = eq(a[start + i] as T, b[start + j] as T)
          ? (lcs[(i + 1) * w + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * w + j] ?? 0, lcs[i * w + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    const dels: Edit<T>[] = [];
    const ins: Edit<T>[] = [];
    const flush = (): void => {
      out.push(...dels, ...ins);
      dels.length = 0;
      ins.length = 0;
    };
    while (i < n || j < m) {
      if (i < n && j < m && eq(a[start + i] as T, b[start + j] as T)) {
        flush();
        out.push({ op: '=', item: a[start + i] as T });
        i += 1;
        j += 1;
      } else if (j >= m || (i < n && (lcs[(i + 1) * w + j] ?? 0) >= (lcs[i * w + j + 1] ?? 0))) {
        dels.push({ op: '-', item: a[start + i] as T });
        i += 1;
      } else {
        ins.push({ op: '+', item: b[start + j] as T });
        j += 1;
      }
    }
    flush();
  }
  for (let i = endA; i < a.length; i += 1) out.push({ op: '=', item: a[i] as T });
  return out;
}

/** Word diff of two texts, adjacent steps of the same kind merged. */
export function diffWords(before: string, after: string): WordOp[] {
  const edits = diffSequences(tokenize(before), tokenize(after));
  const out: { op: WordOp['op']; text: string }[] = [];
  for (const e of edits) {
    const last = out[out.length - 1];
    if (last && last.op === e.op) last.text += e.item;
    else out.push({ op: e.op, text: e.item });
  }
  return out;
}
