import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';
import { overlayPage } from './draw.js';
import { FaceSet } from './font-embed.js';
import { structNode, type DrawOp } from './layout-types.js';
import { isTagged, numberTree } from './structure.js';
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
  const tagged = isTagged(doc) ? taggedStamp(doc, page) : undefined;
  const tag = structNode('P');
  for (const unit of units) {
    for (const op of unit.ops) if (op.op === 'text') ops.push(tagged ? { ...op, y: op.y + y, tag } : { ...op, y: op.y + y });
    y += unit.height;
  }
  const faces = new FaceSet(doc, 'repertoire');
  const marks = overlayPage(doc, page, ops, faces, tagged?.firstMcid ?? 0);
  if (tagged !== undefined && marks.length > 0) tagged.add(marks.length);
  await faces.write();
  const revision = hashHex(pdf, '\u0000stamp\u0000', text);
  setDocumentId(doc, permanentId(doc.context.trailerInfo.ID) ?? revision, revision);
  return savePdf(doc);
}

/**
 * Where the stamp goes in a tagged document's structure: a P first in its top element (the
 * stamp heads page 1), its MCIDs after the page's own, added to the page's parent-tree entry.
 * Undefined when the tree is not one this function understands (then the stamp stays an
 * artifact).
 */
function taggedStamp(doc: PDFDocument, page: PDFPage): { firstMcid: number; add(count: number): void } | undefined {
  const { context } = doc;
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const key = page.node.get(PDFName.of('StructParents'));
  const top = root?.get(PDFName.of('K'));
  const parentTree = root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  if (root === undefined || !(key instanceof PDFNumber) || !(top instanceof PDFRef) || parentTree === undefined) return undefined;
  const element = context.lookupMaybe(top, PDFDict);
  const entry = numberTree(context, parentTree).get(key.asNumber());
  const mcids = entry instanceof PDFRef ? context.lookup(entry) : entry;
  const nums = parentTree.lookupMaybe(PDFName.of('Nums'), PDFArray);
  if (element === undefined || !(mcids instanceof PDFArray) || nums === undefined) return undefined;
  const kids = element.get(PDFName.of('K'));
  const firstMcid = mcids.size();
  return {
    firstMcid,
    add(count: number): void {
      const k: number[] = Array.from({ length: count }, (_, i) => firstMcid + i);
      const p = context.register(context.obj({ Type: 'StructElem', S: 'P', P: top, Pg: page.ref, K: k.length === 1 ? k[0] : k }));
      for (let i = 0; i < count; i++) mcids.push(p);
      const list = kids instanceof PDFRef ? context.lookup(kids) : kids;
      if (list instanceof PDFArray) list.insert(0, p);
      else element.set(PDFName.of('K'), context.obj(list === undefined ? [p] : [p, list]));
    },
  };
}
