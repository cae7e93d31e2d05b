/**
 * The zip of a .docx package, written here (local headers, central directory, end record)
 * with convkit's own DEFLATE encoder (src/render/deflate.ts, shared with the PDF renderer):
 * every entry dated from the document's date as MS-DOS fields (no clock, no time zone),
 * recurring parts compressed once per process, or at build time. The layout is the one
 * fflate's `zipSync` writes for the same entries dated local noon. See docs/docx.md.
 */
import { crc32 } from 'node:zlib';
import { strToU8 } from 'fflate';
import { deflateRaw } from './deflate.js';

/** A calendar date (1980–2099, the range of MS-DOS dates). */
export interface ZipDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** One part of the package, in zip order. */
export interface PackagePart {
  readonly path: string;
  /** XML text (written as UTF-8), or raw bytes. */
  readonly data: string | Uint8Array;
  /**
   * The same data recurs from one document to the next (styles, theme, settings…): its
   * compressed form is kept for the next render. A pure speed hint: the bytes do not depend on it.
   */
  readonly recurring?: boolean;
}


interface Compressed {
  readonly crc: number;
  readonly size: number;
  readonly deflated: Uint8Array;
}

function compress(data: Uint8Array): Compressed {
  // zlib's CRC-32 (native; the zip checksum is one function, the same bytes everywhere): a loop
  // of our own ran interpreted in a cold command, ~1 ms per 40 kB. The DEFLATE is ours, not
  // fflate's level 6: ~12 % larger bodies, but 2–3 times faster, and far faster in a cold
  // command's first documents (docs/docx.md).
  return { crc: crc32(data), size: data.length, deflated: deflateRaw(data) };
}

/** Compressed recurring parts, by text. Bounded: a batch of documents cannot make it grow. */
const recurring = new Map<string, Compressed>();
const RECURRING_MAX = 64;

function compressPart(part: PackagePart): Compressed {
  if (typeof part.data !== 'string') return compress(part.data);
  if (!part.recurring) return compress(strToU8(part.data));
  let done = recurring.get(part.data);
  if (done === undefined) {
    done = compress(strToU8(part.data));
    if (recurring.size >= RECURRING_MAX) recurring.delete(recurring.keys().next().value ?? '');
    recurring.set(part.data, done);
  }
  return done;
}

/** A compressed part as the build keeps it in dist/render/docx-templates.js (deflated bytes in base64). */
export interface StoredCompressed {
  readonly crc: number;
  readonly size: number;
  readonly base64: string;
}

/** The compressed form of a recurring part, to keep at build time. */
export function storeCompressed(text: string): StoredCompressed {
  const c = compress(strToU8(text));
  return { crc: c.crc, size: c.size, base64: Buffer.from(c.deflated).toString('base64') };
}

/**
 * Gives the recurring parts' cache a compressed form made at build time (by {@link
 * storeCompressed}, from the same renderer files: docx.ts checks their hash), so that the first
 * document of a process does not compress the parts every document shares (a cold command's
 * DEFLATE runs interpreted: ~1 ms per kilobyte).
 */
export function seedRecurring(text: string, stored: StoredCompressed): void {
  if (recurring.has(text) || recurring.size >= RECURRING_MAX) return;
  recurring.set(text, { crc: stored.crc, size: stored.size, deflated: new Uint8Array(Buffer.from(stored.base64, 'base64')) });
}

/**
 * Zips the parts in the given order, each DEFLATE-compressed, every entry dated `date` at
 * 12:00 (MS-DOS date and time fields: no time zone, no clock).
 */
export function zipPackage(parts: readonly PackagePart[], date: ZipDate): Uint8Array {
  const dosTime = 12 << 11;
  const dosDate = ((date.y - 1980) << 9) | (date.m << 5) | date.d;
  const entries = parts.map((part) => {
    const name = strToU8(part.path);
    return { name, utf8: name.length !== part.path.length, ...compressPart(part) };
  });
  let localSize = 0;
  let centralSize = 0;
  for (const e of entries) {
    localSize += 30 + e.name.length + e.deflated.length;
    centralSize += 46 + e.name.length;
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  let central = localSize;
  for (const e of entries) {
    const flags = e.utf8 ? 0x0800 : 0;
    // Local file header.
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true); // version needed: 2.0 (deflate)
    view.setUint16(at + 6, flags, true);
    view.setUint16(at + 8, 8, true); // deflate
    view.setUint16(at + 10, dosTime, true);
    view.setUint16(at + 12, dosDate, true);
    view.setUint32(at + 14, e.crc, true);
    view.setUint32(at + 18, e.deflated.length, true);
    view.setUint32(at + 22, e.size, true);
    view.setUint16(at + 26, e.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(e.name, at + 30);
    out.set(e.deflated, at + 30 + e.name.length);
    // Central directory header.
    view.setUint32(central, 0x02014b50, true);
    view.setUint16(central + 4, 20, true); // made by: MS-DOS, 2.0
    view.setUint16(central + 6, 20, true);
    view.setUint16(central + 8, flags, true);
    view.setUint16(central + 10, 8, true);
    view.setUint16(central + 12, dosTime, true);
    view.setUint16(central + 14, dosDate, true);
    view.setUint32(central + 16, e.crc, true);
    view.setUint32(central + 20, e.deflated.length, true);
    view.setUint32(central + 24, e.size, true);
    view.setUint16(central + 28, e.name.length, true);
    // extra length, comment length, disk number, internal and external attributes: 0
    view.setUint32(central + 42, at, true);
    out.set(e.name, central + 46);
    at += 30 + e.name.length + e.deflated.length;
    central += 46 + e.name.length;
  }
  // End of central directory.
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, entries.length, true);
  view.setUint16(central + 10, entries.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, localSize, true);
  return out;
}
