/**
 * Diff on the model (ARCHITECTURE.md): two versions of a document are compared section by
 * section (matched by kind and title, then by kind and number), block by block inside a
 * section (equal text first, then edited blocks of the same kind paired in order), then word
 * by word inside a changed block. The aligned pairs feed the change list (diff), the redline
 * renderers and the avenant.
 */
import type { Block, Document, Section } from '../model/types.js';
import { runsText } from '../model/types.js';
import { align } from './align.js';

/** Two versions of a block (one absent: added or removed). */
export interface BlockPair {
  readonly before?: Block;
  readonly after?: Block;
  /** Same text in both versions. */
  readonly same: boolean;
}

export interface SectionPair {
  readonly before?: Section;
  readonly after?: Section;
  readonly blocks: readonly BlockPair[];
}

/** Plain text of a block, one line per list item, table row or signature line. */
export function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return runsText(b.runs);
    case 'list':
      return b.items.map((it) => runsText(it.runs)).join('\n');
    case 'table':
      return [...(b.header ? [b.header] : []), ...b.rows]
        .map((row) => row.map((c) => c.lines.map(runsText).join(' / ')).join(' | '))
        .join('\n');
    case 'signature':
      return [
        `${b.place}${b.date ? `, ${b.date}` : ''}${b.originals ? `, ${b.originals} exemplaires` : ''}`,
        ...b.parties.map((p) => [...p.heading, p.role, p.name ?? ''].join(' ').trim()),
      ].join('\n');
    case 'pageBreak':
      return '';
  }
}

function sectionKeys(sections: readonly Section[]): string[] {
  const seen = new Map<string, number>();
  return sections.map((s) => {
    const base = s.kind === 'front' || s.kind === 'body' ? s.kind : `${s.kind}|${(s.title ?? '').toLowerCase()}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return `${base}#${n}`;
  });
}

/** Aligns the blocks of two versions of a section. */
export function compareBlocks(before: readonly Block[], after: readonly Block[]): BlockPair[] {
  const key = (b: Block): string => `${b.kind}\u0000${blockText(b)}`;
  return align(before, after, key, (x, y) => x.kind === y.kind).map((p) => {
    const b = p.before === undefined ? undefined : before[p.before];
    const a = p.after === undefined ? undefined : after[p.after];
    return { ...(b ? { before: b } : {}), ...(a ? { after: a } : {}), same: p.same || (a !== undefined && b !== undefined && key(a) === key(b)) };
  });
}

/** Aligns two versions of a document, section by section then block by block. */
export function compareDocuments(before: Document | undefined, after: Document | undefined): SectionPair[] {
  const a = before?.sections ?? [];
  const b = after?.sections ?? [];
  const ka = sectionKeys(a);
  const kb = sectionKeys(b);
  const keyOf = new Map<Section, string>([...a.map((s, i) => [s, ka[i] ?? ''] as const), ...b.map((s, i) => [s, kb[i] ?? ''] as const)]);
  const pairs = align(a, b, (s) => keyOf.get(s) ?? '', (x, y) => x.kind === y.kind && (x.number === y.number || x.kind === 'front' || x.kind === 'body'));
  return pairs.map((p) => {
    const sb = p.before === undefined ? undefined : a[p.before];
    const sa = p.after === undefined ? undefined : b[p.after];
    return { ...(sb ? { before: sb } : {}), ...(sa ? { after: sa } : {}), blocks: compareBlocks(sb?.blocks ?? [], sa?.blocks ?? []) };
  });
}

/** True when two documents have the same text everywhere. */
export function sameDocument(pairs: readonly SectionPair[]): boolean {
  return pairs.every((s) => s.before && s.after && s.blocks.every((b) => b.same));
}
