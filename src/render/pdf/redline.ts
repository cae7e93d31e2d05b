/**
 * Redline → PDF for reading on screen or on paper: insertions in blue and underlined,
 * deletions in red and struck through, a change bar in the left margin beside every line that
 * holds a change. Its own simple layout (left-aligned, tables as one line per row) drawn with
 * the same fonts, page decorations and PDF/A-minded metadata as renderPdf; the signed-document
 * layout (render.ts) is left untouched.
 */
import type { Block, Document, Run } from '../../model/types.js';
import { signatureLead } from '../../model/signature.js';
import { applyArchivalMetadata, isoDate } from './archival.js';
import { pageDecorations } from './decorations.js';
import { drawPage } from './draw.js';
import { FaceSet } from './font-embed.js';
import { faceOf, printable, textWidth, type Face } from './fonts.js';
import type { DrawOp } from './layout-types.js';
import { appendPage, createPdf, hashHex, savePdf, setDocumentId } from './pdf-document.js';
import { BLACK, BODY, HEADING_1, HEADING_2, HEADING_3, LIST, PAGE, TABLE, TEXT_BOTTOM, TEXT_WIDTH, type Rgb, type TextStyle } from './style.js';

const INS: Rgb = { r: 0, g: 0.3, b: 0.75 };
const DEL: Rgb = { r: 0.75, g: 0.05, b: 0.05 };
const BAR: Rgb = { r: 0.75, g: 0.45, b: 0 };
const BAR_X = PAGE.marginLeft - 12;

/** One paragraph to set: runs (with change marks), style, indent. */
interface Para {
  readonly runs: readonly Run[];
  readonly style: TextStyle;
  readonly bold?: boolean;
  readonly indent: number;
  readonly prefix?: string;
  readonly before: number;
  readonly after: number;
  readonly newPage?: boolean;
}

function paras(doc: Document): Para[] {
  const out: Para[] = [];
  for (const section of doc.sections) {
    let first = section.kind === 'annex';
    const push = (p: Omit<Para, 'newPage'>): void => {
      out.push(first ? { ...p, newPage: true } : p);
      first = false;
    };
    for (const b of section.blocks) pushBlock(b, push);
  }
  return out;
}

function pushBlock(b: Block, push: (p: Omit<Para, 'newPage'>) => void): void {
  switch (b.kind) {
    case 'heading': {
      const style = b.level === 1 ? HEADING_1 : b.level === 2 ? HEADING_2 : HEADING_3;
      push({ runs: b.runs, style, bold: true, indent: 0, before: b.level === 3 ? 4 : 10, after: 4 });
      break;
    }
    case 'paragraph':
      push({ runs: b.runs, style: BODY, indent: 0, before: 0, after: 6 });
      break;
    case 'list':
      for (const item of b.items) push({ runs: item.runs, style: BODY, indent: LIST.textIndent, prefix: b.ordered ? '•' : LIST.bullet, before: 0, after: 3 });
      break;
    case 'table':
      for (const row of [...(b.header ? [b.header] : []), ...b.rows]) {
        const runs: Run[] = [];
        row.forEach((cell, c) => {
          if (c > 0) runs.push({ text: '  |  ' });
          cell.lines.forEach((line, l) => {
            if (l > 0) runs.push({ text: ' / ' });
            runs.push(...line);
          });
        });
        push({ runs, style: TABLE, indent: 0, before: 0, after: 3 });
      }
      break;
    case 'signature': {
      const change = b.change;
      const mark = (text: string): Run[] => (text === '' ? [] : [{ text, ...(change ? { change } : {}) }]);
      push({ runs: mark(signatureLead(b)), style: BODY, indent: 0, before: 6, after: 6 });
      for (const p of b.parties) {
        push({ runs: mark([...p.heading, p.role, p.name ?? ''].join(' ').trim()), style: BODY, indent: 0, before: 0, after: 6 });
      }
      break;
    }
    case 'pageBreak':
      break;
  }
}

interface Seg {
  readonly face: Face;
  readonly text: string;
  readonly change?: 'ins' | 'del';
  readonly width: number;
}

/** Words (with their trailing space) of a paragraph, measured. */
function words(p: Para): Seg[] {
  const out: Seg[] = [];
  for (const r of p.runs) {
    const face = faceOf(p.bold === true || r.bold === true, r.italic === true);
    for (const w of printable(r.text).replace(/\n/g, ' ').match(/[^ ]+ *| +/g) ?? []) {
      out.push({ face, text: w, width: textWidth(face, w, p.style.size), ...(r.change ? { change: r.change } : {}) });
    }
  }
  return out;
}

function lines(p: Para): Seg[][] {
  const width = TEXT_WIDTH - p.indent;
  const out: Seg[][] = [];
  let line: Seg[] = [];
  let used = 0;
  for (const w of words(p)) {
    const bare = textWidth(w.face, w.text.trimEnd(), p.style.size);
    if (line.length > 0 && used + bare > width) {
      out.push(line);
      line = [];
      used = 0;
    }
    line.push(w);
    used += w.width;
  }
  if (line.length > 0 || out.length === 0) out.push(line);
  return out;
}

/** Lays the redline out: one op list per page. */
export function layoutRedline(doc: Document): DrawOp[][] {
  const pages: DrawOp[][] = [[]];
  let y = PAGE.marginTop;
  const page = (): DrawOp[] => pages[pages.length - 1] as DrawOp[];
  const newPage = (): void => {
    pages.push([]);
    y = PAGE.marginTop;
  };
  for (const p of paras(doc)) {
    if (p.newPage && page().length > 0) newPage();
    y += p.before;
    for (const [i, line] of lines(p).entries()) {
      if (y + p.style.leading > TEXT_BOTTOM) newPage();
      const baseline = y + p.style.size;
      const x0 = PAGE.marginLeft + p.indent;
      if (i === 0 && p.prefix) {
        page().push({ op: 'text', x: PAGE.marginLeft + LIST.bulletIndent, y: baseline, size: p.style.size, color: BLACK, pieces: [{ dx: 0, face: 'regular', text: p.prefix, spaceExtra: 0 }] });
      }
      let x = x0;
      let changed = false;
      for (const s of line) {
        const color = s.change === 'ins' ? INS : s.change === 'del' ? DEL : BLACK;
        page().push({ op: 'text', x, y: baseline, size: p.style.size, color, pieces: [{ dx: 0, face: s.face, text: s.text, spaceExtra: 0 }] });
        if (s.change) {
          changed = true;
          const w = textWidth(s.face, s.text.trimEnd(), p.style.size);
          const ly = s.change === 'ins' ? baseline + 1.5 : baseline - p.style.size * 0.3;
          page().push({ op: 'rule', x1: x, y1: ly, x2: x + w, y2: ly, width: 0.7, color });
        }
        x += s.width;
      }
      if (changed) page().push({ op: 'rule', x1: BAR_X, y1: y, x2: BAR_X, y2: y + p.style.leading, width: 1.5, color: BAR });
      y += p.style.leading;
    }
    y += p.after;
  }
  return pages;
}

/** Renders a redline document (lifecycle/redline.ts) to PDF bytes; deterministic. */
export async function renderRedlinePdf(doc: Document): Promise<Uint8Array> {
  isoDate(doc.meta.date);
  const hash = hashHex('convkit-redline-pdf/1', JSON.stringify(doc));
  const laid = layoutRedline(doc);
  const pdf = await createPdf();
  const faces = new FaceSet(pdf, 'repertoire');
  laid.forEach((ops, i) => {
    const p = appendPage(pdf, PAGE.width, PAGE.height);
    drawPage(pdf, p, [...pageDecorations(doc.header, i + 1, laid.length), ...ops], faces);
  });
  await faces.write();
  applyArchivalMetadata(pdf, {
    title: `${doc.meta.title} – modifications`,
    author: doc.meta.author,
    subject: doc.meta.subject,
    keywords: doc.meta.keywords,
    language: doc.meta.language,
    date: doc.meta.date,
    documentId: hash,
  });
  setDocumentId(pdf, hash);
  return savePdf(pdf);
}
