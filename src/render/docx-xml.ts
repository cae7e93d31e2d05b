/**
 * Word layout → the XML of the body of `word/document.xml`, written directly as strings.
 *
 * This is the fast path of the DOCX renderer. It writes exactly what the docx library (9.15.2)
 * writes for the same layout, byte for byte — element order, attribute order, escaping —
 * which the tests check against the library on the sample documents and on random ones
 * (`test/render/docx/fast-path.test.ts`). See docs/docx.md.
 */
import type { Align } from '../model/types.js';
import type { LayoutBlock, LayoutParagraph, LayoutRun, LayoutSpacing, LayoutTable } from './docx-layout.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

const SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const HAS_SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;

/**
 * Escapes text the way the docx library does: the five XML entities, and the control
 * characters XML 1.0 forbids are dropped (tab, line feed and carriage return are kept).
 */
export function escapeXmlText(text: string): string {
  return HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (char) => ESCAPES[char] ?? '') : text;
}

const JC: Readonly<Record<Align, string>> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

function spacingXml(spacing: LayoutSpacing): string {
  let attrs = '';
  if (spacing.after !== undefined) attrs += ` w:after="${spacing.after}"`;
  if (spacing.before !== undefined) attrs += ` w:before="${spacing.before}"`;
  return `<w:spacing${attrs}/>`;
}

/**
 * Tracked changes (redlines only, render/redline-docx.ts): runs marked `change` are written
 * inside `w:ins` / `w:del` with this author and date and a fresh `w:id` each.
 */
export interface Revisions {
  readonly author: string;
  /** ISO date-time (« 2015-06-30T00:00:00Z »), from the data: never the clock. */
  readonly date: string;
  /** Next `w:id`; incremented as marks are written. */
  next: number;
}

function revisionAttrs(rev: Revisions): string {
  const id = rev.next;
  rev.next += 1;
  return ` w:id="${id}" w:author="${escapeXmlText(rev.author)}" w:date="${rev.date}"`;
}

function runXml(run: LayoutRun, rev?: Revisions): string {
  let props = '';
  if (run.bold) props += '<w:b/><w:bCs/>';
  if (run.italic) props += '<w:i/><w:iCs/>';
  const deleted = rev !== undefined && run.change === 'del';
  const xml =
    '<w:r>' +
    (props === '' ? '' : `<w:rPr>${props}</w:rPr>`) +
    (run.breakBefore ? '<w:br/>' : '') +
    (deleted ? `<w:delText xml:space="preserve">${escapeXmlText(run.text)}</w:delText></w:r>` : `<w:t xml:space="preserve">${escapeXmlText(run.text)}</w:t></w:r>`);
  if (rev === undefined || run.change === undefined) return xml;
  const tag = run.change === 'ins' ? 'w:ins' : 'w:del';
  return `<${tag}${revisionAttrs(rev)}>${xml}</${tag}>`;
}

/** Numbering ids of list instances, in order of first appearance (as docx assigns them). */
class NumIds {
  private readonly ids = new Map<number, number>();
  /** Whether each list is ordered, by numId − first id. */
  readonly ordered: boolean[] = [];
  constructor(private readonly first: number) {}

  of(instance: number, ordered: boolean): number {
    let id = this.ids.get(instance);
    if (id === undefined) {
      id = this.first + this.ordered.length;
      this.ids.set(instance, id);
      this.ordered.push(ordered);
    }
    return id;
  }
}

function paragraphXml(p: LayoutParagraph, numIds: NumIds, rowKeepNext: boolean, rev?: Revisions): string {
  let props = '';
  if (p.style !== undefined) props += `<w:pStyle w:val="${escapeXmlText(p.style)}"/>`;
  if (p.keepNext || rowKeepNext) props += '<w:keepNext/>';
  if (p.pageBreakBefore) props += '<w:pageBreakBefore/>';
  if (p.list) {
    props += `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numIds.of(p.list.instance, p.list.ordered)}"/></w:numPr>`;
  }
  if (p.spacing) props += spacingXml(p.spacing);
  if (p.align) props += `<w:jc w:val="${JC[p.align]}"/>`;
  // A paragraph made only of inserted (deleted) runs: its mark is inserted (deleted) too, so
  // that rejecting (accepting) every change removes the whole paragraph.
  const whole = rev && p.runs.length > 0 && p.runs.every((r) => r.change === p.runs[0]?.change) ? p.runs[0]?.change : undefined;
  if (whole && rev) props += `<w:rPr><w:${whole}${revisionAttrs(rev)}/></w:rPr>`;
  let runs = '';
  for (const run of p.runs) runs += runXml(run, rev);
  if (props === '' && runs === '') return '<w:p/>';
  return `<w:p>${props === '' ? '' : `<w:pPr>${props}</w:pPr>`}${runs}</w:p>`;
}

function borderXml(border: LayoutTable['border']): string {
  const line = `w:val="${border.style}" w:color="${escapeXmlText(border.color)}" w:sz="${border.size}"`;
  let out = '<w:tblBorders>';
  for (const side of ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']) out += `<w:${side} ${line}/>`;
  return `${out}</w:tblBorders>`;
}

/** `w:tblLook` of a data table (first row is a header) and of a layout table (no header). */
const TBL_LOOK: Readonly<Record<LayoutTable['look'], string>> = {
  data: '<w:tblLook w:firstRow="true" w:lastRow="false" w:firstColumn="false" w:lastColumn="false" w:noHBand="true" w:noVBand="true"/>',
  layout: '<w:tblLook w:firstRow="false" w:lastRow="false" w:firstColumn="false" w:lastColumn="false" w:noHBand="true" w:noVBand="true"/>',
};

function tableXml(table: LayoutTable, numIds: NumIds, rev?: Revisions): string {
  const { top, left, bottom, right } = table.margins;
  let out =
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:type="dxa" w:w="${table.width}"/>` +
    borderXml(table.border) +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:type="dxa" w:w="${top}"/><w:left w:type="dxa" w:w="${left}"/>` +
    `<w:bottom w:type="dxa" w:w="${bottom}"/><w:right w:type="dxa" w:w="${right}"/></w:tblCellMar>` +
    TBL_LOOK[table.look] +
    '</w:tblPr><w:tblGrid>';
  for (const width of table.widths) out += `<w:gridCol w:w="${width}"/>`;
  out += '</w:tblGrid>';
  for (const row of table.rows) {
    if (row.cells.length === 0) continue; // docx leaves out a row without cells
    out += `<w:tr><w:trPr><w:cantSplit/>${row.header ? '<w:tblHeader/>' : ''}`;
    if (row.height !== undefined) out += `<w:trHeight w:val="${row.height}" w:hRule="atLeast"/>`;
    out += '</w:trPr>';
    for (const cell of row.cells) {
      out += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${cell.width}"/>`;
      if (cell.fill !== undefined) out += `<w:shd w:fill="${escapeXmlText(cell.fill)}" w:color="auto" w:val="clear"/>`;
      if (cell.verticalAlign) out += `<w:vAlign w:val="${cell.verticalAlign}"/>`;
      out += '</w:tcPr>';
      for (const p of cell.paragraphs) out += paragraphXml(p, numIds, row.keepNext === true, rev);
      out += '</w:tc>';
    }
    out += '</w:tr>';
  }
  return `${out}</w:tbl>`;
}

/** The body XML of a document and the list instances it numbers. */
export interface BodyXml {
  /** The children of `w:body`, without the final `w:sectPr`. */
  readonly xml: string;
  /** One entry per numbering instance, in numId order from `firstNumId`: whether it is ordered. */
  readonly lists: readonly boolean[];
}

/**
 * Writes the body of `word/document.xml` for a layout.
 *
 * @param blocks the layout (`layoutDocument`).
 * @param firstNumId the numId of the first list instance (docx numbers its own default list 1).
 * @param rev tracked-change marks for runs carrying `change` (redlines); absent: ignored.
 */
export function bodyXml(blocks: readonly LayoutBlock[], firstNumId: number, rev?: Revisions): BodyXml {
  const numIds = new NumIds(firstNumId);
  let xml = '';
  for (const block of blocks) xml += block.kind === 'table' ? tableXml(block, numIds, rev) : paragraphXml(block, numIds, false, rev);
  return { xml, lists: numIds.ordered };
}
