import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFPage, type PDFRef } from 'pdf-lib';
import { hexText } from './pdf-document.js';

/** An empty signature field to create, in PDF user space (origin bottom left). */
export interface SignatureFieldSpec {
  readonly page: PDFPage;
  readonly partyId: string;
  /** /TU: what a signing tool shows for the field. */
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Field name for a party: « signature_caf-21 ». Periods separate levels of a field name in
 * AcroForm, so any character outside [A-Za-z0-9_-] becomes « _ ».
 */
export function signatureFieldName(partyId: string): string {
  return `signature_${partyId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function acroFormFields(pdf: PDFDocument): PDFArray {
  const { catalog, context } = pdf;
  let form = catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (form === undefined) {
    form = context.obj({});
    catalog.set(PDFName.of('AcroForm'), context.register(form));
  }
  let fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (fields === undefined) {
    fields = context.obj([]);
    form.set(PDFName.of('Fields'), fields);
  }
  return fields;
}

/** Names already used by the document's form fields. */
function existingNames(fields: PDFArray): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < fields.size(); i++) {
    const field = fields.lookupMaybe(i, PDFDict);
    const t = field?.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString);
    if (t) names.add(t.decodeText());
  }
  return names;
}

/**
 * Adds one empty, unsigned signature field (/FT /Sig) per spec, its widget merged into the
 * field dictionary and placed on its page. The widget is printable (/F 4) and has an empty
 * normal appearance, as PDF/A requires of every annotation; the signing tool replaces it.
 * /SigFlags is left out: it is for documents that already hold signatures.
 *
 * Names derive from the party id; a name already taken gets « _2 », « _3 »… Returns the names
 * in the order of `specs`.
 */
export function addSignatureFields(pdf: PDFDocument, specs: readonly SignatureFieldSpec[]): string[] {
  return addSignatureFieldRefs(pdf, specs).map((f) => f.name);
}

/** {@link addSignatureFields}, returning each field's name and reference (its widget). */
export function addSignatureFieldRefs(pdf: PDFDocument, specs: readonly SignatureFieldSpec[]): { name: string; ref: PDFRef }[] {
  if (specs.length === 0) return [];
  const { context } = pdf;
  const fields = acroFormFields(pdf);
  const taken = existingNames(fields);
  return specs.map((spec) => {
    const base = signatureFieldName(spec.partyId);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    const r = (v: number): PDFNumber => PDFNumber.of(Math.round(v * 100) / 100);
    const appearance = context.register(
      context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, r(spec.width), r(spec.height)], Resources: {} }),
    );
    const field = context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      F: 4,
      Rect: [r(spec.x), r(spec.y), r(spec.x + spec.width), r(spec.y + spec.height)],
      AP: { N: appearance },
    });
    field.set(PDFName.of('T'), PDFString.of(name));
    field.set(PDFName.of('TU'), hexText(spec.label));
    field.set(PDFName.of('P'), spec.page.ref);
    const ref: PDFRef = context.register(field);
    spec.page.node.addAnnot(ref);
    fields.push(ref);
    return { name, ref };
  });
}
