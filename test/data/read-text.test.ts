import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../../src/data/read-text.js';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

describe('firstInvalidUtf8', () => {
  it('accepts well-formed UTF-8, including 4-byte sequences', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('Chenôve – Côte d’Or 𝄞 €'))).toBe(-1);
  });
  it.each([
    ['a lone continuation byte', bytes(0x61, 0x80), 1],
    ['Latin-1 é', bytes(0x61, 0x62, 0xe9, 0x63), 2],
    ['an overlong 2-byte form', bytes(0xc0, 0xaf), 0],
    ['an overlong 3-byte form', bytes(0xe0, 0x80, 0xaf), 0],
    ['a UTF-16 surrogate', bytes(0xed, 0xa0, 0x80), 0],
    ['a code point above U+10FFFF', bytes(0xf4, 0x90, 0x80, 0x80), 0],
    ['a truncated sequence at the end', bytes(0x61, 0xe2, 0x82), 1],
  ])('refuses %s', (_name, input, at) => {
    expect(firstInvalidUtf8(input)).toBe(at);
  });
});

describe('decodeUtf8', () => {
  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ ok: true, text: 'a' });
  });
  it('refuses UTF-16 with a clear message', () => {
    expect(decodeUtf8(bytes(0xff, 0xfe, 0x61, 0x00))).toEqual({
      ok: false,
      failure: { code: 'encoding', message: 'fichier encodé en UTF-16 : enregistrez-le en UTF-8', line: 1, column: 1 },
    });
  });
  it('locates the first bad byte by line and column (in characters)', () => {
    const r = decodeUtf8(Uint8Array.from([...new TextEncoder().encode('a: 1\nnom: Côte '), 0xe9]));
    expect(r.ok ? undefined : r.failure).toMatchObject({ line: 2, column: 11 });
  });
});
