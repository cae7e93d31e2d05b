/**
 * A small typesetter for the linter's PDF tests: prints a .txt fixture (paragraphs separated
 * by blank lines, « - » list items) as a PDF in one of several house styles that other
 * authorities' conventions use and that LibreOffice's export of a text file does not show:
 * justified text with first-line indents and no space between paragraphs, ragged text with
 * centred bold headings and space after paragraphs, a narrow column in a larger sans-serif
 * type, running headers and « Page n sur N » footers, words drawn one by one or lines drawn
 * whole. Untagged, as most scanned-free PDFs that come back signed are.
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

export interface HouseStyle {
  readonly name: string;
  readonly font: 'times' | 'helvetica';
  readonly size: number;
  readonly marginLeft: number;
  readonly marginRight: number;
  readonly align: 'justify' | 'left';
  /** How paragraphs are told apart: space after, or a first-line indent and no space. */
  readonly paragraphs: 'space' | 'indent';
  readonly headings: 'bold-left' | 'bold-centred' | 'caps-body';
  readonly bullet: string;
  /** Words drawn one by one (Word, many producers), or each line as one string. */
  readonly pieces: 'words' | 'lines';
  readonly header?: string;
}

export const HOUSE_STYLES: readonly HouseStyle[] = [
  { name: 'justifie-alinea', font: 'times', size: 11, marginLeft: 70, marginRight: 70, align: 'justify', paragraphs: 'indent', headings: 'bold-left', bullet: '–', pieces: 'words', header: 'Convention de partenariat – données statistiques' },
  { name: 'drapeau-titres-centres', font: 'helvetica', size: 10, marginLeft: 56, marginRight: 90, align: 'left', paragraphs: 'space', headings: 'bold-centred', bullet: '•', pieces: 'lines' },
  { name: 'colonne-etroite', font: 'helvetica', size: 12, marginLeft: 100, marginRight: 120, align: 'justify', paragraphs: 'space', headings: 'caps-body', bullet: '-', pieces: 'words', header: 'Document de travail' },
];

const HEADING = /^(?:Article|ARTICLE|Annexe|ANNEXE|TITRE|Chapitre|CHAPITRE|Préambule|PRÉAMBULE)\b/;

interface Para {
  readonly text: string;
  readonly kind: 'heading' | 'item' | 'body';
}

function paragraphsOf(text: string): Para[] {
  const out: Para[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    for (const raw of block.split('\n')) {
      const line = raw.trim();
      if (line === '') continue;
      if (/^- /.test(line)) out.push({ text: line.slice(2), kind: 'item' });
      else if (HEADING.test(line) || (line.length < 90 && line === line.toUpperCase() && /\p{Lu}{3}/u.test(line))) out.push({ text: line, kind: 'heading' });
      else out.push({ text: line, kind: 'body' });
    }
  }
  return out;
}

/**
 * The advance of `text` as drawn (one Tj: no kerning). pdf-lib's widthOfTextAtSize adds the
 * font's kerning pairs, which its drawText does not apply.
 */
function advance(font: PDFFont, text: string, size: number): number {
  let w = 0;
  for (const c of text) w += font.widthOfTextAtSize(c, size);
  return w;
}

/** Greedy line breaking: the words of each line, and whether it is the paragraph's last. */
function breakLines(words: readonly string[], font: PDFFont, size: number, first: number, rest: number): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let width = 0;
  const space = advance(font, ' ', size);
  for (const w of words) {
    const ww = advance(font, w, size);
    const measure = lines.length === 0 ? first : rest;
    if (line.length > 0 && width + space + ww > measure) {
      lines.push(line);
      line = [w];
      width = ww;
    } else {
      width += (line.length > 0 ? space : 0) + ww;
      line.push(w);
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Prints `text` in `style`; deterministic (no dates in the file). */
export async function typeset(text: string, style: HouseStyle): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(style.font === 'times' ? StandardFonts.TimesRoman : StandardFonts.Helvetica);
  const bold = await doc.embedFont(style.font === 'times' ? StandardFonts.TimesRomanBold : StandardFonts.HelveticaBold);
  const W = 595;
  const H = 842;
  const size = style.size;
  const leading = size * 1.2;
  const measure = W - style.marginLeft - style.marginRight;
  const top = H - 70;
  const bottom = 70;
  const pages: { draws: { text: string; x: number; y: number; font: PDFFont; size: number }[] }[] = [];
  let page = { draws: [] as { text: string; x: number; y: number; font: PDFFont; size: number }[] };
  pages.push(page);
  let y = top;
  const newPage = (): void => {
    page = { draws: [] };
    pages.push(page);
    y = top;
  };
  const space = advance(regular, ' ', size);
  for (const p of paragraphsOf(text)) {
    const font = p.kind === 'heading' && style.headings !== 'caps-body' ? bold : regular;
    const indent = p.kind === 'item' ? 1.5 * size : 0;
    const firstIndent = p.kind === 'body' && style.paragraphs === 'indent' ? 2 * size : 0;
    const lines = breakLines(p.text.split(/\s+/), font, size, measure - indent - firstIndent, measure - indent);
    if (p.kind === 'heading' && y - leading * (lines.length + 2) < bottom) newPage();
    if (p.kind === 'heading' && y < top) y -= style.paragraphs === 'indent' ? leading * 0.5 : 0;
    lines.forEach((words, k) => {
      if (y - leading < bottom) newPage();
      y -= leading;
      const last = k === lines.length - 1;
      let x = style.marginLeft + indent + (k === 0 ? firstIndent : 0);
      const avail = measure - indent - (k === 0 ? firstIndent : 0);
      if (p.kind === 'item' && k === 0) page.draws.push({ text: style.bullet, x: style.marginLeft + 0.3 * size, y, font: regular, size });
      const natural = words.reduce((s, w) => s + advance(font, w, size), 0) + space * (words.length - 1);
      if (p.kind === 'heading' && style.headings === 'bold-centred') x = style.marginLeft + (measure - natural) / 2;
      const justify = style.align === 'justify' && !last && p.kind !== 'heading' && words.length > 1;
      const gap = justify ? space + (avail - natural) / (words.length - 1) : space;
      if (style.pieces === 'lines' && !justify) {
        page.draws.push({ text: words.join(' '), x, y, font, size });
        return;
      }
      for (const w of words) {
        page.draws.push({ text: w, x, y, font, size });
        x += advance(font, w, size) + gap;
      }
    });
    y -= style.paragraphs === 'space' || p.kind !== 'body' ? size * 0.6 : 0;
  }
  pages.forEach((pg, i) => {
    const out = doc.addPage([W, H]);
    for (const d of pg.draws) out.drawText(d.text, { x: d.x, y: d.y, font: d.font, size: d.size });
    if (style.header) out.drawText(style.header, { x: style.marginLeft, y: H - 40, font: regular, size: 8 });
    const footer = `Page ${i + 1} sur ${pages.length}`;
    out.drawText(footer, { x: W / 2 - regular.widthOfTextAtSize(footer, 8) / 2, y: 35, font: regular, size: 8 });
  });
  return doc.save({ useObjectStreams: false });
}
