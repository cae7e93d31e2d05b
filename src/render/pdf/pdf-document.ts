import { createHash } from 'node:crypto';
import { zlibSync } from 'fflate';
import { PDFDocument, PDFHexString, PDFName, PDFPage, type PDFContext, type PDFRawStream, type SaveOptions } from 'pdf-lib';
import { zlibDeflate } from '../deflate.js';

/**
 * Save options that make pdf-lib's output depend on the document only: a classic xref table
 * (PDF/A-friendly, easy to inspect), no form appearance regeneration (it would embed
 * Helvetica), no default page, and no pause between objects (`objectsPerTick` would otherwise
 * wait a timer tick every 50 objects).
 */
export const SAVE_OPTIONS: SaveOptions = {
  useObjectStreams: false,
  addDefaultPage: false,
  updateFieldAppearances: false,
  objectsPerTick: Number.POSITIVE_INFINITY,
};

/** A new document without pdf-lib's default metadata (which stamps the current time). */
export function createPdf(): Promise<PDFDocument> {
  return PDFDocument.create({ updateMetadata: false });
}

/** Loads a PDF without touching its metadata. */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false });
}

/** Serialises with {@link SAVE_OPTIONS}. */
export function savePdf(pdf: PDFDocument): Promise<Uint8Array> {
  return pdf.save(SAVE_OPTIONS);
}

/**
 * Appends a page of the given size, as `pdf.addPage([width, height])` does, byte for byte: a
 * new page leaf (pdf-lib makes it US Letter) whose /MediaBox is replaced. `addPage` resizes the
 * page through `setSize`, which reads and compares all five page boxes through pdf-lib's
 * getters: about 2 % of a PDF render, for pages that only ever have a media box.
 */
export function appendPage(pdf: PDFDocument, width: number, height: number): PDFPage {
  const page = PDFPage.create(pdf);
  page.node.set(PDFName.of('MediaBox'), pdf.context.obj([0, 0, width, height]));
  return pdf.addPage(page);
}

/** SHA-256 of the given parts, hex. */
export function hashHex(...parts: readonly (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
}

/**
 * Sets the trailer /ID. The first half identifies the document (stable across revisions), the
 * second this revision; both derive from content hashes, never from the clock or a random
 * source, so the same input gives the same bytes.
 */
export function setDocumentId(pdf: PDFDocument, permanent: string, revision: string = permanent): void {
  pdf.context.trailerInfo.ID = pdf.context.obj([
    PDFHexString.of(permanent.slice(0, 32).toUpperCase()),
    PDFHexString.of(revision.slice(0, 32).toUpperCase()),
  ]);
}

/** Each byte as two upper-case hex digits. */
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));

/**
 * A text string (UTF-16BE after its byte-order mark) written as a hex string: the very bytes of
 * pdf-lib's `PDFHexString.fromText`, which builds one padded string per code unit (bookmarks
 * and field descriptions of every document; tested against it).
 */
export function hexText(value: string): PDFHexString {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    hex += (HEX_BYTE[unit >> 8] as string) + (HEX_BYTE[unit & 0xff] as string);
  }
  return PDFHexString.of(hex);
}

/** Six upper-case letters derived from a hash: the subset tag of an embedded font name. */
export function subsetTag(hash: string): string {
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (parseInt(hash.slice(i * 2, i * 2 + 2), 16) % 26));
  return tag;
}

/**
 * A FlateDecode stream, compressed for every document (page contents, per-document font
 * subsets and CMaps) by our own encoder ({@link zlibDeflate}: pure JavaScript, greedy, about
 * 1.5 times as fast as fflate's level 1 for the same size within 2 %). Deterministic: the same
 * bytes on every machine and Node version, unlike node:zlib whose output follows the bundled
 * zlib build. Constant streams ({@link compressedOnce}) keep fflate at level 6, once per process.
 */
export function flateStream(
  context: PDFContext,
  contents: Uint8Array | string,
  dict: Record<string, number> = {},
): PDFRawStream {
  const bytes = typeof contents === 'string' ? new TextEncoder().encode(contents) : contents;
  return withBlockCopy(context.stream(deflateRecent(bytes), { ...dict, Filter: 'FlateDecode' }));
}

/**
 * Streams compressed lately, by content: a page that comes back whole from document to document
 * (an annex that names no party, under the same running header) is compressed once per batch
 * instead of once per document. Looked up by a hash of the bytes and checked byte for byte (a
 * collision only costs a miss); the compressed bytes are shared between documents, which is
 * safe as nothing writes to a stream's contents once made. Small streams are compressed
 * directly (hashing them would cost about as much). Bounded by size: cleared when full.
 */
const recent = new Map<string, { readonly raw: Uint8Array; readonly compressed: Uint8Array }>();
let recentBytes = 0;
const RECENT_LIMIT_BYTES = 4 * 1024 * 1024;
const RECENT_MIN_BYTES = 1024;

/** {@link zlibDeflate} of `bytes`, reusing the result for content met lately. */
export function deflateRecent(bytes: Uint8Array): Uint8Array {
  if (bytes.length < RECENT_MIN_BYTES) return zlibDeflate(bytes);
  const key = createHash('sha1').update(bytes).digest('base64');
  const hit = recent.get(key);
  if (hit !== undefined && sameBytes(hit.raw, bytes)) return hit.compressed;
  const compressed = zlibDeflate(bytes);
  if (recentBytes + bytes.length + compressed.length > RECENT_LIMIT_BYTES) {
    recent.clear();
    recentBytes = 0;
  }
  if (hit === undefined) {
    // A copy: the caller's buffer may be a view of a scratch buffer it reuses.
    recent.set(key, { raw: bytes.slice(), compressed });
    recentBytes += bytes.length + compressed.length;
  }
  return compressed;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Compressed bytes of constant streams (shared subsets, whole fonts, the ICC profile). */
const deflated = new Map<string, Uint8Array>();

/** How constant streams are compressed (level 6, once per process, or once at build time). */
export function deflateConstant(bytes: Uint8Array): Uint8Array {
  return zlibSync(bytes, { level: 6 });
}

/** Records the compressed bytes of a constant stream made at build time. */
export function seedCompressed(key: string, contents: Uint8Array): void {
  if (!deflated.has(key)) deflated.set(key, contents);
}

/** A FlateDecode stream of constant content, compressed on first use only. */
export function compressedOnce(
  context: PDFContext,
  key: string,
  bytes: Uint8Array | (() => Uint8Array),
  dict: Record<string, number>,
): PDFRawStream {
  let contents = deflated.get(key);
  if (contents === undefined) {
    contents = deflateConstant(typeof bytes === 'function' ? bytes() : bytes);
    deflated.set(key, contents);
  }
  return withBlockCopy(context.stream(contents, { ...dict, Filter: 'FlateDecode' }));
}

const STREAM_OPEN = new TextEncoder().encode('\nstream\n');
const STREAM_CLOSE = new TextEncoder().encode('\nendstream');

/**
 * The stream, serialised with one block copy of its contents instead of pdf-lib's byte-by-byte
 * loop (the same bytes: dictionary, « stream », contents, « endstream »). Content streams and
 * font programs are most of a file's bytes.
 */
function withBlockCopy(stream: PDFRawStream): PDFRawStream {
  stream.copyBytesInto = (buffer: Uint8Array, offset: number): number => {
    stream.updateDict();
    let at = offset + stream.dict.copyBytesInto(buffer, offset);
    buffer.set(STREAM_OPEN, at);
    at += STREAM_OPEN.length;
    buffer.set(stream.contents, at);
    at += stream.contents.length;
    buffer.set(STREAM_CLOSE, at);
    at += STREAM_CLOSE.length;
    return at - offset;
  };
  return stream;
}
