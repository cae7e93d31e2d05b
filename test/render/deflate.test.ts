import { inflateRawSync, inflateSync } from 'node:zlib';
import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { adler32, deflateRaw, zlibDeflate } from '../../src/render/deflate.js';

/** A deterministic pseudo-random generator (xorshift32), so that failures can be replayed. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const enc = new TextEncoder();

/** Inflated by two independent decoders (zlib's C inflate, with its checks, and fflate). */
function roundTrip(data: Uint8Array): Uint8Array {
  const z = zlibDeflate(data);
  expect(Buffer.compare(inflateSync(z), Buffer.from(data))).toBe(0);
  expect(Buffer.compare(Buffer.from(unzlibSync(z)), Buffer.from(data))).toBe(0);
  // The raw stream is the same block without the zlib header and trailer.
  const raw = deflateRaw(data);
  expect(Buffer.compare(inflateRawSync(raw), Buffer.from(data))).toBe(0);
  expect(Buffer.compare(Buffer.from(raw), Buffer.from(z.subarray(2, z.length - 4)))).toBe(0);
  return z;
}

describe('zlibDeflate', () => {
  it('round-trips edge cases: empty, one byte, short, runs, no repeats', () => {
    const cases: Uint8Array[] = [
      new Uint8Array(0),
      new Uint8Array([0]),
      new Uint8Array([255, 0, 255]),
      enc.encode('abcd'),
      enc.encode('abcdabcd'),
      new Uint8Array(1000).fill(0x41),
      new Uint8Array(70_000).fill(7), // long runs: many 258-byte matches at distance 1
      Uint8Array.from({ length: 256 }, (_, i) => i),
    ];
    for (const c of cases) roundTrip(c);
  });

  it('round-trips random data (incompressible: the fixed-code block) and random text of every size', () => {
    const next = rng(20261203);
    for (const size of [1, 2, 3, 4, 5, 17, 258, 259, 1000, 32_767, 32_768, 32_769, 100_000]) {
      const noise = Uint8Array.from({ length: size }, () => next() & 0xff);
      const z = roundTrip(noise);
      expect(z.length).toBeLessThanOrEqual(Math.ceil((size * 9) / 8) + 16);
      // Text from a small alphabet with repeats far apart (distances up to the 32 KB window).
      const words = ['Tf', 'BT', 'ET', '1 0 0 1', '70.866', ' Tm', '(', ')', ' TJ', '\n', 'EMC', '/P <</MCID '];
      const parts: string[] = [];
      let length = 0;
      while (length < size) {
        const w = words[next() % words.length] as string;
        parts.push(w, String(next() % 1000));
        length += w.length + 3;
      }
      roundTrip(enc.encode(parts.join('').slice(0, size)));
    }
  });

  it('round-trips skewed symbol counts that need the 15-bit length limit', () => {
    // Fibonacci-like counts make the Huffman tree as deep as it can be.
    const counts = [1, 1];
    while (counts.length < 28) counts.push((counts[counts.length - 1] as number) + (counts[counts.length - 2] as number));
    const bytes: number[] = [];
    counts.forEach((c, sym) => {
      for (let k = 0; k < Math.min(c, 40_000); k++) bytes.push(sym * 9);
    });
    // Shuffle deterministically so that LZ77 finds few matches and the literal counts stay skewed.
    const next = rng(7);
    for (let i = bytes.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [bytes[i], bytes[j]] = [bytes[j] as number, bytes[i] as number];
    }
    roundTrip(Uint8Array.from(bytes));
  });

  it('is deterministic and compresses a page-like content stream at least fourfold', () => {
    const page = enc.encode(
      Array.from({ length: 400 }, (_, i) => `BT\n/F1 11 Tf\n1 0 0 1 70.866 ${(700 - i * 13.75).toFixed(3)} Tm\n[(\u0000a\u0000b)-247.636(\u0000c)] TJ\nET`).join('\n'),
    );
    const a = roundTrip(page);
    const b = zlibDeflate(page.slice());
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(a.length).toBeLessThan(page.length / 4);
  });

  it('computes Adler-32 as zlib defines it', () => {
    expect(adler32(new Uint8Array(0))).toBe(1);
    expect(adler32(enc.encode('Wikipedia'))).toBe(0x11e60398);
    // Long enough to exercise the modulo between chunks.
    const big = new Uint8Array(200_000).fill(255);
    const z = zlibDeflate(big);
    const view = new DataView(z.buffer, z.byteOffset, z.byteLength);
    expect(view.getUint32(z.length - 4)).toBe(adler32(big));
    expect(inflateSync(z).length).toBe(big.length);
  });
});
