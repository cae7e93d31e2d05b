import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { ConvkitError } from '../../errors.js';
import { parseTxt } from './txt.js';
import type { ReadSourceFile } from './source.js';

/**
 * The .pdf reader: text with its positions, read with Mozilla's pdf.js (legacy build, loaded
 * only when a .pdf is linted). Lines are rebuilt from the positions of the text pieces (never
 * from the content stream's order, which a tagged PDF may change), running headers and
 * footers (« page 3 / 12 », a line repeated at the top or bottom of most pages) are dropped,
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

/** The text pieces of a page's text content, each with its table cell when it is in one. */
export function piecesOf(items: readonly unknown[], cells: ReadonlyMap<string, TableCell>): TextPiece[] {
  const out: TextPiece[] = [];
  const open: (string | undefined)[] = [];
  for (const raw of items) {
    const item = raw as { type?: string; id?: string; str?: string; transform?: number[]; width?: number; height?: number };
    if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push(item.id);
    else if (item.type === 'endMarkedContent') open.pop();
    else if (typeof item.str === 'string' && Array.isArray(item.transform)) {
      const id = [...open].reverse().find((i) => i !== undefined && cells.has(i));
      const cell = id === undefined ? undefined : cells.get(id);
      out.push({ str: item.str, transform: item.transform, width: item.width ?? 0, height: item.height ?? 0, ...(cell ? { cell } : {}) });
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

/** Rebuilds the lines of one page from its text pieces, top to bottom, left to right. */
export function linesOfPage(page: number, pieces: readonly TextPiece[]): PdfLine[] {
  const all = pieces
    // Spaces are told by the gaps between pieces: a space piece would hide a column gap.
    .filter((p) => p.str.trim().length > 0)
    .map((p) => {
      const size = Math.hypot(p.transform[2] ?? 0, p.transform[3] ?? 0) || p.height || 10;
      return { str: p.str, x: p.transform[4] ?? 0, y: p.transform[5] ?? 0, width: p.width, size, cell: p.cell };
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
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const it of row) {
      const gap = it.x - end;
      // A wide gap separates table cells (a deliberation's attendance in columns): a tab, as in
      // the .txt exports; a narrow one separates words.
      if (text.length > 0 && gap > it.size * 1.5) text = `${text.trimEnd()}\t`;
      else if (text.length > 0 && gap > it.size * 0.2 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
      text += text.endsWith('\t') ? it.str.trimStart() : it.str;
      end = Math.max(end, it.x + it.width);
    }
    const clean = text.replace(/ *\t[ \t]*/g, '\t').replace(/ {2,}/g, ' ').trim();
    if (clean.length === 0) continue;
    const first = row[0] as (typeof row)[number];
    out.push({ page, y: first.y, x: first.x, size: Math.max(...row.map((r) => r.size)), text: clean, right: end });
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
        for (const it of ps) {
          const newLine = y !== undefined && Math.abs(y - it.y) >= it.size * 0.5;
          if (newLine) text = /\p{L}-$/u.test(text) ? text : `${text.trimEnd()} `;
          else if (text.length > 0 && it.x - end > it.size * 0.2 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
          text += it.str;
          end = it.x + it.width;
          y = it.y;
        }
        return text.replace(/\s+/g, ' ').trim();
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

/**
 * Drops running headers and footers: page-number lines, and lines found at the top or the
 * bottom of at least half the pages (and of two pages at least).
 */
export function dropFurniture(pages: readonly (readonly PdfLine[])[]): PdfLine[][] {
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
  return pages.map((lines) =>
    lines.filter((l, i) => {
      const edge = i < 2 || i >= lines.length - 2;
      return !(edge && (PAGE_NUMBER.test(l.text) || repeated(l)));
    }),
  );
}

/** The usual spacing between the baselines of two lines of one paragraph on a page. */
function lineSpacing(lines: readonly PdfLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1] as PdfLine;
    const g = (previous.last ?? previous.y) - (lines[i] as PdfLine).y;
    if (g > 0) gaps.push(g);
  }
  if (gaps.length === 0) return 14;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 4)] as number;
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

/** True when the previous line ends a sentence or a heading: the next page starts a paragraph. */
function closes(text: string): boolean {
  return /[.:;!?»)]$/.test(text) || !/\p{Ll}/u.test(text);
}

/**
 * The plain-text view: lines of every page, paragraphs separated by a blank line (a vertical
 * gap wider than 1.4 times the usual spacing, a change of font size, a bullet, a page break
 * after a closed sentence). Returns the text and, per line of the text, its page and line.
 */
export function plainText(
  pages: readonly (readonly PdfLine[])[],
  breakBefore: ReadonlySet<number> = new Set(),
): { text: string; places: ({ page: number; line: number; size: number } | undefined)[]; pageStarts: number[] } {
  const out: string[] = [];
  const places: ({ page: number; line: number; size: number } | undefined)[] = [];
  const pageStarts: number[] = [];
  let previous: PdfLine | undefined;
  for (const lines of pages) {
    const spacing = lineSpacing(lines);
    const right = Math.max(0, ...lines.map((l) => l.right ?? 0));
    pageStarts.push(out.length + 1);
    lines.forEach((l, k) => {
      let split = true;
      if (previous) {
        if (previous.page === l.page) {
          const gap = (previous.last ?? previous.y) - l.y;
          split = gap > spacing * 1.4 || Math.abs(previous.size - l.size) > 0.6 || startsItem(l.text, previous, right);
        } else split = breakBefore.has(l.page) || closes(previous.text) || Math.abs(previous.size - l.size) > 0.6 || previous.text.includes("\t") !== l.text.includes("\t") || /^(?:Article|ARTICLE|ANNEXE|Annexe|TITRE)\b/.test(l.text);
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
      places.push({ page: l.page, line: k + 1, size: l.size });
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
      // A tagged PDF's tables are read cell by cell (its structure tree says which text is in
      // which cell); anything else from the positions alone.
      const [content, tree] = await Promise.all([page.getTextContent({ includeMarkedContent: true }), page.getStructTree().catch(() => null)]);
      const pieces = piecesOf(content.items, tableCells(tree as StructNode | null, p));
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
    const { text, places, pageStarts } = plainText(dropFurniture(pages), new Set(targets.map((t) => t.page)));
    const bookmarks = targets.flatMap((t) => {
      const line = pageStarts[t.page - 1];
      return line === undefined ? [] : [{ ...t, line }];
    });
    const base = parseTxt(file, text, 'pdf');
    // Paragraphs set in a larger type than the body text are headings, as in a .docx.
    const weight = new Map<number, number>();
    for (const l of pages.flat()) weight.set(l.size, (weight.get(l.size) ?? 0) + l.text.length);
    const body = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
    const nodes = base.nodes.map((n) => {
      const size = places[n.span.start.line - 1]?.size ?? 0;
      return n.kind === 'paragraph' && body > 0 && size >= body * 1.15 && n.text.length < 300 ? { ...n, kind: 'heading' as const } : n;
    });
    return {
      ...base,
      nodes,
      format: 'pdf',
      encoding: 'pdf',
      pages: doc.numPages,
      bookmarks,
      describePosition(line: number): string | undefined {
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
