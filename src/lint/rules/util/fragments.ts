import type { TextNode } from '../../types.js';
import type { SegmentedFile } from '../../segment.js';
import { sentences, tokenize } from '../../text/normalize.js';

/** Truncated duplicates: a fragment at the end of a paragraph that repeats the start of a neighbouring sentence. */

/** Folded words with a final « s » dropped (« elles » ~ « elle »). */
function stems(text: string): string[] {
  return tokenize(text).map((t) => (t.norm.length > 3 && t.norm.endsWith('s') ? t.norm.slice(0, -1) : t.norm));
}

/** Share of `frag`'s words found in order among the first words of `other`. */
function prefixCover(frag: readonly string[], other: readonly string[]): number {
  const window = other.slice(0, frag.length + 3);
  const w = window.length + 1;
  const dp = new Int32Array((frag.length + 1) * w);
  for (let i = frag.length - 1; i >= 0; i--) {
    for (let j = window.length - 1; j >= 0; j--) {
      dp[i * w + j] = frag[i] === window[j] ? (dp[(i + 1) * w + j + 1] as number) + 1 : Math.max(dp[(i + 1) * w + j] as number, dp[i * w + j + 1] as number);
    }
  }
  return (dp[0] as number) / frag.length;
}

const TERMINAL = /[.!?:;»)…]\s*$/;

export interface Fragment {
  readonly start: number;
  readonly end: number;
  /** The sentence it repeats. */
  readonly twin: { readonly node: TextNode; readonly start: number; readonly end: number };
}

const CACHE = new WeakMap<TextNode, Fragment | null>();

/**
 * The truncated fragment ending `node`, if any: a last « sentence » without final
 * punctuation (2 to 12 words), after at least one complete sentence, not continued by the
 * next paragraph, whose words are mostly the first words of another sentence of the
 * paragraph or of the first sentence of a neighbouring paragraph.
 */
export function trailingFragment(file: SegmentedFile, node: TextNode): Fragment | undefined {
  const cached = CACHE.get(node);
  if (cached !== undefined) return cached ?? undefined;
  const result = compute(file, node);
  CACHE.set(node, result ?? null);
  return result;
}

function compute(file: SegmentedFile, node: TextNode): Fragment | undefined {
  const nodes = file.source.nodes;
  const i = node.index;
  if (nodes[i] !== node) return undefined;
  const sents = sentences(node.text);
  const last = sents[sents.length - 1];
  const next = nodes[i + 1];
  if (!last || sents.length < 2 || TERMINAL.test(node.text.slice(last.start, last.end)) || (next && /^\p{Ll}/u.test(next.text))) return undefined;
  const frag = stems(node.text.slice(last.start, last.end));
  if (frag.length < 2 || frag.length > 12) return undefined;
  const candidates: { node: TextNode; start: number; end: number }[] = sents.slice(0, -1).map((s) => ({ node, start: s.start, end: s.end }));
  for (const n of [nodes[i - 1], next]) {
    if (!n) continue;
    const s0 = sentences(n.text)[0];
    if (s0) candidates.push({ node: n, start: s0.start, end: s0.end });
  }
  let best: { node: TextNode; start: number; end: number } | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    const score = prefixCover(frag, stems(c.node.text.slice(c.start, c.end)));
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best && bestScore >= 0.6 ? { start: last.start, end: last.end, twin: best } : undefined;
}
