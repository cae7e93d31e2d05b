import { PDFDocument, PDFName, PDFNull, PDFNumber, type PDFRef } from 'pdf-lib';
import { hexText } from './pdf-document.js';
import { RawObject } from './raw-object.js';

/** One bookmark: its title and where it leads. */
export interface OutlineEntry {
  readonly title: string;
  readonly page: PDFRef;
  /** Top of the destination, in PDF user space (from the bottom of the page). */
  readonly top: number;
}

/**
 * Writes a flat document outline (bookmarks panel) and asks viewers to open it. pdf-lib has
 * no outline API: the dictionaries are built by hand (ISO 32000-1, 12.3.3). `raw`: the items
 * written as serialised text, the bytes pdf-lib would write (a document saved at once, as the
 * structure elements: `RawObject`); the dossier, edited after, keeps real dictionaries.
 */
export function addOutline(pdf: PDFDocument, entries: readonly OutlineEntry[], raw = false): void {
  if (entries.length === 0) return;
  const { context } = pdf;
  const rootRef = context.nextRef();
  const refs = entries.map(() => context.nextRef());
  entries.forEach((e, i) => {
    if (raw) {
      context.assign(refs[i] as PDFRef, rawItem(e, rootRef, refs[i - 1], refs[i + 1]));
      return;
    }
    const item = context.obj({});
    item.set(PDFName.of('Title'), hexText(e.title));
    item.set(PDFName.of('Parent'), rootRef);
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    item.set(
      PDFName.of('Dest'),
      context.obj([e.page, PDFName.of('XYZ'), PDFNull, PDFNumber.of(Math.round(e.top * 100) / 100), PDFNull]),
    );
    context.assign(refs[i] as PDFRef, item);
  });
  const root = context.obj({ Type: 'Outlines', Count: entries.length });
  root.set(PDFName.of('First'), refs[0] as PDFRef);
  root.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  context.assign(rootRef, root);
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** An outline item as pdf-lib serialises its dictionary (same keys, order and spacing). */
function rawItem(e: OutlineEntry, parent: PDFRef, prev: PDFRef | undefined, next: PDFRef | undefined): RawObject {
  let text = `<<\n/Title ${hexText(e.title).toString()}\n/Parent ${parent.toString()}`;
  if (prev) text += `\n/Prev ${prev.toString()}`;
  if (next) text += `\n/Next ${next.toString()}`;
  text += `\n/Dest [ ${e.page.toString()} /XYZ null ${PDFNumber.of(Math.round(e.top * 100) / 100).toString()} null ]\n>>`;
  return new RawObject(text);
}
