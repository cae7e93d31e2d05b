/**
 * The redline of a document: one DocModel holding both versions, the new text with every
 * insertion marked `change: 'ins'` and every deletion kept and marked `change: 'del'`, built
 * from the same alignment as `convkit diff` (compare.ts). Accepting every change gives the new
 * document's text, rejecting every change the old one's. Renderers: render/redline-docx.ts
 * (tracked changes), render/pdf/redline.ts (underlined / struck through, change bars).
 */
import type { Block, Document, ListItem, Run, Section, TableBlock, TableCell } from '../model/types.js';
import { runsText } from '../model/types.js';
import { align } from './align.js';
import { compareDocuments } from './compare.js';
import { diffSequences, tokenize } from './words.js';

type Change = 'ins' | 'del';

function mark(runs: readonly Run[], change: Change): Run[] {
  return runs.filter((r) => r.text !== '').map((r) => ({ ...r, change }));
}

interface StyledToken {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** Tokens of runs, each with the emphasis of the run it comes from (tokens never span runs). */
function styledTokens(runs: readonly Run[]): StyledToken[] {
  const out: StyledToken[] = [];
  for (const r of runs) {
    for (const t of tokenize(r.text)) out.push({ text: t, ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) });
  }
  return out;
}

/** Word-level merge of two versions of a run list. */
export function mergeRuns(before: readonly Run[], after: readonly Run[]): Run[] {
  const edits = diffSequences(styledTokens(before), styledTokens(after), (x, y) => x.text === y.text);
  const out: { text: string; bold?: boolean; italic?: boolean; change?: Change }[] = [];
  // Kept tokens take the new version's emphasis: walk the new tokens alongside.
  const afterTokens = styledTokens(after);
  let j = 0;
  for (const e of edits) {
    let tok: StyledToken = e.item;
    let change: Change | undefined;
    if (e.op === '=') {
      tok = afterTokens[j] ?? e.item;
      j += 1;
    } else if (e.op === '+') {
      j += 1;
      change = 'ins';
    } else {
      change = 'del';
    }
    const last = out[out.length - 1];
    if (last && last.change === change && last.bold === tok.bold && last.italic === tok.italic) last.text += tok.text;
    else out.push({ text: tok.text, ...(tok.bold ? { bold: true } : {}), ...(tok.italic ? { italic: true } : {}), ...(change ? { change } : {}) });
  }
  return out;
}

function markBlock(b: Block, change: Change): Block {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return { ...b, runs: mark(b.runs, change) };
    case 'list':
      return { ...b, items: b.items.map((it) => ({ ...it, runs: mark(it.runs, change) })) };
    case 'table': {
      const cell = (c: TableCell): TableCell => ({ lines: c.lines.map((l) => mark(l, change)) });
      return { ...b, ...(b.header ? { header: b.header.map(cell) } : {}), rows: b.rows.map((r) => r.map(cell)) };
    }
    case 'signature':
      return { ...b, change };
    case 'pageBreak':
      return b;
  }
}

function mergeItems(before: readonly ListItem[], after: readonly ListItem[]): ListItem[] {
  return align(before, after, (it) => runsText(it.runs), () => true).map((p) => {
    const b = p.before === undefined ? undefined : before[p.before];
    const a = p.after === undefined ? undefined : after[p.after];
    if (a && b) return p.same ? a : { ...a, runs: mergeRuns(b.runs, a.runs) };
    if (a) return { ...a, runs: mark(a.runs, 'ins') };
    return { ...(b as ListItem), runs: mark((b as ListItem).runs, 'del') };
  });
}

function mergeCells(before: readonly TableCell[], after: readonly TableCell[]): TableCell[] {
  return after.map((cell, c) => {
    const old = before[c];
    if (!old) return { lines: cell.lines.map((l) => mark(l, 'ins')) };
    const lines = align(old.lines, cell.lines, runsText, () => true).map((p) => {
      const b = p.before === undefined ? undefined : old.lines[p.before];
      const a = p.after === undefined ? undefined : cell.lines[p.after];
      if (a && b) return p.same ? a : mergeRuns(b, a);
      return a ? mark(a, 'ins') : mark(b ?? [], 'del');
    });
    return { lines };
  });
}

function rowText(row: readonly TableCell[]): string {
  return row.map((c) => c.lines.map(runsText).join('\n')).join('\u0000');
}

/** Two versions of a table with the same columns: rows aligned, cells merged line by line. */
function mergeTables(before: TableBlock, after: TableBlock): Block[] {
  const columns = (t: TableBlock): number => Math.max(t.header?.length ?? 0, ...t.rows.map((r) => r.length));
  if (columns(before) !== columns(after) || (before.header === undefined) !== (after.header === undefined)) {
    return [markBlock(before, 'del'), markBlock(after, 'ins')];
  }
  const header = after.header && before.header ? mergeCells(before.header, after.header) : undefined;
  const rows = align(before.rows, after.rows, rowText, () => true).map((p) => {
    const b = p.before === undefined ? undefined : before.rows[p.before];
    const a = p.after === undefined ? undefined : after.rows[p.after];
    if (a && b) return p.same ? a : mergeCells(b, a);
    const cell = (c: TableCell, change: Change): TableCell => ({ lines: c.lines.map((l) => mark(l, change)) });
    return a ? a.map((c) => cell(c, 'ins')) : (b ?? []).map((c) => cell(c, 'del'));
  });
  return [{ ...after, ...(header ? { header } : {}), rows }];
}

function mergeBlock(before: Block, after: Block): Block[] {
  if ((before.kind === 'heading' || before.kind === 'paragraph') && before.kind === after.kind) {
    return [{ ...after, runs: mergeRuns(before.runs, after.runs) }];
  }
  if (before.kind === 'list' && after.kind === 'list') return [{ ...after, items: mergeItems(before.items, after.items) }];
  if (before.kind === 'table' && after.kind === 'table') return mergeTables(before, after);
  if (before.kind === 'pageBreak') return [after];
  return [markBlock(before, 'del'), markBlock(after, 'ins')];
}

/** True when a section's blocks carry any change mark. */
function strip(blocks: readonly Block[]): Block[] {
  return blocks.map((b) => {
    const { source: _source, ...rest } = b;
    return rest as Block;
  });
}

/**
 * The redline of two versions of a document: the new version's structure and properties, with
 * insertions and deletions marked. Provenance is dropped (renderers ignore it anyway).
 */
export function redlineDocument(before: Document, after: Document): Document {
  const sections: Section[] = compareDocuments(before, after).map((sp) => {
    const base = (sp.after ?? sp.before) as Section;
    const blocks: Block[] = [];
    for (const bp of sp.blocks) {
      if (bp.after && (bp.same || !bp.before)) blocks.push(bp.same ? bp.after : markBlock(bp.after, 'ins'));
      else if (bp.before && !bp.after) blocks.push(markBlock(bp.before, 'del'));
      else if (bp.before && bp.after) blocks.push(...mergeBlock(bp.before, bp.after));
    }
    const { source: _source, ...section } = base;
    return { ...section, blocks: strip(blocks) };
  });
  return { ...after, sections };
}

/** True when a redline shows at least one change. */
export function hasChanges(doc: Document): boolean {
  const runs = (rs: readonly Run[]): boolean => rs.some((r) => r.change !== undefined);
  return doc.sections.some((s) =>
    s.blocks.some((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return runs(b.runs);
        case 'list':
          return b.items.some((it) => runs(it.runs));
        case 'table':
          return [...(b.header ? [b.header] : []), ...b.rows].some((r) => r.some((c) => c.lines.some(runs)));
        case 'signature':
          return b.change !== undefined;
        case 'pageBreak':
          return false;
      }
    }),
  );
}
