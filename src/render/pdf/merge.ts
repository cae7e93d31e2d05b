import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';
import { applyArchivalMetadata } from './archival.js';
import { collectGarbage, dedupeFonts } from './dedupe.js';
import { drawPage, overlayPage } from './draw.js';
import { FaceSet } from './font-embed.js';
import { printable, textWidth } from './fonts.js';
import { itemsOf } from './inline.js';
import type { DrawOp, Flowable, Unit } from './layout-types.js';
import { setLines } from './linebreak.js';
import { lineUnits } from './lines.js';
import { addOutline } from './outline.js';
import { paginate } from './paginate.js';
import { createPdf, hashHex, loadPdf, savePdf, setDocumentId } from './pdf-document.js';
import { BLACK, BODY, FOOTER, GREY, HEADING_1, PAGE, RULE_GREY, TEXT_WIDTH, baselineOffset } from './style.js';

/** One document of a dossier. */
export interface DossierPart {
  readonly title: string;
  readonly pdf: Uint8Array;
}

/** Metadata and contents-page title of a dossier. */
export interface DossierOptions {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  /** ISO date (YYYY-MM-DD) for the metadata: never the clock. */
  readonly date: string;
  /** Heading of the contents page: « Sommaire ». */
  readonly tocTitle: string;
}

/** Room kept at the right of a contents entry for its page number. */
const NUMBER_COLUMN = 40;

function entryFlowable(title: string, page: number): Flowable {
  const measure = TEXT_WIDTH - NUMBER_COLUMN;
  const lines = setLines(itemsOf([{ text: title }], { size: BODY.size }), measure, BODY.size, 'left');
  const baseline = baselineOffset(BODY);
  const units: Unit[] = lines.map((line, i) => {
    const ops: DrawOp[] = line.pieces.length
      ? [{ op: 'text', x: PAGE.marginLeft, y: baseline, size: BODY.size, color: BLACK, pieces: line.pieces }]
      : [];
    if (i === lines.length - 1) {
      const label = String(page);
      const w = textWidth('regular', label, BODY.size);
      const right = PAGE.marginLeft + TEXT_WIDTH;
      const leaderFrom = PAGE.marginLeft + line.width + 6;
      const leaderTo = right - w - 6;
      if (leaderTo > leaderFrom) {
        ops.push({ op: 'rule', x1: leaderFrom, y1: baseline - 1, x2: leaderTo, y2: baseline - 1, width: 0.9, color: RULE_GREY, dash: [0, 3] });
      }
      ops.push({ op: 'text', x: right - w, y: baseline, size: BODY.size, color: BLACK, pieces: [{ dx: 0, face: 'regular', text: label, spaceExtra: 0 }] });
    }
    return { height: BODY.leading, ops };
  });
  return { units, spaceBefore: 0, spaceAfter: 8, keepWithNext: false, minSplit: 0, newPage: false };
}

/** The contents pages: the title, then one entry per part with its first page number. */
function contentsPages(tocTitle: string, parts: readonly DossierPart[], starts: readonly number[]): (readonly DrawOp[])[] {
  const heading: Flowable = {
    units: lineUnits({ runs: [{ text: tocTitle }], style: HEADING_1, x: PAGE.marginLeft, measure: TEXT_WIDTH, align: 'center', bold: true }),
    spaceBefore: 0,
    spaceAfter: 24,
    keepWithNext: true,
    minSplit: 0,
    newPage: false,
  };
  const laid = paginate([heading, ...parts.map((p, i) => entryFlowable(p.title, starts[i] ?? 0))]);
  return laid.pages.map((p) => p.ops);
}

/** « page 7 / 42 » at the bottom right, below the documents' own centred footer. */
function dossierNumber(page: PDFPage, n: number, total: number): DrawOp {
  const text = printable(`page ${n} / ${total}`);
  const box = page.getMediaBox();
  const w = textWidth('regular', text, FOOTER.size);
  return {
    op: 'text',
    x: box.width - PAGE.marginRight - w,
    y: box.height - 20,
    size: FOOTER.size,
    color: GREY,
    pieces: [{ dx: 0, face: 'regular', text, spaceExtra: 0 }],
  };
}

/**
 * Lists the form fields of copied pages in the dossier's AcroForm. Fields keep their names
 * unless one is already taken (« signature_grand-dijon » signs every convention): then
 * « _2 », « _3 »… are added, in dossier order.
 */
function adoptFields(out: PDFDocument, pages: readonly PDFPage[]): void {
  const { context, catalog } = out;
  const roots: PDFRef[] = [];
  for (const page of pages) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (annots === undefined) continue;
    for (let i = 0; i < annots.size(); i++) {
      const entry = annots.get(i);
      if (!(entry instanceof PDFRef)) continue;
      let ref: PDFRef = entry;
      let dict = context.lookupMaybe(ref, PDFDict);
      if (dict === undefined || (dict.get(PDFName.of('FT')) === undefined && dict.get(PDFName.of('Parent')) === undefined)) continue;
      for (let parent = dict.get(PDFName.of('Parent')); parent instanceof PDFRef; parent = dict.get(PDFName.of('Parent'))) {
        const p = context.lookupMaybe(parent, PDFDict);
        if (p === undefined) break;
        ref = parent;
        dict = p;
      }
      const root = ref;
      if (!roots.includes(root)) roots.push(root);
    }
  }
  if (roots.length === 0) return;
  const taken = new Set<string>();
  for (const ref of roots) {
    const dict = context.lookup(ref, PDFDict);
    const t = dict.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString);
    const base = t?.decodeText() ?? 'champ';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    if (name !== base || t === undefined) dict.set(PDFName.of('T'), PDFString.of(name));
  }
  catalog.set(PDFName.of('AcroForm'), context.register(context.obj({ Fields: roots })));
}

/**
 * Assembles a dossier: a contents page first (one entry per part, with the page where it
 * starts), then every part; « page X / Y » stamped at the bottom right of every page, the
 * contents included; one bookmark per part; the parts' signature fields kept (renamed when
 * a name repeats); PDF/A-2b-minded metadata from `options`. Fonts that several parts share
 * byte for byte (the renderer's shared subsets) are kept once.
 *
 * Returns the PDF and, for each part, the 1-based number of its first page in the dossier.
 */
export async function mergePdfs(
  parts: readonly DossierPart[],
  options: DossierOptions,
): Promise<{ pdf: Uint8Array; pages: number[] }> {
  const sources = await Promise.all(parts.map((p) => loadPdf(p.pdf)));
  const counts = sources.map((s) => s.getPageCount());
  // The number of contents pages depends on the titles only: lay out once to count them.
  const tocCount = contentsPages(options.tocTitle, parts, counts.map(() => 0)).length;
  const starts: number[] = [];
  let next = tocCount + 1;
  for (const c of counts) {
    starts.push(next);
    next += c;
  }
  const total = next - 1;

  const out = await createPdf();
  const faces = new FaceSet(out, 'repertoire');
  const pages: PDFPage[] = [];
  for (const ops of contentsPages(options.tocTitle, parts, starts)) {
    const page = out.addPage([PAGE.width, PAGE.height]);
    drawPage(out, page, ops, faces);
    pages.push(page);
  }
  const firstPages: PDFPage[] = [];
  const copiedAll: PDFPage[] = [];
  for (const src of sources) {
    const copied = await out.copyPages(src, src.getPageIndices());
    copied.forEach((p, i) => {
      out.addPage(p);
      if (i === 0) firstPages.push(p);
    });
    pages.push(...copied);
    copiedAll.push(...copied);
  }
  pages.forEach((page, i) => overlayPage(out, page, [dossierNumber(page, i + 1, total)], faces));
  await faces.write();
  // Every convention brings the same shared font subsets, and so do the contents page and the
  // page numbers: keep one copy of each.
  dedupeFonts(out.context, pages);
  adoptFields(out, copiedAll);
  addOutline(
    out,
    parts.map((p, i) => {
      const page = firstPages[i] as PDFPage;
      return { title: p.title, page: page.ref, top: page.getMediaBox().y + page.getMediaBox().height };
    }),
  );
  const hash = hashHex('convkit-dossier/1', JSON.stringify(options), ...parts.flatMap((p) => [p.title, p.pdf]));
  applyArchivalMetadata(out, { ...options, language: 'fr-FR', documentId: hash });
  setDocumentId(out, hash);
  collectGarbage(out.context);
  return { pdf: await savePdf(out), pages: starts };
}
