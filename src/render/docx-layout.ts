/**
 * DocModel → Word layout: every decision the DOCX renderer makes (styles, page breaks, list
 * instances, column widths, signature rows), as plain data close to WordprocessingML.
 *
 * Two writers consume it and must give the same XML: `docx-xml.ts` (the fast one, strings) and
 * `docx.ts` (docx library objects: the reference, and the source of the package template).
 * Keeping the decisions here means they are taken once, for both. See docs/docx.md.
 */
import type {
  Align,
  Block,
  Document,
  HeadingBlock,
  ListBlock,
  ParagraphBlock,
  Run,
  Section,
  SignatureBlock,
  TableBlock,
  TableCell,
} from '../model/types.js';
import { runsText } from '../model/types.js';
import { signatureLead } from '../model/signature.js';
import { DOCX_STYLES } from './docx-styles.js';

/* ---------------------------------------------------------------- page geometry (twips) */

const CM = 567;
export const PAGE_WIDTH = 11906; // A4
export const PAGE_HEIGHT = 16838;
export const MARGIN = Math.round(2.5 * CM);
export const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

/**
 * Height of the space left for the handwritten signature (twips, at least): 64 pt, the
 * height of the PDF's signature box. A row height, not empty paragraphs.
 */
const SIGNATURE_SPACE = 1280;
/** Parties side by side in a signature row, as in the PDF; more wrap to a new row. */
const SIGNATURE_COLUMNS = 3;

/* ---------------------------------------------------------------- layout types */

/** A run of text: `\n` never occurs in `text` when it comes from model runs (it became `breakBefore`). */
export interface LayoutRun {
  readonly text: string;
  readonly bold?: true;
  readonly italic?: true;
  /** A line break (`w:br`) before the text. */
  readonly breakBefore?: true;
  /** Redlines only: a tracked insertion or deletion (model `Run.change`). */
  readonly change?: 'ins' | 'del';
}

/** Paragraph spacing in twips (`w:spacing`). */
export interface LayoutSpacing {
  readonly before?: number;
  readonly after?: number;
}

export interface LayoutParagraph {
  readonly kind: 'paragraph';
  /** Paragraph style id; undefined: Normal. */
  readonly style?: string;
  readonly keepNext?: true;
  readonly pageBreakBefore?: true;
  /** List membership: each list block is its own instance (numbering restarts). */
  readonly list?: { readonly ordered: boolean; readonly instance: number };
  readonly spacing?: LayoutSpacing;
  readonly align?: Align;
  readonly runs: readonly LayoutRun[];
}

export interface LayoutCell {
  readonly width: number;
  /** Background colour (hex RGB), for header cells. */
  readonly fill?: string;
  readonly verticalAlign?: 'top' | 'bottom';
  readonly paragraphs: readonly LayoutParagraph[];
}

export interface LayoutRow {
  /** Header row repeated on each page (`w:tblHeader`). */
  readonly header?: true;
  /** Keep with the next row: every paragraph of the row keeps with the next. */
  readonly keepNext?: true;
  /** Minimum height (twips, `w:trHeight w:hRule="atLeast"`). */
  readonly height?: number;
  readonly cells: readonly LayoutCell[];
}

/** A table border line: size in eighths of a point, colour in hex RGB. */
export interface LayoutBorder {
  readonly style: 'single' | 'none';
  readonly size: number;
  readonly color: string;
}

/** Thin black lines (data tables). */
const THIN: LayoutBorder = { style: 'single', size: 4, color: '000000' };
/** No visible line (signature block). */
const NO_LINE: LayoutBorder = { style: 'none', size: 0, color: 'FFFFFF' };
/** Grey background of a header row. */
const HEADER_FILL = 'E7E6E6';

export interface LayoutTable {
  readonly kind: 'table';
  /** Width of the whole table (twips). */
  readonly width: number;
  /** Column widths (twips). */
  readonly widths: readonly number[];
  /** The one line used for every border of the table, inside ones included. */
  readonly border: LayoutBorder;
  readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  /**
   * `w:tblLook`: a data table says its first row is a header row; a layout table (the
   * signature block) says it has none, which is how Word's accessibility checker tells a
   * layout table from a data table.
   */
  readonly look: 'data' | 'layout';
  readonly rows: readonly LayoutRow[];
}

export type LayoutBlock = LayoutParagraph | LayoutTable;

/* ---------------------------------------------------------------- inline runs */

/** Layout runs for model runs; a line feed inside a run becomes a line break. */
function textRuns(runs: readonly Run[], forceBold = false): LayoutRun[] {
  const out: LayoutRun[] = [];
  for (const run of runs) {
    const bold = forceBold || run.bold === true ? true : undefined;
    const italic = run.italic === true ? true : undefined;
    const lines = run.text.split('\n');
    for (let i = 0; i < lines.length; i += 1) {
      out.push({ text: lines[i] ?? '', bold, italic, breakBefore: i > 0 ? true : undefined, ...(run.change ? { change: run.change } : {}) });
    }
  }
  return out;
}

/* ---------------------------------------------------------------- blocks */

/** State threaded through one document: list instances and a pending page break. */
interface LayoutState {
  listInstance: number;
  breakPending: boolean;
  /** Nothing has been written yet: a page break here would only make a blank first page. */
  atStart: boolean;
}

function headingStyle(level: HeadingBlock['level']): string {
  if (level === 1) return DOCX_STYLES.title;
  if (level === 2) return DOCX_STYLES.heading1;
  return DOCX_STYLES.heading2;
}

/** Takes the pending page break (if any) for the paragraph about to be written. */
function takeBreak(state: LayoutState): true | undefined {
  const take = state.breakPending && !state.atStart;
  state.breakPending = false;
  state.atStart = false;
  return take ? true : undefined;
}

function paragraph(style: string | undefined, runs: readonly LayoutRun[] = [], extra: Partial<LayoutParagraph> = {}): LayoutParagraph {
  return { kind: 'paragraph', style, runs, ...extra };
}

/** Before a table, a pending page break needs a paragraph of its own. */
function flushBreakBeforeTable(state: LayoutState, out: LayoutBlock[]): void {
  if (takeBreak(state)) out.push(paragraph(DOCX_STYLES.spacer, [], { pageBreakBefore: true }));
}

function layoutHeading(block: HeadingBlock, next: Block | undefined, section: Section, state: LayoutState): LayoutParagraph {
  const endsTitle = block.level === 1 && !(next?.kind === 'heading' && next.level === 1);
  const annexTitle = block.level === 2 && section.kind === 'annex';
  return paragraph(headingStyle(block.level), textRuns(block.runs), {
    pageBreakBefore: takeBreak(state),
    // The last line of a (multi-line) title is followed by more room than the lines between.
    spacing: endsTitle ? { after: 480 } : annexTitle ? { before: 0, after: 240 } : undefined,
    // An annex title heads its page, centred like the document title.
    align: annexTitle ? 'center' : undefined,
  });
}

function layoutParagraph(block: ParagraphBlock, state: LayoutState): LayoutParagraph {
  return paragraph(undefined, textRuns(block.runs), {
    align: block.align,
    keepNext: block.keepWithNext === true ? true : undefined,
    pageBreakBefore: takeBreak(state),
  });
}

function layoutList(block: ListBlock, state: LayoutState, out: LayoutBlock[]): void {
  state.listInstance += 1;
  const list = { ordered: block.ordered, instance: state.listInstance };
  block.items.forEach((item, i) => {
    out.push(
      paragraph(DOCX_STYLES.list, textRuns(item.runs), {
        list,
        pageBreakBefore: i === 0 ? takeBreak(state) : undefined,
        // Items sit close together; the list as a whole is followed by a body paragraph's space.
        spacing: i === block.items.length - 1 ? { after: 120 } : undefined,
      }),
    );
  });
}

/** Splits `total` into integer widths proportional to `weights` (the last takes the rounding). */
function splitWidth(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  const used = widths.reduce((a, b) => a + b, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths[widths.length - 1] ?? 0) + total - used;
  return widths;
}

/** Column widths from the longest line of each column, bounded so no column gets crushed. */
function tableColumnWidths(block: TableBlock, columns: number): number[] {
  if (block.widths && block.widths.length === columns) return splitWidth(TEXT_WIDTH, block.widths);
  const weights: number[] = [];
  const allRows = block.header ? [block.header, ...block.rows] : block.rows;
  for (let c = 0; c < columns; c += 1) {
    let longest = 0;
    for (const row of allRows) {
      for (const line of row[c]?.lines ?? []) longest = Math.max(longest, runsText(line).length);
    }
    weights.push(Math.min(Math.max(longest, 10), 50));
  }
  return splitWidth(TEXT_WIDTH, weights);
}

function cellParagraphs(cell: TableCell | undefined, header: boolean): LayoutParagraph[] {
  const lines = cell?.lines ?? [];
  if (lines.length === 0) return [paragraph(DOCX_STYLES.tableText)];
  return lines.map((line) => paragraph(DOCX_STYLES.tableText, textRuns(line, header)));
}

/** An empty 6 pt paragraph: Word merges adjacent tables and wants a paragraph after a table. */
const SPACER: LayoutParagraph = paragraph(DOCX_STYLES.spacer);

function layoutTable(block: TableBlock, state: LayoutState, out: LayoutBlock[]): void {
  const columns = Math.max(block.header?.length ?? 0, ...block.rows.map((r) => r.length), 1);
  const widths = tableColumnWidths(block, columns);
  const modelRows: { cells: readonly TableCell[]; header: boolean }[] = [];
  if (block.header) modelRows.push({ cells: block.header, header: true });
  for (const cells of block.rows) modelRows.push({ cells, header: false });
  if (modelRows.length === 0) return;
  flushBreakBeforeTable(state, out);
  const rows = modelRows.map(
    (row, r): LayoutRow => ({
      header: row.header ? true : undefined,
      // Keep the table on one page: every row but the last keeps with the next.
      keepNext: r < modelRows.length - 1 ? true : undefined,
      cells: widths.map((width, c) => ({
        width,
        fill: row.header ? HEADER_FILL : undefined,
        paragraphs: cellParagraphs(row.cells[c], row.header),
      })),
    }),
  );
  out.push({ kind: 'table', width: TEXT_WIDTH, widths, border: THIN, margins: { top: 40, bottom: 40, left: 100, right: 100 }, look: 'data', rows });
  // A table is immediately followed by a paragraph in Word; give it breathing room.
  out.push(SPACER);
}

/** One paragraph per line of a signature cell; a cell without lines gets one empty paragraph (Word wants one). */
function signatureParagraphs(lines: readonly string[], bold = false): LayoutParagraph[] {
  const filled = lines.filter((line) => line !== '');
  if (filled.length === 0) return [paragraph(DOCX_STYLES.signature)];
  return filled.map((line) => paragraph(DOCX_STYLES.signature, [{ text: line, bold: bold ? true : undefined }]));
}

/**
 * The signature block as the PDF places it: the lead sentence, then at most three parties
 * side by side (more wrap to a new group of rows), each column its heading lines and role,
 * a 64 pt space to sign in, the name in bold; left-aligned. A borderless layout table; no
 * left cell margin, so the first column starts at the text margin as in the PDF, and 9 pt on
 * the right, so each column's text is as wide as the PDF's (columns 18 pt apart).
 */
function layoutSignature(block: SignatureBlock, state: LayoutState, out: LayoutBlock[]): void {
  out.push(
    paragraph(DOCX_STYLES.signatureLead, [{ text: signatureLead(block) }], { pageBreakBefore: takeBreak(state) }),
  );
  if (block.parties.length === 0) return;
  const perRow = Math.max(1, Math.min(block.parties.length, SIGNATURE_COLUMNS));
  const widths = splitWidth(
    TEXT_WIDTH,
    Array.from({ length: perRow }, () => 1),
  );
  const hasNames = block.parties.some((p) => p.name !== undefined && p.name !== '');
  const rows: LayoutRow[] = [];
  for (let start = 0; start < block.parties.length; start += perRow) {
    const group = block.parties.slice(start, start + perRow);
    const lastGroup = start + perRow >= block.parties.length;
    const cells = (lines: (p: SignatureBlock['parties'][number]) => readonly string[], bold: boolean, verticalAlign: 'top' | 'bottom'): LayoutCell[] =>
      widths.map((width, i) => {
        const p = group[i];
        return { width, verticalAlign, paragraphs: signatureParagraphs(p === undefined ? [] : lines(p), bold) };
      });
    // Three rows per group so the names line up even when the headings differ in length.
    rows.push({ keepNext: true, cells: cells((p) => [...p.heading, p.role], false, 'top') });
    rows.push({ keepNext: hasNames || !lastGroup ? true : undefined, height: SIGNATURE_SPACE, cells: cells(() => [], false, 'top') });
    if (hasNames) rows.push({ keepNext: lastGroup ? undefined : true, cells: cells((p) => (p.name ? [p.name] : []), true, 'bottom') });
  }
  out.push({ kind: 'table', width: TEXT_WIDTH, widths, border: NO_LINE, margins: { top: 0, bottom: 0, left: 0, right: 180 }, look: 'layout', rows });
  out.push(SPACER);
}

/** Redlines: every run laid out from index `first` on becomes a tracked change. */
function markChange(out: LayoutBlock[], first: number, change: 'ins' | 'del'): void {
  const mark = (p: LayoutParagraph): LayoutParagraph => ({ ...p, runs: p.runs.map((r) => ({ ...r, change })) });
  for (let i = first; i < out.length; i += 1) {
    const b = out[i];
    if (!b) continue;
    out[i] =
      b.kind === 'paragraph'
        ? mark(b)
        : { ...b, rows: b.rows.map((row) => ({ ...row, cells: row.cells.map((c) => ({ ...c, paragraphs: c.paragraphs.map(mark) })) })) };
  }
}

function layoutSection(section: Section, state: LayoutState, out: LayoutBlock[]): void {
  if (section.kind === 'annex') state.breakPending = true;
  section.blocks.forEach((block, i) => {
    switch (block.kind) {
      case 'heading':
        out.push(layoutHeading(block, section.blocks[i + 1], section, state));
        break;
      case 'paragraph':
        out.push(layoutParagraph(block, state));
        break;
      case 'list':
        layoutList(block, state, out);
        break;
      case 'table':
        layoutTable(block, state, out);
        break;
      case 'signature': {
        const first = out.length;
        layoutSignature(block, state, out);
        if (block.change) markChange(out, first, block.change);
        break;
      }
      case 'pageBreak':
        state.breakPending = true;
        break;
    }
  });
}

/**
 * The body of a document as Word paragraphs and tables, in order. Never empty: a document
 * without blocks gets one empty paragraph (Word wants at least one).
 */
export function layoutDocument(doc: Document): readonly LayoutBlock[] {
  const state: LayoutState = { listInstance: 0, breakPending: false, atStart: true };
  const out: LayoutBlock[] = [];
  for (const section of doc.sections) layoutSection(section, state, out);
  if (out.length === 0) out.push(paragraph(undefined));
  return withoutSpacers(out);
}

/**
 * Spacers stay only where Word needs a paragraph: between two tables (Word would merge them)
 * and after a table that ends the document. Elsewhere the paragraph after a table carries the
 * space itself (`w:spacing w:before`), so no empty paragraph is used for spacing (an
 * accessibility checker, or a screen reader, reads each one as a blank line).
 */
function withoutSpacers(blocks: readonly LayoutBlock[]): LayoutBlock[] {
  const out: LayoutBlock[] = [];
  let spaceNext = false;
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block === SPACER && next !== undefined && next.kind === 'paragraph' && next.style !== DOCX_STYLES.title) {
      // Headings and the signature lead have more space before them in their style.
      spaceNext = next.style === undefined || next.style === DOCX_STYLES.list;
      return;
    }
    if (spaceNext && block.kind === 'paragraph') {
      out.push({ ...block, spacing: { ...block.spacing, before: Math.max(block.spacing?.before ?? 0, SPACE_AFTER_TABLE) } });
    } else {
      out.push(block);
    }
    spaceNext = false;
  });
  return out;
}

/** Space between a table and the paragraph after it (twips): what the 6 pt spacer gave. */
const SPACE_AFTER_TABLE = 140;
