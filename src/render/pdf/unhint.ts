/**
 * Removes the TrueType hinting from a font program: the glyphs' instructions, the font and
 * control value programs (`fpgm`, `prep`) and the control values (`cvt `), plus the tables
 * that only describe hinted rendering (`hdmx`, `LTSH`, `VDMX`). Outlines, metrics and every
 * other table are kept byte for byte.
 *
 * Why: Liberation Serif's instructions are about 60 % of a subset's `glyf` table, two thirds of
 * the ~27 KB each embedded face cost a PDF. Hinting only snaps outlines to the pixel grid of
 * low-resolution screens; PDF viewers draw text smoothed (pdf.js, Acrobat) or at printer
 * resolution, and print is what convkit's documents are for. Tools that embed fonts in PDF
 * commonly leave hinting out (WeasyPrint does by default, fontTools' `--no-hinting`).
 *
 * The result is a valid TrueType font: `maxp` no longer announces instruction resources,
 * table checksums and `head.checkSumAdjustment` are recomputed. Deterministic.
 */

/** Tables that exist only for hinting, dropped whole. */
const HINTING_TABLES = new Set(['fpgm', 'prep', 'cvt ', 'hdmx', 'LTSH', 'VDMX']);

/** Composite glyph flags (OpenType `glyf`). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
const WE_HAVE_INSTRUCTIONS = 0x0100;

interface Table {
  readonly tag: string;
  bytes: Uint8Array;
}

class FontFormatError extends Error {}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function readTables(font: Uint8Array): { version: number; tables: Table[] } {
  const v = view(font);
  if (font.length < 12) throw new FontFormatError('font shorter than its offset table');
  const version = v.getUint32(0);
  const count = v.getUint16(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    if (at + 16 > font.length) throw new FontFormatError('table directory beyond the end of the font');
    const tag = String.fromCharCode(font[at] ?? 0, font[at + 1] ?? 0, font[at + 2] ?? 0, font[at + 3] ?? 0);
    const offset = v.getUint32(at + 8);
    const length = v.getUint32(at + 12);
    if (offset + length > font.length) throw new FontFormatError(`table ${tag} beyond the end of the font`);
    tables.push({ tag, bytes: font.subarray(offset, offset + length) });
  }
  return { version, tables };
}

/** One glyph's outline without its instructions (the bytes are a copy or a subarray). */
function glyphWithoutInstructions(glyph: Uint8Array): Uint8Array {
  if (glyph.length === 0) return glyph;
  const v = view(glyph);
  const contours = v.getInt16(0);
  if (contours >= 0) {
    const lengthAt = 10 + 2 * contours;
    const instructions = v.getUint16(lengthAt);
    if (instructions === 0) return glyph;
    const out = new Uint8Array(glyph.length - instructions);
    out.set(glyph.subarray(0, lengthAt), 0);
    // instructionLength becomes 0 (already zero in the new array), the rest follows it.
    out.set(glyph.subarray(lengthAt + 2 + instructions), lengthAt + 2);
    return out;
  }
  // Composite: components follow the 10-byte header; instructions, if any, follow the last.
  let at = 10;
  let flags = 0;
  let lastFlagsAt = -1;
  do {
    lastFlagsAt = at;
    flags = v.getUint16(at);
    at += 4; // flags, glyphIndex
    at += flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2;
    if (flags & WE_HAVE_A_SCALE) at += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
    if (at > glyph.length) throw new FontFormatError('composite glyph beyond its end');
  } while (flags & MORE_COMPONENTS);
  if ((flags & WE_HAVE_INSTRUCTIONS) === 0) return glyph.subarray(0, at);
  const out = glyph.slice(0, at);
  view(out).setUint16(lastFlagsAt, flags & ~WE_HAVE_INSTRUCTIONS);
  return out;
}

function checksum(bytes: Uint8Array): number {
  let sum = 0;
  const full = bytes.length & ~3;
  const v = view(bytes);
  for (let i = 0; i < full; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  if (full < bytes.length) {
    let last = 0;
    for (let i = full; i < full + 4; i++) last = (last << 8) | (i < bytes.length ? (bytes[i] ?? 0) : 0);
    sum = (sum + (last >>> 0)) >>> 0;
  }
  return sum;
}

const pad4 = (n: number): number => (n + 3) & ~3;

/**
 * The font program `font` (a TrueType `sfnt`) without hinting. A font without `glyf`/`loca`
 * (CFF outlines) is returned as it is; a malformed one throws.
 */
export function stripHinting(font: Uint8Array): Uint8Array {
  const { version, tables } = readTables(font);
  const byTag = new Map(tables.map((t) => [t.tag, t]));
  const head = byTag.get('head');
  const loca = byTag.get('loca');
  const glyf = byTag.get('glyf');
  const maxp = byTag.get('maxp');
  if (head === undefined || loca === undefined || glyf === undefined || maxp === undefined) return font;
  const longOffsets = view(head.bytes).getInt16(50) === 1;
  const glyphCount = view(maxp.bytes).getUint16(4);
  const offsetOf = (i: number): number => (longOffsets ? view(loca.bytes).getUint32(4 * i) : 2 * view(loca.bytes).getUint16(2 * i));

  // Glyphs without instructions, each padded to 4 bytes (valid for either loca format).
  const glyphs: Uint8Array[] = [];
  let size = 0;
  for (let i = 0; i < glyphCount; i++) {
    const start = offsetOf(i);
    const end = offsetOf(i + 1);
    if (end < start || end > glyf.bytes.length) throw new FontFormatError(`glyph ${i} outside glyf`);
    const g = glyphWithoutInstructions(glyf.bytes.subarray(start, end));
    glyphs.push(g);
    size += pad4(g.length);
  }
  if (!longOffsets && size / 2 > 0xffff) throw new FontFormatError('glyf too large for short offsets');
  const newGlyf = new Uint8Array(size);
  const newLoca = new Uint8Array((glyphCount + 1) * (longOffsets ? 4 : 2));
  const lv = view(newLoca);
  let at = 0;
  for (let i = 0; i <= glyphCount; i++) {
    if (longOffsets) lv.setUint32(4 * i, at);
    else lv.setUint16(2 * i, at / 2);
    const g = glyphs[i];
    if (g === undefined) break;
    newGlyf.set(g, at);
    at += pad4(g.length);
  }
  glyf.bytes = newGlyf;
  loca.bytes = newLoca;

  // maxp 1.0: no zones beyond the glyph zone, no storage, functions, stack or instructions.
  const newMaxp = maxp.bytes.slice();
  const mv = view(newMaxp);
  if (mv.getUint32(0) === 0x00010000 && newMaxp.length >= 32) {
    mv.setUint16(14, 1); // maxZones
    for (const field of [16, 18, 20, 22, 24, 26]) mv.setUint16(field, 0); // twilight points … maxSizeOfInstructions
  }
  maxp.bytes = newMaxp;

  // head: checkSumAdjustment is computed last, over the whole font with it set to zero.
  const newHead = head.bytes.slice();
  view(newHead).setUint32(8, 0);
  head.bytes = newHead;

  const kept = tables.filter((t) => !HINTING_TABLES.has(t.tag)).sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const count = kept.length;
  let power = 1;
  let log2 = 0;
  while (power * 2 <= count) {
    power *= 2;
    log2 += 1;
  }
  const directory = 12 + 16 * count;
  const total = kept.reduce((s, t) => s + pad4(t.bytes.length), directory);
  const out = new Uint8Array(total);
  const ov = view(out);
  ov.setUint32(0, version);
  ov.setUint16(4, count);
  ov.setUint16(6, power * 16);
  ov.setUint16(8, log2);
  ov.setUint16(10, count * 16 - power * 16);
  let offset = directory;
  kept.forEach((t, i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = t.tag.charCodeAt(k);
    ov.setUint32(entry + 4, checksum(t.bytes));
    ov.setUint32(entry + 8, offset);
    ov.setUint32(entry + 12, t.bytes.length);
    out.set(t.bytes, offset);
    offset += pad4(t.bytes.length);
  });
  const headEntry = kept.findIndex((t) => t.tag === 'head');
  const headOffset = ov.getUint32(12 + 16 * headEntry + 8);
  ov.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
