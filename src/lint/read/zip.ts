import { Inflate } from 'fflate';
import { ConvkitError } from '../../errors.js';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  /** Declared uncompressed size (may lie: inflating is bounded separately). */
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** The kind of document an archive holds, for messages: « .docx », « .odt ». */
export type ZipKind = '.docx' | '.odt';

function fail(file: string, why: string, kind: ZipKind = '.docx'): never {
  throw new ConvkitError(`${file} : ce fichier ${kind} est illisible : ${why}.`, { locations: [{ file }] });
}

/**
 * Reads the central directory of a zip archive. Throws a French ConvkitError when the bytes
 * are not a zip archive (or one this reader does not handle: ZIP64, encryption).
 */
export function readZipDirectory(bytes: Uint8Array, file: string, kind: ZipKind = '.docx'): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22) fail(file, "ce n'est pas une archive zip (fichier trop court)", kind);
  // The end-of-central-directory record is in the last 22 + 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail(file, "ce n'est pas une archive zip (fin d'archive introuvable)", kind);
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) fail(file, "archive ZIP64 non prise en charge", kind);
  if (dirOffset + dirSize > bytes.length) fail(file, 'répertoire de l’archive hors du fichier (archive tronquée ou corrompue)', kind);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) fail(file, 'répertoire de l’archive corrompu', kind);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > bytes.length) fail(file, 'répertoire de l’archive corrompu', kind);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (flags & 1) fail(file, `l’entrée « ${name} » est chiffrée`, kind);
    entries.push({ name, method, compressedSize, size, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates one entry, refusing (ConvkitError) as soon as its output would exceed `limit`
 * bytes, whatever its declared size: compressed data is fed to the inflater in small chunks,
 * so a zip bomb never allocates more than `limit` plus one chunk's worth of output.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, file: string, limit: number, kind: ZipKind = '.docx'): Uint8Array {
  if (entry.size > limit) {
    fail(file, `l’entrée « ${entry.name} » déclare ${formatMb(entry.size)} décompressés, au-delà de la limite de ${formatMb(limit)} (archive piégée ?)`, kind);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL_SIGNATURE) fail(file, `en-tête de l’entrée « ${entry.name} » introuvable`, kind);
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) fail(file, `l’entrée « ${entry.name} » est tronquée`, kind);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > limit) fail(file, `l’entrée « ${entry.name} » dépasse la limite de ${formatMb(limit)}`, kind);
    return data;
  }
  if (entry.method !== 8) fail(file, `méthode de compression ${entry.method} non prise en charge pour « ${entry.name} »`, kind);

  const chunks: Uint8Array[] = [];
  let total = 0;
  let exceeded = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) exceeded = true;
    else chunks.push(chunk);
  });
  const CHUNK = 4096;
  try {
    for (let i = 0; i < data.length && !exceeded; i += CHUNK) {
      inflater.push(data.subarray(i, Math.min(i + CHUNK, data.length)), i + CHUNK >= data.length);
    }
  } catch (cause) {
    throw new ConvkitError(`${file} : ce fichier ${kind} est illisible : données compressées de « ${entry.name} » corrompues.`, {
      locations: [{ file }],
      cause,
    });
  }
  if (exceeded) {
    fail(file, `l’entrée « ${entry.name} » dépasse ${formatMb(limit)} une fois décompressée (archive piégée ?)`, kind);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function formatMb(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} Mo`;
}

/**
 * An archive opened for reading its parts: the directory once, then each part by name, all
 * the parts read together bounded by `limit` bytes once inflated (a zip bomb spread over many
 * parts is stopped as surely as one in a single part).
 */
export class Archive {
  readonly entries: readonly ZipEntry[];
  private readonly byName: ReadonlyMap<string, ZipEntry>;
  private budget: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    limit: number,
    private readonly kind: ZipKind = '.docx',
  ) {
    this.entries = readZipDirectory(bytes, file, kind);
    this.byName = new Map(this.entries.map((e) => [e.name, e]));
    this.budget = limit;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The inflated bytes of a part, by entry or name; undefined when the archive has no such part. */
  read(part: ZipEntry | string): Uint8Array | undefined {
    const entry = typeof part === 'string' ? this.byName.get(part) : part;
    if (entry === undefined) return undefined;
    const data = readZipEntry(this.bytes, entry, this.file, Math.max(0, this.budget), this.kind);
    this.budget -= data.length;
    return data;
  }
}
