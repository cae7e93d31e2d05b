/**
 * DocModel → .docx. The only module of convkit that imports the `docx` library.
 *
 * The renderer writes real Word styles (Title, Heading 1, Heading 2, list numbering
 * definitions, justified Normal text in French), so the output stays editable and can be read
 * back by the linter. It writes no text of its own except the running header, the
 * « page X / Y » footer and the signature lead sentence. See docs/docx.md.
 */
import {
  AlignmentType,
  BorderStyle,
  Document as DocxDocument,
  Footer,
  Header,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IStylesOptions,
  type ITableBordersOptions,
  type INumberingOptions,
} from 'docx';
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
  TableCell as ModelCell,
} from '../model/types.js';
import { runsText } from '../model/types.js';
import { signatureLead } from '../model/signature.js';
import { normalizeDocxPackage, parseMetaDate } from './docx-package.js';
import { DOCX_STYLES } from './docx-styles.js';

/* ---------------------------------------------------------------- page geometry (twips) */

const CM = 567;
const PAGE_WIDTH = 11906; // A4
const PAGE_HEIGHT = 16838;
const MARGIN = Math.round(2.5 * CM);
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

const FONT = 'Times New Roman';
const LANGUAGE = 'fr-FR';

/* ---------------------------------------------------------------- styles */

const BULLET_REF = 'convkit-bullet';
const ORDERED_REF = 'convkit-ordered';

const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 22, language: { value: LANGUAGE } },
      paragraph: { spacing: { after: 120, line: 264 } },
    },
    title: {
      name: 'Title',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 28, bold: true, color: '000000' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 60 }, keepNext: true, keepLines: true },
    },
    heading1: {
      name: 'heading 1',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 24, bold: true, color: '000000' },
      paragraph: {
        alignment: AlignmentType.LEFT,
        spacing: { before: 300, after: 120 },
        keepNext: true,
        keepLines: true,
        outlineLevel: 0,
      },
    },
    heading2: {
      name: 'heading 2',
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 22, bold: true, color: '000000' },
      paragraph: {
        alignment: AlignmentType.JUSTIFIED,
        spacing: { before: 200, after: 80 },
        keepNext: true,
        keepLines: true,
        outlineLevel: 1,
      },
    },
    listParagraph: {
      name: 'List Paragraph',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 60 } },
    },
  },
  paragraphStyles: [
    {
      id: 'Normal',
      name: 'Normal',
      quickFormat: true,
      run: { font: FONT, size: 22, language: { value: LANGUAGE } },
      paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 120, line: 264 } },
    },
    {
      id: DOCX_STYLES.header,
      name: 'header',
      basedOn: 'Normal',
      run: { size: 18, italics: true, color: '404040' },
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { after: 0 },
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 4 } },
      },
    },
    {
      id: DOCX_STYLES.footer,
      name: 'footer',
      basedOn: 'Normal',
      run: { size: 18, color: '404040' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
    },
    {
      id: DOCX_STYLES.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: 20 },
      paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0, line: 240 } },
    },
    {
      id: DOCX_STYLES.signatureLead,
      name: 'Signature Lead',
      basedOn: 'Normal',
      next: DOCX_STYLES.signature,
      quickFormat: true,
      paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 360, after: 240 }, keepNext: true, keepLines: true },
    },
    {
      id: DOCX_STYLES.signature,
      name: 'Signature Text',
      basedOn: 'Normal',
      quickFormat: true,
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0, line: 240 }, keepLines: true },
    },
    {
      // An empty small paragraph: after a table (two tables in a row would merge) and to carry
      // a page break before a table.
      id: DOCX_STYLES.spacer,
      name: 'Spacer',
      basedOn: 'Normal',
      run: { size: 12 },
      paragraph: { spacing: { before: 0, after: 0, line: 240 } },
    },
  ],
};

const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: BULLET_REF,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '\u2013',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 567, hanging: 284 } } },
        },
      ],
    },
    {
      reference: ORDERED_REF,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          start: 1,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 567, hanging: 397 } } },
        },
      ],
    },
  ],
};

/* ---------------------------------------------------------------- inline runs */

/** Text runs for model runs; a line feed inside a run becomes a line break. */
function textRuns(runs: readonly Run[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const lines = run.text.split('\n');
    lines.forEach((line, i) => {
      out.push(
        new TextRun({
          text: line,
          bold: run.bold === true ? true : undefined,
          italics: run.italic === true ? true : undefined,
          break: i > 0 ? 1 : undefined,
        }),
      );
    });
  }
  return out;
}

const ALIGN: Readonly<Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/* ---------------------------------------------------------------- blocks */

type BodyChild = Paragraph | Table;

/** State threaded through one document: list instances and a pending page break. */
interface RenderState {
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
function takeBreak(state: RenderState): boolean {
  const take = state.breakPending && !state.atStart;
  state.breakPending = false;
  state.atStart = false;
  return take;
}

/** Before a table, a pending page break needs a paragraph of its own. */
function flushBreakBeforeTable(state: RenderState, out: BodyChild[]): void {
  if (takeBreak(state)) out.push(new Paragraph({ style: DOCX_STYLES.spacer, pageBreakBefore: true }));
}

function renderHeading(
  block: HeadingBlock,
  next: Block | undefined,
  section: Section,
  state: RenderState,
): Paragraph {
  const endsTitle = block.level === 1 && !(next?.kind === 'heading' && next.level === 1);
  const annexTitle = block.level === 2 && section.kind === 'annex';
  const options: IParagraphOptions = {
    style: headingStyle(block.level),
    children: textRuns(block.runs),
    pageBreakBefore: takeBreak(state) ? true : undefined,
    // The last line of a (multi-line) title is followed by more room than the lines between.
    spacing: endsTitle ? { after: 480 } : annexTitle ? { before: 0, after: 240 } : undefined,
    // An annex title heads its page, centred like the document title.
    alignment: annexTitle ? AlignmentType.CENTER : undefined,
  };
  return new Paragraph(options);
}

function renderParagraph(block: ParagraphBlock, state: RenderState): Paragraph {
  return new Paragraph({
    children: textRuns(block.runs),
    alignment: block.align === undefined ? undefined : ALIGN[block.align],
    keepNext: block.keepWithNext === true ? true : undefined,
    pageBreakBefore: takeBreak(state) ? true : undefined,
  });
}

function renderList(block: ListBlock, state: RenderState): Paragraph[] {
  state.listInstance += 1;
  const instance = state.listInstance;
  return block.items.map(
    (item, i) =>
      new Paragraph({
        style: DOCX_STYLES.list,
        children: textRuns(item.runs),
        numbering: { reference: block.ordered ? ORDERED_REF : BULLET_REF, level: 0, instance },
        pageBreakBefore: i === 0 && takeBreak(state) ? true : undefined,
        // Items sit close together; the list as a whole is followed by a body paragraph's space.
        spacing: i === block.items.length - 1 ? { after: 120 } : undefined,
      }),
  );
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NO_LINE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

const GRID_BORDERS: ITableBordersOptions = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

const NO_BORDERS: ITableBordersOptions = {
  top: NO_LINE,
  bottom: NO_LINE,
  left: NO_LINE,
  right: NO_LINE,
  insideHorizontal: NO_LINE,
  insideVertical: NO_LINE,
};

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

function cellParagraphs(cell: ModelCell | undefined, header: boolean): Paragraph[] {
  const lines = cell?.lines ?? [];
  if (lines.length === 0) return [new Paragraph({ style: DOCX_STYLES.tableText })];
  return lines.map((line) => {
    const runs = header ? line.map((r) => ({ ...r, bold: true })) : line;
    return new Paragraph({ style: DOCX_STYLES.tableText, children: textRuns(runs) });
  });
}

function renderTable(block: TableBlock, state: RenderState, out: BodyChild[]): void {
  const columns = Math.max(block.header?.length ?? 0, ...block.rows.map((r) => r.length), 1);
  const widths = tableColumnWidths(block, columns);
  const modelRows: { cells: readonly ModelCell[]; header: boolean }[] = [];
  if (block.header) modelRows.push({ cells: block.header, header: true });
  for (const cells of block.rows) modelRows.push({ cells, header: false });
  if (modelRows.length === 0) return;
  flushBreakBeforeTable(state, out);
  const rows = modelRows.map(
    (row, r) =>
      new TableRow({
        cantSplit: true,
        tableHeader: row.header ? true : undefined,
        // Keep the table on one page: every row but the last keeps with the next.
        keepNext: r < modelRows.length - 1 ? true : undefined,
        children: widths.map(
          (width, c) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              shading: row.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
              children: cellParagraphs(row.cells[c], row.header),
            }),
        ),
      }),
  );
  out.push(
    new Table({
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: GRID_BORDERS,
      margins: { top: 40, bottom: 40, left: 100, right: 100 },
    }),
  );
  // A table is immediately followed by a paragraph in Word; give it breathing room.
  out.push(new Paragraph({ style: DOCX_STYLES.spacer }));
}

/** Lines of blank space left for the handwritten signature. */
const SIGNATURE_SPACE_LINES = 5;

/** One paragraph per line of a signature cell; an empty line is an empty paragraph. */
function signatureParagraphs(lines: readonly string[], bold = false): Paragraph[] {
  if (lines.length === 0) return [new Paragraph({ style: DOCX_STYLES.signature })];
  return lines.map(
    (line) =>
      new Paragraph({
        style: DOCX_STYLES.signature,
        children: line === '' ? [] : [new TextRun({ text: line, bold: bold || undefined })],
      }),
  );
}

function renderSignature(block: SignatureBlock, state: RenderState, out: BodyChild[]): void {
  out.push(
    new Paragraph({
      style: DOCX_STYLES.signatureLead,
      children: [new TextRun(signatureLead(block))],
      pageBreakBefore: takeBreak(state) ? true : undefined,
    }),
  );
  if (block.parties.length === 0) return;
  const widths = splitWidth(
    TEXT_WIDTH,
    block.parties.map(() => 1),
  );
  const cell = (width: number, children: Paragraph[], align: (typeof VerticalAlignTable)[keyof typeof VerticalAlignTable]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, verticalAlign: align, children });
  const hasNames = block.parties.some((p) => p.name !== undefined && p.name !== '');
  // Three rows so the names line up even when the headings differ in length.
  const rows = [
    new TableRow({
      cantSplit: true,
      keepNext: true,
      children: block.parties.map((p, i) =>
        cell(widths[i] ?? 0, signatureParagraphs([...p.heading, p.role]), VerticalAlignTable.TOP),
      ),
    }),
    new TableRow({
      cantSplit: true,
      keepNext: hasNames ? true : undefined,
      children: block.parties.map((_p, i) =>
        cell(
          widths[i] ?? 0,
          signatureParagraphs(Array.from({ length: SIGNATURE_SPACE_LINES }, () => '')),
          VerticalAlignTable.TOP,
        ),
      ),
    }),
  ];
  if (hasNames) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: block.parties.map((p, i) =>
          cell(widths[i] ?? 0, signatureParagraphs(p.name ? [p.name] : [], true), VerticalAlignTable.BOTTOM),
        ),
      }),
    );
  }
  out.push(
    new Table({
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: NO_BORDERS,
      margins: { top: 0, bottom: 0, left: 100, right: 100 },
    }),
  );
  out.push(new Paragraph({ style: DOCX_STYLES.spacer }));
}

function renderSection(section: Section, state: RenderState, out: BodyChild[]): void {
  if (section.kind === 'annex') state.breakPending = true;
  section.blocks.forEach((block, i) => {
    switch (block.kind) {
      case 'heading':
        out.push(renderHeading(block, section.blocks[i + 1], section, state));
        break;
      case 'paragraph':
        out.push(renderParagraph(block, state));
        break;
      case 'list':
        out.push(...renderList(block, state));
        break;
      case 'table':
        renderTable(block, state, out);
        break;
      case 'signature':
        renderSignature(block, state, out);
        break;
      case 'pageBreak':
        state.breakPending = true;
        break;
    }
  });
}

/* ---------------------------------------------------------------- document */

function header(text: string): Header {
  return new Header({ children: [new Paragraph({ style: DOCX_STYLES.header, children: [new TextRun(text)] })] });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: DOCX_STYLES.footer,
        children: [new TextRun({ children: ['page ', PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/**
 * Renders a document to the bytes of a .docx file.
 *
 * Deterministic: the same Document gives byte-identical output in any process, time zone or
 * run (dates come from `doc.meta.date`, ids are renumbered, zip entries have fixed dates).
 *
 * @throws ConvkitError when `doc.meta.date` is not a valid AAAA-MM-JJ date between 1980 and 2099.
 */
export async function renderDocx(doc: Document): Promise<Uint8Array> {
  parseMetaDate(doc.meta.date);
  const state: RenderState = { listInstance: 0, breakPending: false, atStart: true };
  const children: BodyChild[] = [];
  for (const section of doc.sections) renderSection(section, state, children);
  if (children.length === 0) children.push(new Paragraph({}));

  const file = new DocxDocument({
    title: doc.meta.title,
    subject: doc.meta.subject,
    creator: doc.meta.author,
    lastModifiedBy: doc.meta.author,
    keywords: doc.meta.keywords?.join(', '),
    revision: 1,
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 709, footer: 709, gutter: 0 },
          },
        },
        headers: doc.header === undefined ? undefined : { default: header(doc.header) },
        footers: { default: footer() },
        children,
      },
    ],
  });
  const raw = await Packer.toBuffer(file);
  return normalizeDocxPackage(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), doc.meta);
}
