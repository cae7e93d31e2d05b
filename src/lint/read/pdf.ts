import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ConvkitError } from '../../errors.js';
import { parseTxt } from './txt.js';
import { computeLineStarts, linearNode, positionAtOffset, type ReadSourceFile } from './source.js';
import type { MarginNode } from '../types.js';

/**
 * The .pdf reader: text with its positions, read with Mozilla's pdf.js (legacy build, loaded
 * only when a .pdf is linted). Lines are rebuilt from the positions of the text pieces (never
 * from the content stream's order, which a tagged PDF may change), running headers and
 * footers (« page 3 / 12 », a line repeated at the top or bottom of most pages) and footnotes
 * (smaller type at the foot of a page, after a note number) are taken out of the text and
 * given as margins,
 * paragraphs are told by the vertical gaps between lines. The result is a plain-text view of
 * the document, one line per PDF line, paragraphs separated by blank lines, read like a .txt
 * file; `describePosition` turns a line of that view back into « page 3, ligne 12 ». The outline
 * (bookmarks), when there is one, is kept with the first line of each bookmarked page.
 */

/** A line of a page, rebuilt from positions. */
interface PdfLine {
  readonly page: number;
  /** Baseline, in PDF units from the bottom. */
  readonly y: number;
  readonly x: number;
  /** Font size (text height). */
  readonly size: number;
  readonly text: string;
  /** Baseline of its last visual line, when it spans several (a table row with a wrapped cell). */
  readonly last?: number;
  /** Right end of its last piece. */
  readonly right?: number;
  /** Width of its first word (estimated from its first piece), when it is a line of text. */
  readonly firstWord?: number;
  /** The tagged block (paragraph, heading, list item) its first piece belongs to, if any. */
  readonly block?: TaggedBlock;
}

/** A bookmark: its title and the first line of its page in the plain-text view. */
export interface PdfBookmark {
  readonly title: string;
  readonly page: number;
  /** 1-based line of the plain-text view where its page starts. */
  readonly line: number;
}

export interface PdfSourceFile extends ReadSourceFile {
  readonly pages: number;
  readonly bookmarks: readonly PdfBookmark[];
  /** « page 3, ligne 12 » for a 1-based line of `text`. */
  describePosition(line: number): string | undefined;
}

interface TextPiece {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  /** The table cell the piece belongs to, from a tagged PDF's structure tree. */
  readonly cell?: TableCell;
  /** The block the piece belongs to, from a tagged PDF's structure tree. */
  readonly block?: TaggedBlock;
  /**
   * Where a space stood before the piece, when the stream (or pdf.js, which adds one where a
   * gap reads as a space in the font) put one between it and the piece before.
   */
  readonly spaceAt?: number;
}

/** A block element of a tagged page: a paragraph, a heading, a list item… */
export interface TaggedBlock {
  /** Unique in the document (page and order on the page). */
  readonly key: string;
  /** Its structure type: P, H1… H6, LI… */
  readonly role: string;
}

/** A cell of a tagged table: its row (unique in the document) and its column. */
export interface TableCell {
  readonly row: string;
  readonly column: number;
}

/** A node of pdf.js's structure tree (`page.getStructTree()`). */
interface StructNode {
  readonly role?: string;
  readonly type?: string;
  readonly id?: string;
  readonly children?: readonly StructNode[];
}

/**
 * Marked-content id → table cell, for every TD/TH of every TR of a tagged page. A tagged PDF
 * says which text belongs to which cell: a name wrapped inside its cell is read whole, and
 * narrow columns are not read as one (untagged PDFs fall back to the gaps between pieces).
 */
export function tableCells(tree: StructNode | null | undefined, page: number): Map<string, TableCell> {
  const cells = new Map<string, TableCell>();
  let rows = 0;
  const contents = (n: StructNode, out: string[]): string[] => {
    if (n.type === 'content' && n.id !== undefined) out.push(n.id);
    for (const c of n.children ?? []) contents(c, out);
    return out;
  };
  const walk = (n: StructNode): void => {
    if (n.role === 'TR') {
      const row = `${page}:${rows++}`;
      let column = 0;
      for (const c of n.children ?? []) {
        if (c.role !== 'TD' && c.role !== 'TH') continue;
        for (const id of contents(c, [])) cells.set(id, { row, column });
        column++;
      }
      return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  if (tree) walk(tree);
  return cells;
}

/**
 * The structure types that make a paragraph of the plain-text view: the text of one such
 * element is one paragraph, and two of them are two (a heading set in the body's size, a
 * paragraph of lines broken by hand, a list item…). A list item is one, its label and body
 * together; a table row is read as one line (see {@link tableCells}).
 */
const BLOCK_ROLES = new Set(['P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'Caption', 'BlockQuote', 'Title', 'TOCI', 'Note']);

/**
 * Marked-content id → the innermost block element (see BLOCK_ROLES) around it, for a tagged
 * page (inside a table's cells too: a cell's paragraphs are its fields). pdf.js gives each
 * element's type through the document's role map: a producer's own types (Word's « Heading1 »,
 * « Normal ») come as the standard ones they are mapped to.
 */
export function taggedBlocks(tree: StructNode | null | undefined, page: number): Map<string, TaggedBlock> {
  const blocks = new Map<string, TaggedBlock>();
  let count = 0;
  const walk = (n: StructNode, block: TaggedBlock | undefined): void => {
    if (n.type === 'content' && n.id !== undefined) {
      if (block) blocks.set(n.id, block);
      return;
    }
    // The innermost block wins, but a list item keeps its label and its body together.
    const role = n.role ?? '';
    const own = BLOCK_ROLES.has(role) && block?.role !== 'LI' ? { key: `${page}:${count++}`, role } : block;
    for (const c of n.children ?? []) walk(c, own);
  };
  if (tree) walk(tree, undefined);
  return blocks;
}

/**
 * The text pieces of a page's text content, each with its table cell or its block when the
 * page is tagged.
 */
export function piecesOf(items: readonly unknown[], cells: ReadonlyMap<string, TableCell>, blocks: ReadonlyMap<string, TaggedBlock> = new Map()): TextPiece[] {
  const out: TextPiece[] = [];
  const open: (string | undefined)[] = [];
  let spaceAt: number | undefined;
  for (const raw of items) {
    const item = raw as { type?: string; id?: string; str?: string; transform?: number[]; width?: number; height?: number };
    if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(item.id);
    else if (item.type === 'endMarkedContent') open.pop();
    else if (typeof item.str === 'string' && Array.isArray(item.transform)) {
      if (item.str.trim().length === 0) {
        if (item.str.length > 0) spaceAt = item.transform[4];
        continue;
      }
      let cell: TableCell | undefined;
      let block: TaggedBlock | undefined;
      for (let k = open.length - 1; k >= 0 && !(cell && block); k--) {
        const id = open[k];
        if (id === undefined) continue;
        cell ??= cells.get(id);
        block ??= blocks.get(id);
      }
      out.push({ str: item.str, transform: item.transform, width: item.width ?? 0, height: item.height ?? 0, ...(cell ? { cell } : {}), ...(block ? { block } : {}), ...(spaceAt !== undefined ? { spaceAt } : {}) });
      spaceAt = undefined;
    }
  }
  return out;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | undefined;

/** Loads pdf.js once, on the first .pdf (legacy build: runs in Node without a DOM). */
function loadPdfJs(): Promise<PdfJs> {
  loaded ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((pdfjs) => {
    const require = createRequire(import.meta.url);
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
    return pdfjs;
  });
  return loaded;
}

/** « Page 3 / 12 », « page 3 sur 12 », « 3/12 », « - 3 - », « 3 »: a page number line. */
const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}\s*(?:(?:\/|sur)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/iu;

/**
 * True when a space was written (or read by pdf.js) between the end of the piece before, at
 * `end`, and `it`: tight justified text may set a space narrower than a fifth of the type size.
 */
function spacedFrom(it: { readonly x: number; readonly spaceAt?: number | undefined }, end: number): boolean {
  return it.spaceAt !== undefined && it.spaceAt >= end - 0.5 && it.spaceAt <= it.x + 0.5;
}

/** Rebuilds the lines of one page from its text pieces, top to bottom, left to right. */
export function linesOfPage(page: number, pieces: readonly TextPiece[]): PdfLine[] {
  const all = pieces
    // Spaces are told by the gaps between pieces: a space piece would hide a column gap.
    .filter((p) => p.str.trim().length > 0)
    .map((p) => {
      const size = Math.hypot(p.transform[2] ?? 0, p.transform[3] ?? 0) || p.height || 10;
      return { str: p.str, x: p.transform[4] ?? 0, y: p.transform[5] ?? 0, width: p.width, size, cell: p.cell, block: p.block, spaceAt: p.spaceAt };
    })
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const items = all.filter((p) => p.cell === undefined);
  const tableRows = new Map<string, typeof all>();
  for (const p of all) {
    if (p.cell === undefined) continue;
    const row = tableRows.get(p.cell.row);
    if (row) row.push(p);
    else tableRows.set(p.cell.row, [p]);
  }
  const rows: (typeof items)[] = [];
  for (const it of items) {
    const row = rows[rows.length - 1];
    const first = row?.[0];
    if (row && first && Math.abs(first.y - it.y) < Math.max(first.size, it.size) * 0.5) row.push(it);
    else rows.push([it]);
  }
  const out: PdfLine[] = [];
  // Where each line's cells start (the first piece, then each piece after a tab).
  const cellStarts = new Map<PdfLine, number[]>();
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    const starts: number[] = [];
    for (const it of row) {
      const gap = it.x - end;
      if (text.length === 0) starts.push(it.x);
      // A wide gap separates table cells (a deliberation's attendance in columns): a tab, as in
      // the .txt exports; a narrow one separates words.
      if (text.length > 0 && gap > it.size * 1.5) {
        text = `${text.trimEnd()}\t`;
        starts.push(it.x);
      }
      else if (text.length > 0 && (gap > it.size * 0.2 || spacedFrom(it, end)) && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
      text += text.endsWith('\t') ? it.str.trimStart() : it.str;
      end = Math.max(end, it.x + it.width);
    }
    const clean = text.replace(/ *\t[ \t]*/g, '\t').replace(/ {2,}/g, ' ').trim();
    if (clean.length === 0) continue;
    const first = row[0] as (typeof row)[number];
    // The first word's share of its piece's width (a proportional estimate: pieces are words,
    // runs or whole lines depending on the producer).
    const lead = first.str.trimStart();
    const word = /^\S+/u.exec(lead)?.[0] ?? '';
    const firstWord = lead.length > 0 ? (first.width * word.length) / lead.length : 0;
    const line: PdfLine = { page, y: first.y, x: first.x, size: Math.max(...row.map((r) => r.size)), text: clean, right: end, firstWord, ...(first.block ? { block: first.block } : {}) };
    cellStarts.set(line, starts);
    out.push(line);
  }
  // A line of columns whose first cells are empty (the right party's role under a wrapped
  // heading, in signatures side by side) keeps its place: as many leading tabs as the cells it
  // skips, read off the line of columns just above or below it.
  for (let i = 0; i < out.length; i++) {
    const l = out[i] as PdfLine;
    if (l.text.includes('\t')) continue;
    for (const n of [out[i - 1], out[i + 1]]) {
      const starts = n && n.text.includes('\t') && Math.abs(n.y - l.y) < 2.5 * l.size ? cellStarts.get(n) : undefined;
      const column = starts ? starts.findIndex((x, k) => k > 0 && Math.abs(x - l.x) < 2) : -1;
      if (column > 0) {
        out[i] = { ...l, text: `${'\t'.repeat(column)}${l.text}` };
        break;
      }
    }
  }
  // A tagged table row is one line: its cells separated by tabs (as in the .txt exports), each
  // cell's own lines joined (after a hyphen without a space: « D'AUVERGNE- » « LAURAGUAIS »).
  for (const row of tableRows.values()) {
    const columns = new Map<number, typeof row>();
    for (const p of row) {
      const column = (p.cell as TableCell).column;
      const c = columns.get(column);
      if (c) c.push(p);
      else columns.set(column, [p]);
    }
    const cellTexts = [...columns.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, ps]) => {
        let text = '';
        let end = -Infinity;
        let y: number | undefined;
        let block: TaggedBlock | undefined;
        for (const it of ps) {
          const newLine = y !== undefined && Math.abs(y - it.y) >= it.size * 0.5;
          // Paragraphs of one cell (a referent's function, phone and e-mail) stay apart, as
          // the cell's own fields: a tab, like the cells of the row.
          if (newLine && block && it.block && it.block.key !== block.key) text = `${text.trimEnd()}\t`;
          else if (newLine) text = /\p{L}-$/u.test(text) ? text : `${text.trimEnd()} `;
          else if (text.length > 0 && (it.x - end > it.size * 0.2 || spacedFrom(it, end)) && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
          text += it.str;
          end = it.x + it.width;
          y = it.y;
          block = it.block;
        }
        return text.replace(/[^\S\t]+/g, ' ').replace(/ ?\t ?/g, '\t').trim();
      })
      .filter((t) => t.length > 0);
    if (cellTexts.length === 0) continue;
    const top = Math.max(...row.map((p) => p.y));
    out.push({ page, y: top, x: Math.min(...row.map((p) => p.x)), size: Math.max(...row.map((p) => p.size)), text: cellTexts.join('\t'), last: Math.min(...row.map((p) => p.y)) });
  }
  return out.sort((a, b) => b.y - a.y || a.x - b.x);
}

/** A line's text with its digits blurred, to find running headers repeated with a page number. */
function furnitureKey(text: string): string {
  return text.replace(/\d+/g, '#').toLowerCase();
}

/** A running header or footer line dropped from the body: its first occurrence. */
export interface RunningLine {
  readonly line: PdfLine;
  readonly place: 'header' | 'footer';
}

/** A footnote read at the bottom of a page: its lines joined, and the page. */
export interface PageNote {
  readonly page: number;
  readonly text: string;
}

/** The start of a footnote: its number (or mark) then the note's first word. */
const NOTE_START = /^(?:\d{1,3}|[*†‡])\s*[\p{Lu}«"(]/u;

/**
 * Takes the footnotes off the bottom of the pages: the lines that end a page (once its running
 * footer is gone) set in a smaller type than the body text (under 95 % of `bodySize`, the size
 * most of the text is set in), the first of them starting with a note number (« 1 Loi n° … »,
 * « * Source … ») and standing apart from the line above (a gap of 1.6 times its type size at
 * least). A note runs until the next line that starts one. Lines of table cells are never notes. Returns the pages without their notes, and the notes in order.
 */
export function takeNotes(pages: readonly (readonly PdfLine[])[], bodySize: number): { body: PdfLine[][]; notes: PageNote[] } {
  const notes: PageNote[] = [];
  const body = pages.map((lines) => {
    let start = lines.length;
    while (start > 0) {
      const l = lines[start - 1] as PdfLine;
      if (!(bodySize > 0 && l.size < bodySize * 0.95) || l.text.includes('\t')) break;
      start--;
    }
    // The block must open on a note number; lines before the first one are body text.
    while (start < lines.length && !NOTE_START.test((lines[start] as PdfLine).text)) start++;
    if (start >= lines.length) return [...lines];
    // Notes stand apart from the text above them (the separator's space): a numbered list set
    // small right under its introduction is not a note.
    const above = lines[start - 1];
    const first = lines[start] as PdfLine;
    if (above !== undefined && (above.last ?? above.y) - first.y < first.size * 1.6) return [...lines];
    let current: { page: number; lines: string[] } | undefined;
    for (const l of lines.slice(start)) {
      if (current === undefined || NOTE_START.test(l.text)) {
        if (current) notes.push({ page: current.page, text: current.lines.join(' ') });
        current = { page: l.page, lines: [] };
      }
      current.lines.push(l.text.trim());
    }
    if (current) notes.push({ page: current.page, text: current.lines.join(' ') });
    return lines.slice(0, start);
  });
  return { body, notes };
}

/**
 * Sorts the lines of the pages into body and furniture: page-number lines, and lines found at
 * the top or the bottom of at least half the pages (and of two pages at least), are running
 * headers and footers. `running` keeps the first occurrence of each of the latter (by text,
 * page numbers blurred), in order: the running text a reader still sees on the page.
 */
export function sortFurniture(pages: readonly (readonly PdfLine[])[]): { body: PdfLine[][]; running: RunningLine[] } {
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const seen = new Set<string>();
    for (const l of [...lines.slice(0, 2), ...lines.slice(-2)]) seen.add(furnitureKey(l.text));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = (l: PdfLine): boolean => {
    const n = counts.get(furnitureKey(l.text)) ?? 0;
    return pages.length >= 2 && n >= 2 && n * 2 >= pages.length;
  };
  const running: RunningLine[] = [];
  const kept = new Set<string>();
  const body = pages.map((lines) =>
    lines.filter((l, i) => {
      const edge = i < 2 || i >= lines.length - 2;
      if (!edge) return true;
      if (PAGE_NUMBER.test(l.text)) return false;
      if (!repeated(l)) return true;
      const key = furnitureKey(l.text);
      if (!kept.has(key)) {
        kept.add(key);
        running.push({ line: l, place: i < 2 ? 'header' : 'footer' });
      }
      return false;
    }),
  );
  return { body, running };
}

/** The body of the pages: {@link sortFurniture} without the running headers and footers. */
export function dropFurniture(pages: readonly (readonly PdfLine[])[]): PdfLine[][] {
  return sortFurniture(pages).body;
}

/**
 * The spacing between the baselines of two lines of one paragraph on a page: the smallest gap
 * between two lines (a gap under 0.9 times their type size is a superscript or overlapping
 * pieces, not a line). The smallest, not a typical gap: in a PDF made from a text file, most
 * lines are paragraphs of their own, separated by an empty one, and only the lines wrapped
 * inside a paragraph show the spacing.
 */
function lineSpacing(lines: readonly PdfLine[]): number {
  let least = Infinity;
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1] as PdfLine;
    const line = lines[i] as PdfLine;
    const g = (previous.last ?? previous.y) - line.y;
    if (g >= 0.9 * Math.min(previous.size, line.size) && g < least) least = g;
  }
  return Number.isFinite(least) ? least : 14;
}

/**
 * True when a line starts a list item: a bullet always; a dash after a line that closes a phrase
 * (« : », « ; », « , », « . »…) or stops short of the right margin. A dash after a full line
 * that does not close a phrase is that line's text wrapped (« … BP 72874 » / « – 21028 DIJON
 * CEDEX –, ci-après désignée … » in a parties block).
 */
function startsItem(text: string, previous: PdfLine, right: number): boolean {
  if (/^[•▪◦]\s/.test(text)) return true;
  if (!/^[–-]\s/.test(text)) return false;
  // A line that stops well before the right margin ended its paragraph or item.
  const short = previous.right !== undefined && previous.right < right - 2 * previous.size;
  return short || /[.:;,!?»)]$/.test(previous.text);
}

/** The words of a parties block that stand on a line of their own: « Entre », « ENTRE LES SOUSSIGNÉS : », « Et : », « d'une part, »… */
const BLOCK_WORD = /^(?:Entre(?:\s+les\s+(?:soussign[ée]s|parties))?\s*:?|et\s*:?|d['’]une\s+part\s*[,;.]?|d['’]autre\s+part\s*[,;.]?|et\s+d['’]autre\s+part\s*[,;.]?)$/iu;
/** A line that opens an article, an annex or a higher level: « Article 8 – », « Art. 8 – », « ANNEXE 2 », « TITRE II ». */
const SECTION_START = /^(?:Article|ARTICLE|Art\.|ART\.|ANNEXE|Annexe|TITRE|Titre|CHAPITRE|Chapitre)\s+(?:\d+|[IVXLC]+\b|premier\b|PREMIER\b|unique\b|UNIQUE\b)/u;

/**
 * True when `line` and `previous` are parts apart although nothing in the layout parts them
 * (paragraphs set without space or indent between them, the default of a word processor): a
 * parties block word standing alone on its line (« Entre », « d'une part, », « Et : »), before
 * or after; after a closed sentence, an article or annex heading, or a line opening on a label
 * and its colon (« Absents excusés : … », « Secrétaire de séance : … »).
 */
function standsApart(line: PdfLine, previous: PdfLine): boolean {
  if (line.text.includes('\t') || previous.text.includes('\t')) return false;
  const closed = CLOSED.test(previous.text);
  return BLOCK_WORD.test(line.text.trim()) || BLOCK_WORD.test(previous.text.trim()) || (closed && (SECTION_START.test(line.text) || LABEL_START.test(line.text)));
}

/** « Absents excusés : Mme … », « Secrétaire de séance : … », « Objet : … »: a label and its colon open the line. */
const LABEL_START = /^\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,5}\s?:\s+\S/u;

/** A line ending with a word after which French text goes on: article, preposition, conjunction, determiner. */
const OPEN_WORD_END =
  /(?:^|[\s(«“'’])(?:le|la|les|un|une|des|du|de|au|aux|à|et|ou|en|par|pour|sur|dans|avec|sans|entre|vers|chez|sous|que|qui|dont|son|sa|ses|leur|leurs|ce|cet|cette|ces|notre|nos|votre|vos)$/iu;
/** A line ending with a title or « n° », which a name or a number follows (case-sensitive: « 10 m. » ends). */
const OPEN_TITLE_END = /(?:^|[\s(«“])(?:M\.|MM\.|Mme|Mmes|Mlle|Me|n°)$/u;

/**
 * True when `line` starts a new paragraph although it follows `previous` closely: its first word
 * would have fitted at the end of `previous` (a line of running text only breaks where the next
 * word does not fit, justified or ragged), so `previous` ended where its writer ended it: a
 * heading, or the last line of a paragraph with no space after it. Only for a line that starts
 * like a paragraph (a capital, a digit, an opening quote or bracket): a title centred on two
 * lines goes on with « entre… » or « relative à… ».
 */
function endedBefore(line: PdfLine, previous: PdfLine, right: number): boolean {
  if (previous.right === undefined || line.firstWord === undefined || previous.text.includes('\t') || line.text.includes('\t')) return false;
  if (!/^[\p{Lu}\d«“"(]/u.test(line.text) || /\p{L}-$/u.test(previous.text)) return false;
  // A line broken by hand after an article, a preposition or a title (« les données de la » /
  // « CPAM du Nord… », « représentée par M. » / « Jean DUPONT ») goes on: French text cannot
  // end a paragraph there.
  if (OPEN_WORD_END.test(previous.text) || OPEN_TITLE_END.test(previous.text)) return false;
  const space = 0.25 * previous.size;
  return previous.right + space + line.firstWord < right - previous.size;
}

/**
 * The right edge of the text block: the 90th percentile of the right ends of the lines of text
 * (table rows left out) over the whole document. Margins rarely change from page to page, and a
 * page with few lines (an annex of referents) would give too short a measure of its own; the
 * percentile ignores a few lines that overflow (a long address), and is the margin itself in
 * justified text, where most lines reach it.
 */
function textRight(pages: readonly (readonly PdfLine[])[]): number {
  const ends = pages.flatMap((lines) => lines.filter((l) => l.right !== undefined && !l.text.includes('\t')).map((l) => l.right as number)).sort((a, b) => a - b);
  return ends.length === 0 ? 0 : (ends[Math.floor((ends.length - 1) * 0.9)] as number);
}

/** A line that starts a list item with a bullet or a dash. */
const ITEM_START = /^[•▪◦–—-]\s/u;

/**
 * Where the paragraphs of a document written with first-line indents (and no space between
 * paragraphs) start: the x at which a line of text starts after a line at the left margin,
 * when at least three paragraphs do so with the same indent (0.8 to 4 times the type size).
 * Undefined for a document without that style: a centred title or a hanging list item then
 * means nothing here.
 */
function paragraphIndent(pages: readonly (readonly PdfLine[])[]): number | undefined {
  // The left margin: the leftmost start shared by three lines at least (short paragraphs may
  // make the indent the most common start).
  const lefts = new Map<number, number>();
  for (const lines of pages) for (const l of lines) if (!l.text.includes('\t') && !ITEM_START.test(l.text)) lefts.set(Math.round(l.x), (lefts.get(Math.round(l.x)) ?? 0) + 1);
  const margin = [...lefts.entries()].filter(([, n]) => n >= 3).sort((a, b) => a[0] - b[0])[0]?.[0];
  if (margin === undefined) return undefined;
  const indents = new Map<number, number>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1] as PdfLine;
      const b = lines[i] as PdfLine;
      const d = b.x - margin;
      if (Math.abs(a.x - margin) < 1 && !ITEM_START.test(a.text) && d >= 0.8 * b.size && d <= 4 * b.size && !ITEM_START.test(b.text) && !b.text.includes('\t')) {
        indents.set(Math.round(b.x), (indents.get(Math.round(b.x)) ?? 0) + 1);
      }
    }
  }
  const [x, n] = [...indents.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [0, 0];
  return n >= 3 ? x : undefined;
}

/** True when the previous line ends a sentence or a heading: the next page starts a paragraph. */
function closes(text: string): boolean {
  return CLOSED.test(text) || !/\p{Ll}/u.test(text);
}

/** A line that ends a sentence or a clause. */
const CLOSED = /[.:;!?»)]\s*$/u;

/** Where a line of the plain-text view comes from. */
interface LinePlace {
  readonly page: number;
  /** 1-based, among the page's lines. */
  readonly line: number;
  readonly size: number;
  /** Its tagged block's structure type, on a tagged page. */
  readonly role?: string;
}

/** Structure types of a heading (a tagged PDF's headings are headings, whatever their size). */
const HEADING_ROLES = /^H[1-6]?$|^Title$/;

/**
 * The plain-text view: lines of every page, paragraphs separated by a blank line (a vertical
 * gap wider than 1.4 times the usual spacing, a change of font size, a bullet, a page break
 * after a closed sentence). Returns the text and, per line of the text, its page and line.
 */
export function plainText(
  pages: readonly (readonly PdfLine[])[],
  breakBefore: ReadonlySet<number> = new Set(),
): { text: string; places: (LinePlace | undefined)[]; pageStarts: number[] } {
  const out: string[] = [];
  const places: (LinePlace | undefined)[] = [];
  const pageStarts: number[] = [];
  let previous: PdfLine | undefined;
  // The right edge of the text: where a line of running text can end (see textRight).
  const edge = textRight(pages);
  // In a document set with first-line indents, a line at the indent opens a paragraph (unless
  // it goes on with a list item: its bullet line came just before).
  const indent = paragraphIndent(pages);
  const indented = (l: PdfLine, before: PdfLine): boolean => indent !== undefined && Math.abs(l.x - indent) < 1 && !ITEM_START.test(before.text) && !l.text.includes('\t');
  for (const lines of pages) {
    const spacing = lineSpacing(lines);
    pageStarts.push(out.length + 1);
    lines.forEach((l, k) => {
      let split = true;
      if (previous) {
        if (previous.page === l.page) {
          const gap = (previous.last ?? previous.y) - l.y;
          // Two lines of a tagged page: its structure says whether they are one paragraph (a
          // wide gap still parts them: a producer may tag a whole page as one P). Not for lines
          // read across columns (a signature block's parties side by side): a line holds
          // several blocks there, and the gaps tell the rows apart.
          const columns = previous.text.includes('\t') || l.text.includes('\t');
          if (previous.block && l.block && !columns) split = previous.block.key !== l.block.key || gap > spacing * 1.4;
          else split = gap > spacing * 1.4 || Math.abs(previous.size - l.size) > 0.6 || startsItem(l.text, previous, edge) || endedBefore(l, previous, edge) || indented(l, previous) || standsApart(l, previous);
        } else split = breakBefore.has(l.page) || closes(previous.text) || endedBefore(l, previous, edge) || indented(l, previous) || Math.abs(previous.size - l.size) > 0.6 || previous.text.includes("\t") !== l.text.includes("\t") || /^(?:Article|ARTICLE|ANNEXE|Annexe|TITRE)\b/.test(l.text) || standsApart(l, previous);
        if (split) {
          out.push('');
          places.push(undefined);
        }
      }
      // A bullet of the PDF reads as a .txt list item.
      let text = l.text.replace(/^[•▪◦]\s*/, '- ');
      // A word broken after its hyphen (« ci-» / « dessus ») is put back together on the first line.
      const last = out.length - 1;
      const prev = out[last];
      if (!split && prev !== undefined && /\p{L}-$/u.test(prev)) {
        const word = /^[\p{L}'’-]+[,.;:]?\s*/u.exec(text);
        if (word && word[0].length < text.length) {
          out[last] = prev + word[0].trimEnd();
          text = text.slice(word[0].length);
        }
      }
      out.push(text);
      places.push({ page: l.page, line: k + 1, size: l.size, ...(l.block ? { role: l.block.role } : {}) });
      previous = l;
    });
    if (lines.length === 0) pageStarts[pageStarts.length - 1] = out.length + 1;
  }
  return { text: out.length > 0 ? `${out.join('\n')}\n` : '', places, pageStarts };
}

/** Below this many characters of text per page on average, the PDF is taken for a scan. */
const MIN_CHARS_PER_PAGE = 20;

/**
 * Reads a .pdf into a source file (see the module comment). Throws a French ConvkitError for
 * a damaged or encrypted PDF and for a PDF without text (a scan: it would need OCR).
 */
export async function parsePdf(file: string, bytes: Uint8Array): Promise<PdfSourceFile> {
  const pdfjs = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  } catch (error) {
    const why = error instanceof Error && /password/i.test(error.name + error.message) ? 'PDF protégé par un mot de passe' : 'PDF illisible ou endommagé';
    throw new ConvkitError(`${file} : ${why} (${error instanceof Error ? error.message : String(error)}).`, { locations: [{ file }], cause: error });
  }
  try {
    const pages: PdfLine[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      // A tagged PDF's tables are read cell by cell and its paragraphs element by element (its
      // structure tree says which text is in which cell, paragraph or heading); an untagged
      // one from the positions alone.
      const [content, tree] = await Promise.all([page.getTextContent({ includeMarkedContent: true }), page.getStructTree().catch(() => null)]);
      const pieces = piecesOf(content.items, tableCells(tree as StructNode | null, p), taggedBlocks(tree as StructNode | null, p));
      const lines = linesOfPage(p, pieces);
      for (const l of lines) chars += l.text.length;
      pages.push(lines);
      page.cleanup();
    }
    if (chars < MIN_CHARS_PER_PAGE * Math.max(1, doc.numPages)) {
      throw new ConvkitError(
        `${file} : ce PDF ne contient pas de texte lisible (${doc.numPages} page(s), ${chars} caractère(s)) : c'est sans doute un document numérisé (scan). convkit lint ne fait pas de reconnaissance de caractères : vérifier le fichier .docx ou .txt d'origine, ou un PDF produit par un traitement de texte.`,
        { locations: [{ file }] },
      );
    }
    // Only the bookmarks that announce a document (not an article's) cut the text.
    const outline = await readBookmarks(doc);
    const packet = outline.some((t) => announcesDocument(t.title, false) && /^(?:d[ée]lib[ée]ration|extrait)/i.test(t.title));
    const targets = outline.filter((t) => announcesDocument(t.title, packet));
    const { body: withNotes, running } = sortFurniture(pages);
    // The size most of the text is set in (by characters): headings are larger, notes smaller.
    const weight = new Map<number, number>();
    for (const l of pages.flat()) weight.set(l.size, (weight.get(l.size) ?? 0) + l.text.length);
    const body = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    const { body: bodyLines, notes } = takeNotes(withNotes, body);
    const { text, places, pageStarts } = plainText(bodyLines, new Set(targets.map((t) => t.page)));
    const bookmarks = targets.flatMap((t) => {
      const line = pageStarts[t.page - 1];
      return line === undefined ? [] : [{ ...t, line }];
    });
    const base = parseTxt(file, text, 'pdf');
    // Paragraphs tagged as headings, or set in a larger type than the body text, are headings,
    // as in a .docx.
    const nodes = base.nodes.map((n) => {
      const place = places[n.span.start.line - 1];
      const size = place?.size ?? 0;
      const tagged = place?.role !== undefined && HEADING_ROLES.test(place.role);
      const larger = body > 0 && size >= body * 1.15 && n.text.length < 300;
      return n.kind === 'paragraph' && (tagged || larger) ? { ...n, kind: 'heading' as const } : n;
    });
    // The running headers and footers, one line each after the body's.
    const margins: MarginNode[] = [];
    const marginLabels = new Map<number, string>();
    let allText = base.text;
    let lineStarts = base.lineStarts;
    const printed = [
      ...running.map((r) => ({ text: r.line.text, place: r.place, label: `page ${r.line.page}, ${r.place === 'header' ? 'en-tête' : 'pied de page'}` })),
      ...notes.map((n) => ({ text: n.text, place: 'note' as const, label: `page ${n.page}, note de bas de page` })),
    ];
    if (printed.length > 0) {
      allText = base.text.length === 0 || base.text.endsWith('\n') ? base.text : `${base.text}\n`;
      let offset = allText.length;
      allText += printed.map((r) => r.text).join('\n');
      lineStarts = computeLineStarts(allText);
      for (const r of printed) {
        const { line } = positionAtOffset(lineStarts, offset);
        margins.push({ ...linearNode('paragraph', nodes.length + margins.length, r.text, line, offset), margin: r.place });
        marginLabels.set(line, r.label);
        offset += r.text.length + 1;
      }
    }
    return {
      ...base,
      text: allText,
      lineStarts,
      nodes,
      ...(margins.length > 0 ? { margins } : {}),
      format: 'pdf',
      encoding: 'pdf',
      pages: doc.numPages,
      bookmarks,
      describePosition(line: number): string | undefined {
        const margin = marginLabels.get(line);
        if (margin !== undefined) return margin;
        const at = places[line - 1];
        return at ? `page ${at.page}, ligne ${at.line}` : undefined;
      },
    };
  } finally {
    await doc.destroy();
  }
}

/**
 * True when a bookmark's title announces a document (« Délibération – … », « Convention de
 * partenariat… »), not a part of one (« Article 3 – Collecte des données »). In a packet
 * (its outline has a deliberation), « Annexe n° 7 – Charte d'utilisation… » is a document
 * too; in a single convention « Annexe 2 – Charte… » is the convention's own annex.
 */
export function announcesDocument(title: string, packet: boolean): boolean {
  let t = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const annex = /^annexe\s+(?:n°\s*)?\w+\s*[-–—:.]\s*/.exec(t);
  if (annex) {
    if (!packet) return false;
    t = t.slice(annex[0].length);
  }
  return /^(?:deliberation|extrait du registre|convention|avenant|protocole|charte|acte d'engagement|accord-cadre)\b/.test(t);
}

interface OutlineItem {
  readonly title: string;
  readonly dest: string | unknown[] | null;
  readonly items?: readonly OutlineItem[];
}

/** The first-level bookmarks with the page (1-based) they point to (unresolvable ones are skipped). */
async function readBookmarks(doc: {
  getOutline(): Promise<OutlineItem[] | null>;
  getDestination(id: string): Promise<unknown[] | null>;
  getPageIndex(ref: never): Promise<number>;
}): Promise<Omit<PdfBookmark, 'line'>[]> {
  let outline: OutlineItem[] | null;
  try {
    outline = await doc.getOutline();
  } catch {
    return [];
  }
  const out: Omit<PdfBookmark, 'line'>[] = [];
  for (const item of outline ?? []) {
    try {
      const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
      const ref = dest?.[0];
      if (ref === undefined || ref === null) continue;
      const index = typeof ref === 'number' ? ref : await doc.getPageIndex(ref as never);
      out.push({ title: item.title, page: index + 1 });
    } catch {
      // A bookmark that points nowhere is ignored.
    }
  }
  return out;
}
