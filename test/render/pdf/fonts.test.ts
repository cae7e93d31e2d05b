/**
 * The embedded font: French coverage, and subsets that draw exactly like the whole font
 * (@pdf-lib/fontkit 1.1.1 has known subsetting bugs; Liberation Serif is checked here, glyph
 * by glyph, by rasterising the same page with a subset and with the whole font).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Document, Section } from '../../../src/model/types.js';
import { REPERTOIRE } from '../../../src/render/pdf/font-embed.js';
import { FACES, faceMetrics } from '../../../src/render/pdf/fonts.js';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { cleanTemp, hasPdftoppm, hasPoppler, pdffonts, pdftotext, squash, tempFile, warnMissing } from './helpers.js';

warnMissing('pdftoppm', hasPdftoppm);
afterAll(cleanTemp);

/** Every character a French legal text needs. */
const FRENCH = 'aàâäbcçdeéèêëfghiîïjklmnoôöpqrstuùûüvwxyÿzæœAÀÂÄBCÇDEÉÈÊËFGHIÎÏJKLMNOÔÖPQRSTUÙÛÜVWXYŸZÆŒ0123456789«»‹›“”‘’\'"–—-‐…°§€%&@/()[].,;:!?\u00a0\u202f\u2009';

describe('font coverage', () => {
  it('has a glyph for every French character in every face', () => {
    for (const face of FACES) {
      const m = faceMetrics(face);
      const missing = [...FRENCH].filter((c) => !m.has(c.codePointAt(0) ?? 0));
      expect(missing, face).toEqual([]);
    }
  });

  it('has every character of the shared repertoire in every face', () => {
    for (const face of FACES) {
      const m = faceMetrics(face);
      expect(REPERTOIRE.filter((cp) => !m.has(cp)).map((cp) => cp.toString(16)), face).toEqual([]);
    }
  });

  it('gives U+202F a real, narrow width (a thin space, not a full one or a notdef box)', () => {
    const m = faceMetrics('regular');
    const narrow = m.advance(0x202f);
    expect(narrow).toBeGreaterThan(0);
    expect(narrow).toBeLessThan(m.advance(0x20));
    expect(m.advance(0xa0)).toBe(m.advance(0x20));
  });
});

/** A one-page document showing every repertoire character, plus a few beyond it, in the four faces. */
function glyphChart(): Document {
  const chars = String.fromCodePoint(...REPERTOIRE.filter((cp) => cp > 0x20 && cp !== 0xa0 && cp !== 0xad));
  const beyond = 'Łódź Ştefan Ωmega ĳ';
  const runs = (text: string) => [
    { text },
    { text: ` ${text}`, bold: true },
    { text: ` ${text}`, italic: true },
    { text: ` ${text}`, bold: true, italic: true },
  ];
  const section: Section = {
    kind: 'body',
    blocks: [
      { kind: 'paragraph', align: 'left', runs: runs(chars.replace(/(.{40})/gu, '$1 ')) },
      { kind: 'paragraph', align: 'left', runs: runs(beyond) },
    ],
  };
  return {
    id: 'glyphes',
    kind: 'unknown',
    meta: { title: 'Glyphes', subject: 'Test', author: 'convkit', language: 'fr-FR', date: '2014-06-26' },
    sections: [section],
  };
}

function raster(pdf: Uint8Array): Buffer {
  const file = tempFile(pdf);
  const r = spawnSync('pdftoppm', ['-r', '100', '-gray', '-f', '1', '-l', '1', file, `${file}-page`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = spawnSync('sh', ['-c', `ls ${file}-page*.pgm`], { encoding: 'utf8' }).stdout.trim();
  return readFileSync(out);
}

describe('subsets draw exactly like the whole font', () => {
  it.skipIf(!hasPdftoppm)('rasterises the glyph chart identically with the shared subset, a minimal subset and the whole font', async () => {
    const doc = glyphChart();
    const full = raster(await renderPdf(doc, { fonts: 'full' }));
    const repertoire = raster(await renderPdf(doc, { fonts: 'repertoire' }));
    const minimal = raster(await renderPdf(doc, { fonts: 'minimal' }));
    // Not blank: plenty of ink.
    expect(full.filter((b) => b < 128).length).toBeGreaterThan(10_000);
    expect(repertoire.equals(full)).toBe(true);
    expect(minimal.equals(full)).toBe(true);
  });

  it.skipIf(!hasPoppler)('extracts the chart’s characters back, beyond the repertoire too', async () => {
    const doc = glyphChart();
    for (const fonts of ['repertoire', 'minimal', 'full'] as const) {
      const pdf = await renderPdf(doc, { fonts });
      const text = squash(pdftotext(pdf));
      expect(text, fonts).toContain('Łódź');
      expect(text, fonts).toContain('ŞtefanΩmega');
      for (const c of '«»‹›“”‘’…–—œŒ€°') expect(text, `${fonts} ${c}`).toContain(c);
      expect(text, fonts).toContain('ÀÁÂÃÄÅÆÇÈÉÊË');
      const names = pdffonts(pdf).map((f) => f.name);
      expect(names.every((n) => (fonts === 'full' ? !n.includes('+') : /^[A-Z]{6}\+/.test(n))), fonts).toBe(true);
    }
  });
});
