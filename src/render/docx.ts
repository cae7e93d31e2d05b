/**
 * DocModel → .docx. The only module of convkit that imports the `docx` library.
 *
 * The renderer writes real Word styles (Title, Heading 1, Heading 2, list numbering
 * definitions, justified Normal text in French), so the output stays editable and can be read
 * back by the linter. It writes no text of its own except the running header, the
 * « page X / Y » footer and the signature lead sentence. See docs/docx.md.
 *
 * Two paths give the same bytes:
 * - `renderDocxWithLibrary`: the layout (`docx-layout.ts`) as docx library objects, packed by
 *   the library — the reference, ~15 ms;
 * - `renderDocx`: the package the library wrote once per process for a template document
 *   (styles, numbering definitions, theme, settings…), with the body written as XML strings by
 *   `docx-xml.ts` — ~1–2 ms.
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
  type IStylesOptions,
  type ITableBordersOptions,
  type INumberingOptions,
} from 'docx';
import type { Align, Document } from '../model/types.js';
import {
  fillTemplate,
  normalizeDocxPackage,
  packageParts,
  packageTemplate,
  parseMetaDate,
  type PackageTemplate,
} from './docx-package.js';
import { zipPackage } from './docx-zip.js';
import {
  MARGIN,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  layoutDocument,
  type LayoutBlock,
  type LayoutBorder,
  type LayoutParagraph,
  type LayoutRun,
  type LayoutTable,
} from './docx-layout.js';
import { bodyXml, escapeXmlText, type Revisions } from './docx-xml.js';
import { DOCX_STYLES } from './docx-styles.js';

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

/* ---------------------------------------------------------------- layout → docx objects */

const ALIGN: Readonly<Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]>> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function textRun(run: LayoutRun): TextRun {
  return new TextRun({
    text: run.text,
    bold: run.bold,
    italics: run.italic,
    break: run.breakBefore ? 1 : undefined,
  });
}

function docxParagraph(p: LayoutParagraph): Paragraph {
  return new Paragraph({
    style: p.style,
    children: p.runs.map(textRun),
    keepNext: p.keepNext,
    pageBreakBefore: p.pageBreakBefore,
    numbering: p.list
      ? { reference: p.list.ordered ? ORDERED_REF : BULLET_REF, level: 0, instance: p.list.instance }
      : undefined,
    spacing: p.spacing,
    alignment: p.align === undefined ? undefined : ALIGN[p.align],
  });
}

const BORDER_STYLE = { single: BorderStyle.SINGLE, none: BorderStyle.NONE } as const;

function borders(border: LayoutBorder): ITableBordersOptions {
  const line = { style: BORDER_STYLE[border.style], size: border.size, color: border.color };
  return { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };
}

const VALIGN = { top: VerticalAlignTable.TOP, bottom: VerticalAlignTable.BOTTOM } as const;

function docxTable(t: LayoutTable): Table {
  return new Table({
    rows: t.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          tableHeader: row.header,
          keepNext: row.keepNext,
          children: row.cells.map(
            (cell) =>
              new TableCell({
                width: { size: cell.width, type: WidthType.DXA },
                shading: cell.fill === undefined ? undefined : { type: ShadingType.CLEAR, color: 'auto', fill: cell.fill },
                verticalAlign: cell.verticalAlign === undefined ? undefined : VALIGN[cell.verticalAlign],
                children: cell.paragraphs.map(docxParagraph),
              }),
          ),
        }),
    ),
    width: { size: t.width, type: WidthType.DXA },
    columnWidths: [...t.widths],
    layout: TableLayoutType.FIXED,
    borders: borders(t.border),
    margins: t.margins,
  });
}

function docxBlock(block: LayoutBlock): Paragraph | Table {
  return block.kind === 'table' ? docxTable(block) : docxParagraph(block);
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

/** The docx library's `File` for a document: the layout as library objects. */
function docxFile(doc: Document): DocxDocument {
  return new DocxDocument({
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
        children: layoutDocument(doc).map(docxBlock),
      },
    ],
  });
}

/** The package the docx library writes for a document (not yet deterministic). */
async function packWithLibrary(doc: Document): Promise<Uint8Array> {
  const raw = await Packer.toBuffer(docxFile(doc));
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}

/**
 * Renders a document with the docx library end to end: the reference the fast path
 * (`renderDocx`) is checked against, byte for byte. About ten times slower than `renderDocx`.
 *
 * @throws ConvkitError when `doc.meta.date` is not a valid AAAA-MM-JJ date between 1980 and 2099.
 */
export async function renderDocxWithLibrary(doc: Document): Promise<Uint8Array> {
  parseMetaDate(doc.meta.date);
  return normalizeDocxPackage(await packWithLibrary(doc), doc.meta);
}

/* ---------------------------------------------------------------- package template */

/** The header text of the template document: plain ASCII, so escaping leaves it as it is. */
const TEMPLATE_HEADER = 'CONVKIT-TEMPLATE-HEADER';

/** One bullet list then one ordered list: the template's numbering shows both kinds of instance. */
function templateDocument(withHeader: boolean): Document {
  const item = { runs: [{ text: 'x' }] };
  return {
    id: 'template',
    kind: 'unknown',
    meta: { title: '', subject: '', author: '', language: 'fr-FR', date: '2014-01-01' },
    header: withHeader ? TEMPLATE_HEADER : undefined,
    sections: [
      {
        kind: 'body',
        blocks: [
          { kind: 'list', ordered: false, items: [item] },
          { kind: 'list', ordered: true, items: [item] },
        ],
      },
    ],
  };
}

/** Package templates by header presence, built on first use (once per process). */
const templates = new Map<boolean, Promise<PackageTemplate>>();

function packageTemplateFor(withHeader: boolean): Promise<PackageTemplate> {
  let template = templates.get(withHeader);
  if (template === undefined) {
    const doc = templateDocument(withHeader);
    template = packWithLibrary(doc).then((zip) =>
      packageTemplate(packageParts(zip, doc.meta), withHeader ? TEMPLATE_HEADER : undefined),
    );
    // A failure is not kept: the next render tries again (and fails the same way, loudly).
    template.catch(() => templates.delete(withHeader));
    templates.set(withHeader, template);
  }
  return template;
}

/**
 * Renders a document to the bytes of a .docx file.
 *
 * Deterministic: the same Document gives byte-identical output in any process, time zone or
 * run (dates come from `doc.meta.date`, zip entries have fixed dates, no random ids), and the
 * same bytes as `renderDocxWithLibrary`. The first call of a process builds the package
 * template with the docx library (~20 ms); later calls take 1–2 ms for a convention.
 *
 * @param revisions redlines only (redline-docx.ts): write runs marked `change` as tracked changes.
 * @throws ConvkitError when `doc.meta.date` is not a valid AAAA-MM-JJ date between 1980 and 2099.
 */
export async function renderDocx(doc: Document, revisions?: Revisions): Promise<Uint8Array> {
  const date = parseMetaDate(doc.meta.date);
  const template = await packageTemplateFor(doc.header !== undefined);
  const body = bodyXml(layoutDocument(doc), template.firstNumId, revisions);
  const headerText = doc.header === undefined ? undefined : escapeXmlText(doc.header);
  return zipPackage(fillTemplate(template, body, headerText, doc.meta), date);
}
