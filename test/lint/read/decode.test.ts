import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from '../../../src/lint/read/decode.js';
import { ConvkitError } from '../../../src/errors.js';

const TEXT = 'Côte d’Or — « Pôle Emploi »\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe], 0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[2 + i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

describe('decodeText', () => {
  it('decodes UTF-8 without BOM', () => {
    expect(decodeText(new TextEncoder().encode(TEXT), 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('decodes UTF-8 with BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-8-bom' });
  });

  it('decodes UTF-16 LE and BE with BOM', () => {
    expect(decodeText(utf16(TEXT, false), 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeText(utf16(TEXT, true), 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    // « Côte d’Or – 5 € » in Windows-1252: ô = F4, ’ = 92, – = 96, € = 80, « = AB, » = BB.
    const bytes = new Uint8Array([0xab, 0x20, 0x43, 0xf4, 0x74, 0x65, 0x20, 0x64, 0x92, 0x4f, 0x72, 0x20, 0x96, 0x20, 0x35, 0x20, 0x80, 0x20, 0xbb]);
    expect(decodeText(bytes, 'a.txt')).toEqual({ text: '« Côte d’Or – 5 € »', encoding: 'windows-1252' });
  });

  it('refuses binary data with a French error naming the file', () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x08, 0x00]);
    expect(() => decodeText(bytes, 'rapport.txt')).toThrow(ConvkitError);
    expect(() => decodeText(bytes, 'rapport.txt')).toThrow(/rapport\.txt : le fichier ne semble pas être du texte/);
  });

  it('refuses a UTF-8 BOM followed by invalid UTF-8', () => {
    expect(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xff, 0x41]), 'b.txt')).toThrow(/BOM.*UTF-8 valide/);
  });

  it('decodes an empty file to empty text', () => {
    expect(decodeText(new Uint8Array(0), 'vide.txt')).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('looksBinary', () => {
  it('accepts text with tabs, form feeds and line breaks', () => {
    expect(looksBinary('a\tb\r\nc\fd\ve')).toBe(false);
  });
  it('flags a NUL and a high rate of control characters', () => {
    expect(looksBinary('abc\u0000def')).toBe(true);
    expect(looksBinary('a\u0001b\u0002c\u0003')).toBe(true);
  });
  it('tolerates one stray control character in a long text', () => {
    expect(looksBinary(`${'x'.repeat(100)}\u0007`)).toBe(false);
  });
});
