import { ConvkitError } from '../../errors.js';

/** The encodings the text readers recognise. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Decoded text and the encoding it was found in. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncoding;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { ignoreBOM: true });

/**
 * Decodes the bytes of a text file: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, and
 * Windows-1252 when the bytes are not valid UTF-8. The BOM is not part of the returned text.
 *
 * Refuses (ConvkitError, exit 2) what looks like binary data: a NUL character, or more than
 * 5 % of control characters that never occur in a text document.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  let decoded: DecodedText;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: decodeUtf8(bytes.subarray(3), file), encoding: 'utf-8-bom' };
  } else if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: utf16le.decode(bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: utf16be.decode(bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    try {
      decoded = { text: utf8Fatal.decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
    }
  }
  if (looksBinary(decoded.text)) {
    throw new ConvkitError(
      `${file} : le fichier ne semble pas être du texte (données binaires, ou texte UTF-16 sans BOM) : ` +
        'enregistrez-le en UTF-8, ou passez le document .docx lui-même.',
      { locations: [{ file }] },
    );
  }
  return decoded;
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return utf8Fatal.decode(bytes);
  } catch (cause) {
    throw new ConvkitError(`${file} : le fichier commence par une marque UTF-8 (BOM) mais son contenu n'est pas de l'UTF-8 valide.`, {
      locations: [{ file }],
      cause,
    });
  }
}

/**
 * True when the text holds a NUL or too many control characters (C0 other than TAB, LF, VT,
 * FF, CR; C1, which Windows-1252 yields only for undefined bytes). Linear, one pass.
 */
export function looksBinary(text: string): boolean {
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) {
      suspicious++;
    }
  }
  return suspicious > 0 && suspicious * 20 > text.length;
}

/** Code points of bytes 0x80–0x9F in Windows-1252 (undefined bytes map to the C1 control, as WHATWG does). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes Windows-1252. Written out because Node's `TextDecoder('windows-1252')` decodes
 * as ISO-8859-1 (bytes 0x80–0x9F become C1 controls instead of € ’ – …). Linear.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const CHUNK = 8192;
  const units = new Uint16Array(Math.min(CHUNK, bytes.length));
  let out = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    const n = Math.min(CHUNK, bytes.length - at);
    for (let i = 0; i < n; i++) {
      const b = bytes[at + i] as number;
      units[i] = b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as number) : b;
    }
    out += String.fromCharCode(...units.subarray(0, n));
  }
  return out;
}
