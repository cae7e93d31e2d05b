/**
 * Alignment of two lists (sections, blocks, list items, table rows): equal keys are matched by
 * longest common subsequence; between two matches, leftovers are paired in order when
 * `pairable` says they are the same unit edited (same kind), else reported added or removed.
 */
import { diffSequences } from './words.js';

/** One aligned pair: `before` and/or `after` index. */
export interface Aligned {
  readonly before?: number;
  readonly after?: number;
  /** True when matched by equal keys (unchanged unit, possibly moved by renumbering). */
  readonly same: boolean;
}

export function align<T>(a: readonly T[], b: readonly T[], key: (x: T) => string, pairable: (x: T, y: T) => boolean): Aligned[] {
  const ka = a.map((x, i) => ({ k: key(x), i }));
  const kb = b.map((x, i) => ({ k: key(x), i }));
  const edits = diffSequences(ka, kb, (x, y) => x.k === y.k);
  const out: Aligned[] = [];
  let dels: number[] = [];
  let ins: number[] = [];
  const flush = (): void => {
    // Pair leftovers in order, each removed unit with the first pairable inserted one.
    const used = new Set<number>();
    const pairs = new Map<number, number>();
    for (const d of dels) {
      const match = ins.find((j) => !used.has(j) && pairable(a[d] as T, b[j] as T));
      if (match !== undefined) {
        used.add(match);
        pairs.set(d, match);
      }
    }
    let nextIns = 0;
    for (const d of dels) {
      const j = pairs.get(d);
      if (j !== undefined) {
        // Insertions before the pair come first.
        while (nextIns < ins.length && (ins[nextIns] as number) < j) {
          const x = ins[nextIns] as number;
          if (!used.has(x)) out.push({ after: x, same: false });
          nextIns += 1;
        }
        out.push({ before: d, after: j, same: false });
        if (ins[nextIns] === j) nextIns += 1;
      } else {
        out.push({ before: d, same: false });
      }
    }
    for (; nextIns < ins.length; nextIns += 1) {
      const x = ins[nextIns] as number;
      if (!used.has(x)) out.push({ after: x, same: false });
    }
    dels = [];
    ins = [];
  };
  for (let e = 0, ai = 0, bi = 0; e < edits.length; e += 1) {
    const edit = edits[e];
    if (!edit) continue;
    if (edit.op === '=') {
      flush();
      out.push({ before: ai, after: bi, same: true });
      ai += 1;
      bi += 1;
    } else if (edit.op === '-') {
      dels.push(ai);
      ai += 1;
    } else {
      ins.push(bi);
      bi += 1;
    }
  }
  flush();
  return out;
}
