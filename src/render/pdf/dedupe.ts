import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFObject, type PDFPage } from 'pdf-lib';

/**
 * Content digest of an object graph: equal digests, equal content (dictionaries compared key
 * by key, streams by their encoded bytes, references by what they point to).
 */
function digest(context: PDFContext, obj: PDFObject | undefined, memo: Map<PDFRef, string>, open: Set<PDFRef>): string {
  if (obj === undefined) return 'undefined';
  if (obj instanceof PDFRef) {
    const hit = memo.get(obj);
    if (hit !== undefined) return hit;
    if (open.has(obj)) return `cycle:${obj.toString()}`;
    open.add(obj);
    const d = digest(context, context.lookup(obj), memo, open);
    open.delete(obj);
    memo.set(obj, d);
    return d;
  }
  const h = createHash('sha256');
  if (obj instanceof PDFDict) {
    h.update('dict');
    const entries = obj.entries().map(([k, v]) => [k.asString(), v] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, v] of entries) h.update(`${k}=${digest(context, v, memo, open)};`);
  } else if (obj instanceof PDFArray) {
    h.update('array');
    for (let i = 0; i < obj.size(); i++) h.update(`${digest(context, obj.get(i), memo, open)},`);
  } else if (obj instanceof PDFStream) {
    // /Length follows from the bytes, and only parsed streams carry it in their dictionary.
    const dict = obj.dict.clone();
    dict.delete(PDFName.of('Length'));
    h.update(`stream${digest(context, dict, memo, open)}`);
    h.update(obj instanceof PDFRawStream ? obj.contents : obj.getContents());
  } else {
    h.update(`value:${obj.toString()}`);
  }
  return h.digest('hex');
}

/**
 * Makes pages that carry identical fonts (the same shared subset, copied from several
 * documents into one dossier) point to a single copy. Returns how many references moved.
 */
export function dedupeFonts(context: PDFContext, pages: readonly PDFPage[]): number {
  const memo = new Map<PDFRef, string>();
  const canonical = new Map<string, PDFRef>();
  let moved = 0;
  for (const page of pages) {
    const resources = page.node.lookupMaybe(PDFName.of('Resources'), PDFDict);
    const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
    if (fonts === undefined) continue;
    for (const [name, value] of fonts.entries()) {
      if (!(value instanceof PDFRef)) continue;
      const d = digest(context, value, memo, new Set());
      const first = canonical.get(d);
      if (first === undefined) canonical.set(d, value);
      else if (first !== value) {
        fonts.set(name, first);
        moved++;
      }
    }
  }
  return moved;
}

/** Deletes every indirect object that the document no longer reaches from its trailer. */
export function collectGarbage(context: PDFContext): number {
  const seen = new Set<PDFRef>();
  const visit = (obj: PDFObject | undefined): void => {
    if (obj === undefined) return;
    if (obj instanceof PDFRef) {
      if (seen.has(obj)) return;
      seen.add(obj);
      visit(context.lookup(obj));
    } else if (obj instanceof PDFDict) {
      for (const [, v] of obj.entries()) visit(v);
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) visit(obj.get(i));
    } else if (obj instanceof PDFStream) {
      visit(obj.dict);
    }
  };
  visit(context.trailerInfo.Root);
  visit(context.trailerInfo.Info);
  let deleted = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!seen.has(ref)) {
      context.delete(ref);
      deleted++;
    }
  }
  return deleted;
}
