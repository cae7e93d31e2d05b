import { PDFArray, PDFHexString, PDFString, type PDFObject } from 'pdf-lib';
import { overlayPage } from './draw.js';
import { FaceSet } from './font-embed.js';
import type { DrawOp } from './layout-types.js';
import { lineUnits } from './lines.js';
import { hashHex, loadPdf, savePdf, setDocumentId } from './pdf-document.js';
import { PAGE } from './style.js';

/** Size and place of the stamp: bold, right-aligned in the top margin, above the running header. */
const STAMP = { size: 10, leading: 12, top: 14 } as const;

/** First half of an existing trailer /ID, as hex. */
function permanentId(id: PDFObject | undefined): string | undefined {
  if (!(id instanceof PDFArray)) return undefined;
  const first = id.get(0);
  if (first instanceof PDFHexString) return first.asString();
  if (first instanceof PDFString) return Buffer.from(first.asBytes()).toString('hex');
  return undefined;
}

/**
 * Stamps a line of text at the top right of page 1 (« Annexe n° 3 à la délibération du
 * 26 juin 2014 »), in the top margin above the running header; a text too long for one line
 * wraps, right-aligned. The rest of the file is untouched: metadata (dates included) stay as
 * they were, the first half of the trailer /ID is kept and the second derives from the input
 * and the text. Stamp before signing: rewriting a signed file would invalidate its signatures.
 */
export async function stampFirstPage(pdf: Uint8Array, text: string): Promise<Uint8Array> {
  const doc = await loadPdf(pdf);
  const page = doc.getPage(0);
  const measure = page.getMediaBox().width - PAGE.marginLeft - PAGE.marginRight;
  const ops: DrawOp[] = [];
  let y = STAMP.top;
  const units = lineUnits({
    runs: [{ text, bold: true }],
    style: { size: STAMP.size, leading: STAMP.leading },
    x: PAGE.marginLeft,
    measure,
    align: 'right',
  });
  for (const unit of units) {
    for (const op of unit.ops) if (op.op === 'text') ops.push({ ...op, y: op.y + y });
    y += unit.height;
  }
  const faces = new FaceSet(doc, 'repertoire');
  overlayPage(doc, page, ops, faces);
  await faces.write();
  const revision = hashHex(pdf, '\u0000stamp\u0000', text);
  setDocumentId(doc, permanentId(doc.context.trailerInfo.ID) ?? revision, revision);
  return savePdf(doc);
}
