/**
 * A small typesetter for the linter's PDF tests: prints a .txt fixture (paragraphs separated
 * by blank lines, « - » list items) as a PDF in one of several house styles that other
 * authorities' conventions use and that LibreOffice's export of a text file does not show:
 * justified text with first-line indents and no space between paragraphs, ragged text with
 * centred bold headings and space after paragraphs, a narrow column in a larger sans-serif
 * type, signatures side by side, running headers and « Page n sur N » footers, words drawn
 * one by one or lines drawn whole. Untagged, as most PDFs made without an accessibility option
 * are.
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
  /** The parties' signatures one under the other (as in the text), or side by side in columns. */
  readonly signatures?: 'stacked' | 'columns';
}

export const HOUSE_STYLES: readonly HouseStyle[] = [
  { name: 'justifie-alinea', font: 'times', size: 11, marginLeft: 70, marginRight: 70, align: 'justify', paragraphs: 'indent', headings: 'bold-left', bullet: '–', pieces: 'words', header: 'Convention de partenariat – données statistiques' },
  { name: 'drapeau-titres-centres', font: 'helvetica', size: 10, marginLeft: 56, marginRight: 90, align: 'left', paragraphs: 'space', headings: 'bold-centred', bullet: '•', pieces: 'lines' },
  { name: 'colonne-etroite', font: 'helvetica', size: 12, marginLeft: 100, marginRight: 120, align: 'justify', paragraphs: 'space', headings: 'caps-body', bullet: '-', pieces: 'words', header: 'Document de travail' },
  { name: 'signatures-en-colonnes', font: 'times', size: 11, marginLeft: 60, marginRight: 60, align: 'justify', paragraphs: 'space', headings: 'bold-left', bullet: '•', pieces: 'words', signatures: 'columns' },
];

const HEADING = /^(?:Article|ARTICLE|Annexe|ANNEXE|TITRE|Chapitre|CHAPITRE|Préambule|PRÉAMBULE)\b/;

interface Para {
  readonly text: string;
  readonly kind: 'heading' | 'item' | 'body' | 'signatures';
  /** For `signatures`: each party's lines (« Pour … », its role) and its signer's name. */
  readonly parties?: readonly { readonly lines: readonly string[]; readonly name: string }[];
}

/**
 * The signature block of a fixture as the text writes it: after « Fait à … », a paragraph
 * « Pour …, » / role for each party, then the signers' names in the same order. Its blocks,
 * or undefined when the text has none in that form.
 */
function signatureBlock(blocks: readonly string[], from: number): { parties: { lines: string[]; name: string }[]; end: number } | undefined {
  const heads: string[][] = [];
  let k = from;
  while (k < blocks.length && /^Pour\s/.test((blocks[k] as string).trim())) heads.push((blocks[k++] as string).trim().split('\n').map((l) => l.trim()));
  if (heads.length < 2) return undefined;
  const names: string[] = [];
  while (k < blocks.length && names.length < heads.length && /^[\p{L}'’ .-]{3,60}$/u.test((blocks[k] as string).trim()) && /\p{Lu}{3}/u.test(blocks[k] as string)) names.push((blocks[k++] as string).trim());
  if (names.length !== heads.length) return undefined;
  return { parties: heads.map((lines, i) => ({ lines, name: names[i] as string })), end: k };
}

function paragraphsOf(text: string, style: HouseStyle): Para[] {
  const out: Para[] = [];
  const blocks = text.split(/\n\s*\n/);
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as string;
    if (style.signatures === 'columns' && b > 0 && /^Fait\s+à/.test((blocks[b - 1] as string).trim())) {
      const sig = signatureBlock(blocks, b);
      if (sig) {
        out.push({ text: '', kind: 'signatures', parties: sig.parties });
        b = sig.end - 1;
        continue;
      }
    }
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

/** Greedy line breaking: the words of each line (`first`: the first line's measure, `rest`: the others'). */
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
  for (const p of paragraphsOf(text, style)) {
    if (p.kind === 'signatures' && p.parties) {
      // Side by side: the parties' lines in columns, a space to sign in, then the names.
      const columns = p.parties.length;
      const gutter = 2 * size;
      const width = (measure - gutter * (columns - 1)) / columns;
      const cells = p.parties.map((party) => party.lines.flatMap((l) => breakLines(l.split(/\s+/), regular, size, width, width).map((ws) => ws.join(' '))));
      const rows = Math.max(...cells.map((c) => c.length));
      if (y - leading * (rows + 5) < bottom) newPage();
      y -= size * 0.6;
      for (let r = 0; r < rows; r++) {
        y -= leading;
        cells.forEach((c, i) => {
          const line = c[r];
          if (line !== undefined) page.draws.push({ text: line, x: style.marginLeft + i * (width + gutter), y, font: regular, size });
        });
      }
      y -= leading * 3;
      p.parties.forEach((party, i) => page.draws.push({ text: party.name, x: style.marginLeft + i * (width + gutter), y, font: bold, size }));
      y -= leading;
      continue;
    }
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
