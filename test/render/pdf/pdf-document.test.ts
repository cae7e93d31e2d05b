/**
 * The shortcuts of pdf-document.ts must write what the slow path writes: the memo of compressed
 * streams (`deflateRecent`) the encoder's bytes, hit or miss, whatever the caller does with its
 * buffer; `hexText` the text strings of pdf-lib; the raw outline items its dictionaries.
 */
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { PDFDocument, PDFHexString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { zlibDeflate } from '../../../src/render/deflate.js';
import { addOutline, type OutlineEntry } from '../../../src/render/pdf/outline.js';
import { deflateRecent, hexText } from '../../../src/render/pdf/pdf-document.js';

/** A page-like content stream of `n` lines, varied by `seed`. */
function content(seed: number, n = 200): Uint8Array {
  let s = '';
  for (let i = 0; i < n; i++) s += `BT /F1 11 Tf 1 0 0 1 70.866 ${(760 - i * 13.75 + seed).toFixed(3)} Tm (ligne ${i} / ${seed}) Tj ET\n`;
  return new TextEncoder().encode(s);
}

describe('deflateRecent', () => {
  it('gives the encoder’s bytes, the first time and on a hit', () => {
    for (const seed of [1, 2, 1, 3, 2, 1]) {
      const bytes = content(seed);
      const out = deflateRecent(bytes);
      expect(out).toEqual(zlibDeflate(bytes));
      expect(new Uint8Array(inflateSync(out))).toEqual(bytes);
    }
  });

  it('serves the same content from the memo, not a new compression', () => {
    const first = deflateRecent(content(10));
    const again = deflateRecent(content(10));
    expect(again).toBe(first);
    expect(deflateRecent(content(11))).not.toBe(first);
  });

  it('keeps its own copy: a caller overwriting its buffer changes nothing for the next call', () => {
    const buffer = content(20);
    const original = buffer.slice();
    const first = deflateRecent(buffer);
    buffer.fill(0x20);
    // Same hash input now differs: a miss, compressed afresh.
    expect(deflateRecent(buffer)).toEqual(zlibDeflate(buffer));
    expect(deflateRecent(original)).toBe(first);
  });

  it('compresses small streams directly', () => {
    const small = new TextEncoder().encode('0 0 0 rg');
    expect(deflateRecent(small)).toEqual(zlibDeflate(small));
    expect(deflateRecent(small)).not.toBe(deflateRecent(small));
  });
});

describe('hexText', () => {
  it('writes the bytes of pdf-lib’s PDFHexString.fromText, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })), (s) => {
        expect(hexText(s).toString()).toBe(PDFHexString.fromText(s).toString());
      }),
      { numRuns: 500, seed: 20141226 },
    );
    expect(hexText('Signature de la CAF').toString()).toBe(PDFHexString.fromText('Signature de la CAF').toString());
  });
});

describe('addOutline, raw', () => {
  it('writes the bytes of the dictionaries pdf-lib writes, first, middle and last items alike', async () => {
    const entries = (pdf: PDFDocument): OutlineEntry[] => {
      const pages = [pdf.addPage([595.28, 841.89]), pdf.addPage([595.28, 841.89])];
      return [
        { title: 'Article 1 – Objet', page: pages[0]!.ref, top: 771.123 },
        { title: 'Article 2 – Données « agrégées » 𝄞', page: pages[0]!.ref, top: 402.5 },
        { title: 'Annexe 3', page: pages[1]!.ref, top: 0.004 },
      ];
    };
    const saved = async (raw: boolean): Promise<string> => {
      const pdf = await PDFDocument.create({ updateMetadata: false });
      addOutline(pdf, entries(pdf), raw);
      return Buffer.from(await pdf.save({ useObjectStreams: false })).toString('latin1');
    };
    const real = await saved(false);
    expect(real).toContain('/Title <FEFF');
    expect(await saved(true)).toBe(real);
  });
});
