/**
 * Hinting removed from the embedded subsets (`src/render/pdf/unhint.ts`): the outlines and
 * metrics of every glyph are those of the hinted font, the result is a well-formed TrueType
 * file (checksums, maxp), and an embedded PDF subset carries no instructions.
 */
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPERTOIRE } from '../../../src/render/pdf/font-embed.js';
import { FACES, fontkitMetrics } from '../../../src/render/pdf/fonts.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { stripHinting } from '../../../src/render/pdf/unhint.js';
import { SAMPLE } from './sample.js';

interface Glyph {
  readonly path: { toSVG(): string };
  readonly advanceWidth: number;
}
interface Font {
  readonly numGlyphs: number;
  getGlyph(id: number): Glyph;
  createSubset(): { includeGlyph(id: number): number; encodeStream(): NodeJS.EventEmitter };
}
const require = createRequire(import.meta.url);
const fontkitModule = require('@pdf-lib/fontkit') as { default?: { create(b: Uint8Array): Font }; create?(b: Uint8Array): Font };
const fontkit = (fontkitModule.default ?? fontkitModule) as { create(b: Uint8Array): Font };

function tables(font: Uint8Array): Map<string, { offset: number; length: number; checksum: number }> {
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const out = new Map<string, { offset: number; length: number; checksum: number }>();
  for (let i = 0; i < v.getUint16(4); i++) {
    const at = 12 + 16 * i;
    out.set(String.fromCharCode(...font.subarray(at, at + 4)), { checksum: v.getUint32(at + 4), offset: v.getUint32(at + 8), length: v.getUint32(at + 12) });
  }
  return out;
}

function sum32(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  const v = new DataView(padded.buffer);
  let s = 0;
  for (let i = 0; i < padded.length; i += 4) s = (s + v.getUint32(i)) >>> 0;
  return s;
}

/** Total bytes of glyph instructions in a font (simple glyphs' instructionLength fields). */
function instructionBytes(font: Uint8Array): number {
  const t = tables(font);
  const v = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const head = t.get('head');
  const loca = t.get('loca');
  const glyf = t.get('glyf');
  const maxp = t.get('maxp');
  if (!head || !loca || !glyf || !maxp) throw new Error('not a TrueType font');
  const long = v.getInt16(head.offset + 50) === 1;
  const at = (i: number): number => (long ? v.getUint32(loca.offset + 4 * i) : 2 * v.getUint16(loca.offset + 2 * i));
  let total = 0;
  for (let g = 0; g < v.getUint16(maxp.offset + 4); g++) {
    const start = glyf.offset + at(g);
    if (at(g + 1) === at(g)) continue;
    const contours = v.getInt16(start);
    if (contours >= 0) total += v.getUint16(start + 10 + 2 * contours);
  }
  return total;
}

function encode(font: Font, gids: readonly number[]): Promise<Uint8Array> {
  const subset = font.createSubset();
  for (const g of gids) subset.includeGlyph(g);
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    subset
      .encodeStream()
      .on('data', (b: Uint8Array) => parts.push(b))
      .on('end', () => resolve(new Uint8Array(Buffer.concat(parts))));
  });
}

describe('stripHinting', () => {
  for (const face of FACES) {
    it(`keeps every outline and advance of the ${face} repertoire subset, and drops the instructions`, async () => {
      const m = fontkitMetrics(face);
      const gids = [...new Set(REPERTOIRE.filter((cp) => m.has(cp)).map((cp) => m.glyph(cp).id))];
      const hinted = await encode(m.font as unknown as Font, gids);
      const stripped = stripHinting(hinted);

      expect(instructionBytes(hinted)).toBeGreaterThan(10_000);
      expect(instructionBytes(stripped)).toBe(0);
      const kept = [...tables(stripped).keys()];
      for (const tag of ['fpgm', 'prep', 'cvt ']) expect(kept).not.toContain(tag);
      for (const tag of ['head', 'hhea', 'loca', 'maxp', 'glyf', 'hmtx']) expect(kept).toContain(tag);
      expect(stripped.length).toBeLessThan(hinted.length * 0.6);

      const a = fontkit.create(hinted);
      const b = fontkit.create(stripped);
      expect(b.numGlyphs).toBe(a.numGlyphs);
      for (let g = 0; g < a.numGlyphs; g++) {
        expect(b.getGlyph(g).path.toSVG(), `${face} glyph ${g}`).toBe(a.getGlyph(g).path.toSVG());
        expect(b.getGlyph(g).advanceWidth).toBe(a.getGlyph(g).advanceWidth);
      }
    });
  }

  it('writes valid table checksums and checkSumAdjustment, and maxp without instruction resources', async () => {
    const m = fontkitMetrics('regular');
    const stripped = stripHinting(await encode(m.font as unknown as Font, [0, m.glyph(0x41).id, m.glyph(0xe9).id, m.glyph(0x152).id]));
    const t = tables(stripped);
    for (const [tag, entry] of t) {
      const bytes = stripped.subarray(entry.offset, entry.offset + entry.length);
      if (tag === 'head') {
        const copy = bytes.slice();
        new DataView(copy.buffer).setUint32(8, 0);
        expect(sum32(copy), tag).toBe(entry.checksum);
      } else {
        expect(sum32(bytes), tag).toBe(entry.checksum);
      }
      expect(entry.offset % 4, tag).toBe(0);
    }
    expect(sum32(stripped)).toBe(0xb1b0afba);
    const maxp = t.get('maxp');
    if (!maxp) throw new Error('maxp');
    const v = new DataView(stripped.buffer, stripped.byteOffset + maxp.offset);
    expect(v.getUint16(14)).toBe(1); // maxZones
    expect([16, 18, 20, 22, 24, 26].map((o) => v.getUint16(o))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('is deterministic and idempotent', async () => {
    const m = fontkitMetrics('bold');
    const hinted = await encode(m.font as unknown as Font, [0, m.glyph(0x61).id, m.glyph(0xe7).id]);
    const once = stripHinting(hinted);
    expect(stripHinting(hinted)).toEqual(once);
    expect(stripHinting(once)).toEqual(once);
  });

  it('keeps composite glyphs whole, without their instructions', async () => {
    const m = fontkitMetrics('regular');
    const font = m.font as unknown as Font & { getGlyph(id: number): Glyph & { type?: string } };
    // Liberation Serif builds some accented capitals from components; find them in the font.
    const composites: number[] = [];
    for (let g = 0; g < font.numGlyphs && composites.length < 12; g++) {
      const glyph = font.getGlyph(g) as unknown as { _getCBox?: unknown; _decode?: () => { numberOfContours: number } };
      if (glyph._decode?.()?.numberOfContours === -1) composites.push(g);
    }
    expect(composites.length).toBeGreaterThan(0);
    const hinted = await encode(font, [0, ...composites]);
    const stripped = stripHinting(hinted);
    const a = fontkit.create(hinted);
    const b = fontkit.create(stripped);
    for (let g = 0; g < a.numGlyphs; g++) expect(b.getGlyph(g).path.toSVG()).toBe(a.getGlyph(g).path.toSVG());
  });

  it('leaves a font without glyf as it is, and refuses a truncated one', () => {
    const otto = new Uint8Array(12);
    new DataView(otto.buffer).setUint32(0, 0x4f54544f);
    expect(stripHinting(otto)).toBe(otto);
    const broken = new Uint8Array(28);
    const v = new DataView(broken.buffer);
    v.setUint32(0, 0x00010000);
    v.setUint16(4, 1);
    broken.set([0x67, 0x6c, 0x79, 0x66], 12); // 'glyf'
    v.setUint32(20, 0);
    v.setUint32(24, 1000); // longer than the file
    expect(() => stripHinting(broken)).toThrow(/beyond the end/);
  });
});

describe('PDF subsets', () => {
  it('embeds font programs without hinting tables or instructions, in every embedding mode', async () => {
    for (const fonts of ['repertoire', 'minimal'] as const) {
      const pdf = Buffer.from(await renderPdf(SAMPLE, { fonts }));
      const text = pdf.toString('latin1');
      const programs = [...text.matchAll(/\/Length1 (\d+)[^>]*>>\s*stream\r?\n/g)];
      expect(programs.length, fonts).toBeGreaterThan(0);
      for (const p of programs) {
        const dict = text.slice(text.lastIndexOf('<<', p.index), p.index + p[0].length);
        const lengthMatch = /\/Length (\d+)/.exec(dict);
        if (!lengthMatch) throw new Error('no /Length');
        const start = (p.index ?? 0) + p[0].length;
        const font = new Uint8Array(inflateSync(pdf.subarray(start, start + Number(lengthMatch[1]))));
        expect(font.length).toBe(Number(p[1]));
        const kept = [...tables(font).keys()];
        expect(kept.filter((t) => ['fpgm', 'prep', 'cvt '].includes(t)), fonts).toEqual([]);
        expect(instructionBytes(font), fonts).toBe(0);
      }
    }
  });
});
