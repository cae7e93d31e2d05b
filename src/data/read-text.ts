import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a data file could not be turned into text, with the place of the fault when there is one. */
export interface ReadFailure {
  readonly code: 'missing-file' | 'not-a-file' | 'unreadable' | 'file-too-large' | 'encoding';
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type ReadResult = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly failure: ReadFailure };

/**
 * Reads a data file as UTF-8 text, never more than `maxBytes + 1` bytes: a file larger than the
 * limit (even a sparse 10 GB one, or one that grows while it is read) is refused without being
 * read whole. Invalid UTF-8 is refused with the place of the first bad byte instead of being
 * silently replaced by U+FFFD, which would corrupt names in the generated documents.
 *
 * The calls are synchronous: a data file is small, and a data set of a thousand files was read
 * through five thread-pool round trips each (stat, open, two reads, close), which cost the
 * loading thread more than the reading itself. The file is opened non-blocking, so a named pipe
 * put in place of a file is refused instead of waiting for a writer, and checked through its
 * descriptor (what is read is what was checked).
 */
export async function readDataText(file: string, maxBytes: number): Promise<ReadResult> {
  return readDataTextSync(file, maxBytes);
}

function readDataTextSync(file: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return fail('missing-file', 'fichier introuvable');
    if (code === 'EISDIR') return notAFile();
    return fail('unreadable', `lecture impossible (${code ?? 'erreur système'})`);
  }
  let bytes: Uint8Array;
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return notAFile();
    if (info.size > maxBytes) return tooLarge(info.size, maxBytes);
    // Sized from the file, not from the limit: a thousand small files must not cost a
    // thousand maximum-size buffers. It grows (up to the limit + 1) if the file grows.
    let buffer = new Uint8Array(Math.min(maxBytes + 1, info.size + 4096));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = new Uint8Array(Math.min(maxBytes + 1, buffer.length * 2));
        larger.set(buffer);
        buffer = larger;
      }
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return tooLarge(length, maxBytes, true);
    }
    bytes = buffer.subarray(0, length);
  } catch (error) {
    return fail('unreadable', `lecture impossible (${(error as NodeJS.ErrnoException).code ?? 'erreur système'})`);
  } finally {
    closeSync(fd);
  }
  return decodeUtf8(bytes);
}

/** Refuses what is not well-formed UTF-8 (RFC 3629: no overlong form, surrogate or code point above U+10FFFF). */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function notAFile(): ReadResult {
  return fail('not-a-file', 'ce n’est pas un fichier ordinaire (dossier, périphérique ou tube ?)');
}

/** Decodes UTF-8 (an initial byte-order mark is dropped); refuses UTF-16 and invalid sequences. */
export function decodeUtf8(bytes: Uint8Array): ReadResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('encoding', 'fichier encodé en UTF-16 : enregistrez-le en UTF-8', 1, 1);
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  // The decoder's own check first (native, same rules as firstInvalidUtf8); the place of the
  // fault is looked for only when there is one.
  try {
    return { ok: true, text: STRICT_UTF8.decode(body) };
  } catch {
    // located below
  }
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < bad; i++) {
      if (body[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = new TextDecoder('utf-8').decode(body.subarray(lineStart, bad)).length + 1;
    const hex = (body[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return fail(
      'encoding',
      `fichier non encodé en UTF-8 (octet 0x${hex} invalide ; encodage Windows-1252 ou Latin-1 ?) : enregistrez-le en UTF-8`,
      line,
      column,
    );
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(body) };
}

/** Index of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    // Length and range of the second byte, per RFC 3629 (no overlongs, no surrogates, ≤ U+10FFFF).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined) return i;
      if (k === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) return i;
    }
    i += n + 1;
  }
  return -1;
}

function tooLarge(size: number, maxBytes: number, grew = false): ReadResult {
  return fail(
    'file-too-large',
    grew
      ? `fichier trop volumineux : il dépasse la limite de ${maxBytes} octets ; sa lecture a été interrompue`
      : `fichier trop volumineux : ${size} octets, au plus ${maxBytes} acceptés ; il n’a pas été lu`,
  );
}

function fail(code: ReadFailure['code'], message: string, line?: number, column?: number): ReadResult {
  return { ok: false, failure: line === undefined ? { code, message } : { code, message, line, column } };
}
