/**
 * Helpers of the corpus comparison: the 2014 corpus and the generated DocModel, both reduced to
 * a sequence of text units (paragraphs, list items, table-cell lines, signature lines), and an
 * LCS diff between them with an explicit table of intended differences.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { signatureLead } from '../../src/model/signature.js';
import type { Block, Document } from '../../src/model/types.js';
import { runsText } from '../../src/model/types.js';

export const CORPUS_LINES: readonly string[] = readFileSync(
  fileURLToPath(new URL('../fixtures/corpus-2014.txt', import.meta.url)),
  'utf8',
).split(/\r?\n/);

/** Same text for the comparison: spaces (NBSP, narrow NBSP, tabs, runs) and apostrophes. */
export function normalise(text: string): string {
  return text
    .replace(/[\u00a0\u202f\t ]+/g, ' ')
    .replace(/[’‘]/g, "'")
    .replace(/\*\*/g, '')
    .trim();
}

const EMAIL = /^\S+@\S+\.\S+$/;
const HAS_LOWER = /\p{Ll}/u;

/**
 * Units of a corpus range (1-based, inclusive). Paragraphs are blank-line separated; inside a
 * paragraph, « - » lines are list items, and a hard line break is a paragraph break unless it
 * only wraps a sentence (next line in lower case, a hyphen at the end of the line, or a title in
 * capitals). An e-mail address on its own line is always its own unit.
 */
export function corpusUnits(from: number, to: number): string[] {
  const units: string[] = [];
  let chunk: string[] = [];
  const flush = (): void => {
    if (chunk.length === 0) return;
    let current: string | undefined;
    const emit = (): void => {
      if (current !== undefined && normalise(current) !== '') units.push(normalise(current));
      current = undefined;
    };
    for (const raw of chunk) {
      const line = raw.replace(/\*\*/g, '').trim();
      const item = /^-\s+(.*)$/.exec(line);
      if (item && !/^- .* -$/.test(line)) {
        emit();
        current = item[1] ?? '';
        continue;
      }
      if (current === undefined) {
        current = line;
        continue;
      }
      const prev = current;
      const wraps =
        !EMAIL.test(line) &&
        !EMAIL.test(prev.split(' ').pop() ?? '') &&
        (/^\p{Ll}/u.test(line) || /\p{L}-$/u.test(prev) || (!HAS_LOWER.test(prev) && !HAS_LOWER.test(line)));
      if (wraps) current = /\p{L}-$/u.test(prev) ? prev + line : `${prev} ${line}`;
      else {
        emit();
        current = line;
      }
    }
    emit();
    chunk = [];
  };
  for (let n = from; n <= to; n += 1) {
    const line = CORPUS_LINES[n - 1] ?? '';
    if (line.trim() === '') flush();
    else chunk.push(line);
  }
  flush();
  return units;
}

/** Units of one block, in reading order. */
export function blockUnits(block: Block): string[] {
  const lines = (text: string): string[] => text.split('\n').map(normalise).filter((t) => t !== '');
  switch (block.kind) {
    case 'heading':
    case 'paragraph':
      return lines(runsText(block.runs));
    case 'list':
      return block.items.flatMap((it) => lines(runsText(it.runs)));
    case 'table':
      return [...(block.header ? [block.header] : []), ...block.rows].flatMap((row) =>
        row.flatMap((cell) => cell.lines.flatMap((l) => lines(runsText(l)))),
      );
    case 'signature':
      return [
        normalise(signatureLead(block)),
        ...block.parties.flatMap((p) => [normalise(p.heading.join(' ')), normalise(p.role)]),
        ...block.parties.flatMap((p) => (p.name ? [normalise(p.name)] : [])),
      ];
    case 'pageBreak':
      return [];
  }
}

/** Units of a generated document (or of some of its sections). */
export function documentUnits(doc: Pick<Document, 'sections'>): string[] {
  return doc.sections.flatMap((s) => s.blocks.flatMap(blockUnits));
}

/** A global correction: applied to the corpus text before the diff (must apply at least once). */
export interface Rewrite {
  readonly id: string;
  readonly partners: readonly string[];
  readonly from: RegExp;
  readonly to: string;
  readonly reason: string;
}

/** A unit matcher: an exact (normalised) text or a pattern. */
export type Matcher = string | RegExp;

/** A difference of whole units: corpus units replaced by generated ones (either side may be empty). */
export interface Difference {
  readonly id: string;
  readonly partners: readonly string[];
  readonly corpus: readonly Matcher[];
  readonly generated: readonly Matcher[];
  readonly reason: string;
}

/** Units that are identical on both sides but moved (an annex reordered, a misplaced paragraph). */
export interface Move {
  readonly id: string;
  readonly partners: readonly string[];
  /** Every moved unit must match this pattern. */
  readonly moved: RegExp;
  readonly reason: string;
}

function matches(m: Matcher, unit: string): boolean {
  return typeof m === 'string' ? normalise(m) === unit : m.test(unit);
}

/** Applies the rewrites listed for `partner`; returns the rewritten units and the ids used. */
export function applyRewrites(units: readonly string[], rewrites: readonly Rewrite[], partner: string): { units: string[]; used: Set<string> } {
  const used = new Set<string>();
  const out = units.map((u) => {
    let text = u;
    for (const r of rewrites) {
      if (!r.partners.includes(partner)) continue;
      const flags = r.from.flags.includes('g') ? r.from.flags : `${r.from.flags}g`;
      const re = new RegExp(r.from.source, flags);
      if (re.test(text)) {
        used.add(r.id);
        text = text.replace(new RegExp(r.from.source, flags), r.to);
      }
    }
    return normalise(text);
  });
  // A rewrite to the empty string drops the unit (a heading split over two paragraphs).
  return { units: out.filter((u) => u !== ''), used };
}

/** One run of differing units between two matches. */
export interface Hunk {
  /** Index in the corpus units where the hunk starts (for the report). */
  readonly at: number;
  readonly removed: string[];
  readonly added: string[];
}

/** LCS diff of two unit sequences into hunks. */
export function diffUnits(a: readonly string[], b: readonly string[]): Hunk[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      const row = lcs[i] as number[];
      row[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const hunks: Hunk[] = [];
  let current: Hunk | undefined;
  let i = 0;
  let j = 0;
  const open = (): Hunk => {
    current ??= { at: i, removed: [], added: [] };
    return current;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      if (current) hunks.push(current);
      current = undefined;
      i += 1;
      j += 1;
    } else if (j < m && (i >= n || (lcs[i]?.[j + 1] ?? 0) >= (lcs[i + 1]?.[j] ?? 0))) {
      open().added.push(b[j] ?? '');
      j += 1;
    } else {
      open().removed.push(a[i] ?? '');
      i += 1;
    }
  }
  if (current) hunks.push(current);
  return hunks;
}

/**
 * Accounts for every hunk with the differences listed for `partner`. A difference applies when
 * all its matchers find distinct units in one hunk; it may apply several times. Returns what no
 * difference explains and the ids that explained something.
 */
export function explain(
  hunks: readonly Hunk[],
  differences: readonly Difference[],
  partner: string,
  moves: readonly Move[] = [],
): { unexplained: Hunk[]; used: Set<string> } {
  const used = new Set<string>();
  const unexplained: Hunk[] = [];
  // Larger rows first, so that a one-unit row never takes a unit a larger row needs.
  const mine = differences
    .filter((d) => d.partners.includes(partner))
    .sort((x, y) => y.corpus.length + y.generated.length - (x.corpus.length + x.generated.length));
  // Moves first: a unit removed in one hunk and added unchanged in another.
  const work = hunks.map((h) => ({ at: h.at, removed: [...h.removed], added: [...h.added] }));
  for (const move of moves.filter((m) => m.partners.includes(partner))) {
    for (const h of work) {
      for (let k = h.removed.length - 1; k >= 0; k -= 1) {
        const unit = h.removed[k] ?? '';
        if (!move.moved.test(unit)) continue;
        const target = work.find((o) => o !== h && o.added.includes(unit));
        if (!target) continue;
        target.added.splice(target.added.indexOf(unit), 1);
        h.removed.splice(k, 1);
        used.add(move.id);
      }
    }
  }
  for (const hunk of work) {
    const removed = hunk.removed;
    const added = hunk.added;
    let progress = true;
    while (progress && (removed.length > 0 || added.length > 0)) {
      progress = false;
      for (const d of mine) {
        const r: number[] = [];
        const g: number[] = [];
        // A row's units are found in its order (a swap inside a hunk is not explained).
        const find = (matchers: readonly Matcher[], units: readonly string[], taken: number[]): boolean => {
          let from = 0;
          return matchers.every((m) => {
            const k = units.findIndex((u, idx) => idx >= from && matches(m, u));
            if (k < 0) return false;
            taken.push(k);
            from = k + 1;
            return true;
          });
        };
        const ok = find(d.corpus, removed, r) && find(d.generated, added, g);
        if (ok && r.length + g.length > 0) {
          for (const k of r.sort((x, y) => y - x)) removed.splice(k, 1);
          for (const k of g.sort((x, y) => y - x)) added.splice(k, 1);
          used.add(d.id);
          progress = true;
          break;
        }
      }
    }
    if (removed.length > 0 || added.length > 0) unexplained.push({ at: hunk.at, removed, added });
  }
  return { unexplained, used };
}

/** A readable report of unexplained hunks: « - corpus » / « + généré » lines. */
export function formatHunks(title: string, hunks: readonly Hunk[]): string {
  const out = [`${title} : ${hunks.length} différence(s) non répertoriée(s)`];
  for (const h of hunks) {
    out.push(`@@ unité ${h.at} du corpus`);
    for (const u of h.removed) out.push(`- ${u}`);
    for (const u of h.added) out.push(`+ ${u}`);
  }
  return out.join('\n');
}
