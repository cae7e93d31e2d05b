import { PDFName, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { FaceSet } from './font-embed.js';
import { flateStream } from './pdf-document.js';
import type { Face } from './fonts.js';
import type { DrawOp, FieldOp, Piece, StructNode, TextOp } from './layout-types.js';
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

/** 1 for the bytes a literal string holds as they are, 0 for ( ) \ CR LF (escaped). */
const PLAIN_BYTE = (() => {
  const t = new Uint8Array(256).fill(1);
  for (const b of [0x28, 0x29, 0x5c, 0x0d, 0x0a]) t[b] = 0;
  return t;
})();

/**
 * A growable byte buffer for content streams, reused from stream to stream (content streams
 * are written synchronously, one at a time). Glyph codes go in as bytes, operators as ASCII:
 * no string is built per glyph.
 */
class ContentWriter {
  private buf = new Uint8Array(1 << 16);
  private pos = 0;

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (this.pos + n > size) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.pos));
    this.buf = grown;
  }

  /** Starts a new line of the stream (lines are separated by U+000A, none after the last). */
  line(): void {
    if (this.pos === 0) return;
    this.room(1);
    this.buf[this.pos++] = 0x0a;
  }

  /** ASCII text (operators, numbers). */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i);
    this.pos = pos;
  }

  /** A two-byte glyph code inside a literal string, escaped where a literal string needs it. */
  glyph(cid: number): void {
    this.room(4);
    if (cid < 0x100 && PLAIN_BYTE[cid] === 1) {
      // The usual case: a high byte of 0 and a low byte that needs no escape.
      this.buf[this.pos++] = 0;
      this.buf[this.pos++] = cid;
      return;
    }
    this.literalByte(cid >> 8);
    this.literalByte(cid & 0xff);
  }

  private literalByte(b: number): void {
    const buf = this.buf;
    switch (b) {
      case 0x28:
      case 0x29:
      case 0x5c:
        buf[this.pos++] = 0x5c;
        buf[this.pos++] = b;
        return;
      case 0x0d:
        buf[this.pos++] = 0x5c;
        buf[this.pos++] = 0x72; // r
        return;
      case 0x0a:
        buf[this.pos++] = 0x5c;
        buf[this.pos++] = 0x6e; // n
        return;
      default:
        buf[this.pos++] = b;
    }
  }

  /** Bytes written so far in this stream. */
  get length(): number {
    return this.pos;
  }

  /** A copy of the bytes written from `start` on. */
  since(start: number): Uint8Array {
    return this.buf.slice(start, this.pos);
  }

  /** Bytes as they are. */
  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** The bytes written since the last call (a copy), and a fresh start. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    return out;
  }
}

const writer = new ContentWriter();

/**
 * The bytes `show` wrote for a shared piece (a text op's `shared`) drawn only with shared-subset
 * glyphs, by piece: set lines are cached across documents (`lines.ts`), so the same clause's
 * pieces come back in every convention of a batch, and their glyph codes (shared CIDs) are the
 * same in every document. Pieces made for one drawing (a table cell, a running header, a
 * paragraph met once) are not kept: a copy of their bytes would only be garbage to collect.
 */
const shown = new WeakMap<Piece, { readonly size: number; readonly bytes: Uint8Array }>();

/**
 * A piece as a text-showing operator, on a line of its own. Unjustified: one string and Tj.
 * Justified: the string is cut after each space and a negative TJ adjustment (thousandths of
 * an em) widens that space; the spaces stay real U+0020 glyphs, so the text extracts with its
 * spaces.
 */
function show(w: ContentWriter, faces: FaceSet, piece: Piece, size: number, shared: boolean): void {
  const font = faces.get(piece.face);
  w.line();
  // Only in a document whose face uses the shared CIDs: the same piece (set lines are shared)
  // may be drawn in another mode, where CIDs are numbered per document.
  const memo = shared && font.hasSharedCids;
  const hit = memo ? shown.get(piece) : undefined;
  if (hit !== undefined && hit.size === size) {
    w.bytes(hit.bytes);
    return;
  }
  const start = w.length;
  const text = piece.text;
  const justified = piece.spaceExtra !== 0;
  // Justified: each « word + space » chunk is a string of its own, followed by the adjustment.
  const adjust = justified ? `)${num((-piece.spaceExtra * 1000) / size)}` : '';
  w.ascii(justified ? '[' : '(');
  let open = !justified;
  let sharedCids = true;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      cp = text.codePointAt(i) ?? cp;
      i++;
    }
    if (!open) {
      w.ascii('(');
      open = true;
    }
    let cid = font.sharedCid(cp);
    if (cid === 0) {
      cid = font.cid(cp);
      sharedCids = false;
    }
    w.glyph(cid);
    if (justified && cp === 0x20) {
      w.ascii(adjust);
      open = false;
    }
  }
  if (!justified) w.ascii(') Tj');
  else w.ascii(open ? ')] TJ' : '] TJ');
  if (memo && sharedCids) shown.set(piece, { size, bytes: w.since(start) });
}

/** A page's content stream and the faces it uses. */
export interface PageContent {
  readonly bytes: Uint8Array;
  readonly faces: ReadonlySet<Face>;
  readonly fields: readonly FieldOp[];
  /** The structure node of each marked-content sequence, by MCID (`firstMcid`, +1, +2… on the page). */
  readonly marks: readonly StructNode[];
}

/** The marked-content sequence an op belongs to: its structure node, or an artifact kind. */
type Mark = StructNode | 'Header' | 'Footer' | 'Pagination' | 'Layout';

function markOf(op: DrawOp): Mark | undefined {
  switch (op.op) {
    case 'text':
      return op.tag ?? op.artifact ?? 'Pagination';
    case 'rule':
      return op.artifact ?? 'Layout';
    case 'fill':
      return 'Layout';
    case 'field':
      return undefined; // no content: the widget is an annotation
  }
}

/** The opening operator of an artifact's marked-content sequence. */
const ARTIFACT_BDC: Readonly<Record<Exclude<Mark, StructNode>, string>> = {
  Header: '/Artifact <</Type /Pagination /Subtype /Header>> BDC',
  Footer: '/Artifact <</Type /Pagination /Subtype /Footer>> BDC',
  Pagination: '/Artifact <</Type /Pagination>> BDC',
  Layout: '/Artifact <</Type /Layout>> BDC',
};

/**
 * Serialises ops into a content stream (bytes written directly, not pdf-lib operator
 * objects: an order of magnitude less work). `fontKey` names each face's entry in the page's
 * /Font resources; `pageHeight` flips the top-down layout coordinates.
 */
export function contentOf(
  ops: readonly DrawOp[],
  faces: FaceSet,
  fontKey: (face: Face) => string = (f) => FONT_KEYS[f],
  pageHeight: number = PAGE.height,
  firstMcid = 0,
): PageContent {
  const w = writer;
  const out = (s: string): void => {
    w.line();
    w.ascii(s);
  };
  const fields: FieldOp[] = [];
  const marks: StructNode[] = [];
  const used = new Set<Face>();
  // Every piece of content is in exactly one marked-content sequence: tagged (an MCID its
  // structure element refers to) or an artifact. Consecutive ops of the same node or artifact
  // kind share one sequence.
  let mark: Mark | undefined;
  const enter = (m: Mark | undefined): void => {
    if (m === mark || m === undefined) return;
    if (mark !== undefined) out('EMC');
    mark = m;
    if (typeof m === 'string') {
      out(ARTIFACT_BDC[m]);
    } else {
      out(`/${m.role} <</MCID ${firstMcid + marks.length}>> BDC`);
      marks.push(m);
    }
  };
  let fill = '';
  let strokeColour = '';
  let lineWidth = -1;
  let dash = '';
  let fillColour: Rgb | undefined;
  const setFill = (c: Rgb): void => {
    if (c === fillColour) return; // the same colour object: nothing to compare
    fillColour = c;
    const s = rgb(c);
    if (s !== fill) out(`${s} rg`);
    fill = s;
  };
  const text = (op: TextOp): void => {
    setFill(op.color);
    out('BT');
    let current: Face | undefined;
    const y = num(pageHeight - op.y);
    for (const piece of op.pieces) {
      if (piece.face !== current) {
        out(`/${fontKey(piece.face)} ${num(op.size)} Tf`);
        used.add(piece.face);
        current = piece.face;
      }
      out(`1 0 0 1 ${num(op.x + piece.dx)} ${y} Tm`);
      show(w, faces, piece, op.size, op.shared === true);
    }
    out('ET');
  };
  for (const op of ops) {
    enter(markOf(op));
    switch (op.op) {
      case 'text':
        text(op);
        break;
      case 'rule': {
        const s = rgb(op.color);
        if (s !== strokeColour) out(`${s} RG`);
        strokeColour = s;
        if (op.width !== lineWidth) out(`${num(op.width)} w`);
        lineWidth = op.width;
        const d = op.dash === undefined ? '[] 0 d' : `[${op.dash.map(num).join(' ')}] 0 d 1 J`;
        if (d !== dash) out(d);
        dash = d;
        out(`${num(op.x1)} ${num(pageHeight - op.y1)} m ${num(op.x2)} ${num(pageHeight - op.y2)} l S`);
        break;
      }
      case 'fill':
        setFill(op.color);
        out(`${num(op.x)} ${num(pageHeight - op.y - op.h)} ${num(op.w)} ${num(op.h)} re f`);
        break;
      case 'field':
        fields.push(op);
        break;
    }
  }
  if (mark !== undefined) out('EMC');
  return { bytes: w.take(), faces: used, fields, marks };
}

/**
 * Fills a new page of the renderer's own: fixed resource names, one content stream. Returns
 * the content: the signature field ops for the form step, the structure node of each MCID.
 */
export function drawPage(pdf: PDFDocument, page: PDFPage, ops: readonly DrawOp[], faces: FaceSet): PageContent {
  const content = contentOf(ops, faces);
  const { context } = pdf;
  const fontDict = context.obj({});
  for (const face of content.faces) fontDict.set(PDFName.of(FONT_KEYS[face]), faces.get(face).ref);
  // Set directly: pdf-lib's page helpers re-normalise the page dictionary on every call.
  page.node.set(PDFName.of('Resources'), context.obj({ Font: fontDict }));
  page.node.set(PDFName.of('Contents'), context.register(flateStream(context, content.bytes)));
  return content;
}

/**
 * Draws ops over an existing page (a stamp, a page number): its content is wrapped in q/Q so
 * that a transformation it leaves behind cannot move the overlay, and the faces get fresh,
 * non-colliding resource names. `ops` use top-down coordinates from the top-left corner of the
 * page's media box. Tagged ops get MCIDs from `firstMcid` (after the page's own); returns the
 * node of each.
 */
export function overlayPage(pdf: PDFDocument, page: PDFPage, ops: readonly DrawOp[], faces: FaceSet, firstMcid = 0): readonly StructNode[] {
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
  const content = contentOf(shifted, faces, keyOf, box.y + box.height, firstMcid);
  page.node.wrapContentStreams(context.register(context.stream('q\n')), context.register(context.stream('Q\n')));
  page.node.addContentStream(context.register(flateStream(context, content.bytes)));
  return content.marks;
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
