import { PDFName, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { FaceSet } from './font-embed.js';
import { flateStream } from './pdf-document.js';
import type { Face } from './fonts.js';
import type { DrawOp, FieldOp, Piece, TextOp } from './layout-types.js';
import { PAGE, type Rgb } from './style.js';

/** Resource names of the faces in every page's /Font dictionary. */
const FONT_KEYS: Readonly<Record<Face, string>> = { regular: 'F1', bold: 'F2', italic: 'F3', boldItalic: 'F4' };

/** A number in a content stream: at most 3 decimals, no exponent, no « -0 ». */
export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 ? '0' : String(r);
}

function rgb(c: Rgb): string {
  return `${num(c.r)} ${num(c.g)} ${num(c.b)}`;
}

/**
 * A piece as a text-showing operator. Unjustified: one string and Tj. Justified: the
 * string is cut after each space and a negative TJ adjustment (thousandths of an em) widens
 * that space; the spaces stay real U+0020 glyphs, so the text extracts with its spaces.
 */
function show(faces: FaceSet, piece: Piece, size: number): string {
  const font = faces.get(piece.face);
  if (piece.spaceExtra === 0) return `(${font.encode(piece.text)}) Tj`;
  const adjust = num((-piece.spaceExtra * 1000) / size);
  const parts = piece.text.split(' ');
  let out = '[';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const chunk = last ? part : `${part} `;
    if (chunk !== '') out += `(${font.encode(chunk)})`;
    if (!last) out += adjust;
  });
  return `${out}] TJ`;
}

/** A page's content stream and the faces it uses. */
export interface PageContent {
  readonly bytes: Uint8Array;
  readonly faces: ReadonlySet<Face>;
  readonly fields: readonly FieldOp[];
}

/**
 * Serialises ops into a content stream (a string, not pdf-lib operator objects: an order of
 * magnitude less work). `fontKey` names each face's entry in the page's /Font resources;
 * `pageHeight` flips the top-down layout coordinates.
 */
export function contentOf(
  ops: readonly DrawOp[],
  faces: FaceSet,
  fontKey: (face: Face) => string = (f) => FONT_KEYS[f],
  pageHeight: number = PAGE.height,
): PageContent {
  const out: string[] = [];
  const fields: FieldOp[] = [];
  const used = new Set<Face>();
  let fill = '';
  let strokeColour = '';
  let lineWidth = -1;
  let dash = '';
  const setFill = (c: Rgb): void => {
    const s = rgb(c);
    if (s !== fill) out.push(`${s} rg`);
    fill = s;
  };
  const text = (op: TextOp): void => {
    setFill(op.color);
    out.push('BT');
    let current: Face | undefined;
    const y = num(pageHeight - op.y);
    for (const piece of op.pieces) {
      if (piece.face !== current) {
        out.push(`/${fontKey(piece.face)} ${num(op.size)} Tf`);
        used.add(piece.face);
        current = piece.face;
      }
      out.push(`1 0 0 1 ${num(op.x + piece.dx)} ${y} Tm`, show(faces, piece, op.size));
    }
    out.push('ET');
  };
  for (const op of ops) {
    switch (op.op) {
      case 'text':
        text(op);
        break;
      case 'rule': {
        const s = rgb(op.color);
        if (s !== strokeColour) out.push(`${s} RG`);
        strokeColour = s;
        if (op.width !== lineWidth) out.push(`${num(op.width)} w`);
        lineWidth = op.width;
        const d = op.dash === undefined ? '[] 0 d' : `[${op.dash.map(num).join(' ')}] 0 d 1 J`;
        if (d !== dash) out.push(d);
        dash = d;
        out.push(`${num(op.x1)} ${num(pageHeight - op.y1)} m ${num(op.x2)} ${num(pageHeight - op.y2)} l S`);
        break;
      }
      case 'fill':
        setFill(op.color);
        out.push(`${num(op.x)} ${num(pageHeight - op.y - op.h)} ${num(op.w)} ${num(op.h)} re f`);
        break;
      case 'field':
        fields.push(op);
        break;
    }
  }
  // Latin-1: the literal strings hold raw glyph code bytes.
  return { bytes: Buffer.from(out.join('\n'), 'latin1'), faces: used, fields };
}

/**
 * Fills a new page of the renderer's own: fixed resource names, one content stream. Returns
 * the signature field ops for the form step.
 */
export function drawPage(pdf: PDFDocument, page: PDFPage, ops: readonly DrawOp[], faces: FaceSet): readonly FieldOp[] {
  const content = contentOf(ops, faces);
  const { context } = pdf;
  const fontDict = context.obj({});
  for (const face of content.faces) fontDict.set(PDFName.of(FONT_KEYS[face]), faces.get(face).ref);
  // Set directly: pdf-lib's page helpers re-normalise the page dictionary on every call.
  page.node.set(PDFName.of('Resources'), context.obj({ Font: fontDict }));
  page.node.set(PDFName.of('Contents'), context.register(flateStream(context, content.bytes)));
  return content.fields;
}

/**
 * Draws ops over an existing page (a stamp, a page number): its content is wrapped in q/Q so
 * that a transformation it leaves behind cannot move the overlay, and the faces get fresh,
 * non-colliding resource names. `ops` use top-down coordinates from the top-left corner of the
 * page's media box.
 */
export function overlayPage(pdf: PDFDocument, page: PDFPage, ops: readonly DrawOp[], faces: FaceSet): void {
  const { context } = pdf;
  const keys = new Map<Face, string>();
  const keyOf = (face: Face): string => {
    let key = keys.get(face);
    if (key === undefined) {
      key = page.node.newFontDictionary(`Ck${FONT_KEYS[face]}`, faces.get(face).ref).asString().slice(1);
      keys.set(face, key);
    }
    return key;
  };
  // Normalising turns /Contents into an array and copies inherited resources into the page.
  page.node.normalize();
  const box = page.getMediaBox();
  const shifted = box.x === 0 ? ops : ops.map((op) => shiftX(op, box.x));
  const content = contentOf(shifted, faces, keyOf, box.y + box.height);
  page.node.wrapContentStreams(context.register(context.stream('q\n')), context.register(context.stream('Q\n')));
  page.node.addContentStream(context.register(flateStream(context, content.bytes)));
}

function shiftX(op: DrawOp, dx: number): DrawOp {
  switch (op.op) {
    case 'text':
    case 'fill':
    case 'field':
      return { ...op, x: op.x + dx };
    case 'rule':
      return { ...op, x1: op.x1 + dx, x2: op.x2 + dx };
  }
}
