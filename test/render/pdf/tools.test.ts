/** The council secretariat's packet tools: stamp, merge, page count. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../src/model/types.js';
import { mergePdfs, pdfPageCount, renderPdf, stampFirstPage } from '../../../src/render/pdf/index.js';
import {
  cleanTemp,
  hasPoppler,
  hasQpdf,
  outlineTitles,
  pdffonts,
  pdfinfo,
  pdftotext,
  qpdfCheck,
  signatureFields,
  squash,
  warnMissing,
} from './helpers.js';
import { SAMPLE } from './sample.js';

warnMissing('qpdf', hasQpdf);
warnMissing('poppler-utils', hasPoppler);
afterAll(cleanTemp);

const STAMP = 'Annexe n°\u00a03 à la délibération du 26\u00a0juin\u00a02014';

/** A short second document: one page, its own signature block. */
const SHORT: Document = {
  id: 'deliberation',
  kind: 'deliberation',
  meta: { title: 'Délibération du 26 juin 2014', subject: 'Observatoire', author: 'Grand Dijon', language: 'fr-FR', date: '2014-06-26' },
  header: 'Extrait du registre des délibérations',
  sections: [
    {
      kind: 'body',
      blocks: [
        { kind: 'heading', level: 1, runs: [{ text: 'Séance du 26 juin 2014' }] },
        { kind: 'paragraph', runs: [{ text: 'Le Conseil approuve les conventions annexées à la présente délibération.' }] },
        { kind: 'signature', place: 'Dijon', parties: [{ id: 'grand-dijon', heading: ['Pour le Grand Dijon,'], role: 'Le Président,', name: 'Alain MILLOT' }] },
      ],
    },
  ],
};

let convention: Uint8Array;
let short: Uint8Array;

beforeAll(async () => {
  convention = await renderPdf(SAMPLE);
  short = await renderPdf(SHORT);
});

describe('pdfPageCount', () => {
  it('counts pages', async () => {
    expect(await pdfPageCount(short)).toBe(1);
    expect(await pdfPageCount(convention)).toBeGreaterThan(5);
  });
});

describe('stampFirstPage', () => {
  let stamped: Uint8Array;
  beforeAll(async () => {
    stamped = await stampFirstPage(convention, STAMP);
  });

  it.skipIf(!hasQpdf)('gives a valid PDF', () => {
    expect(qpdfCheck(stamped).ok).toBe(true);
  });

  it.skipIf(!hasPoppler)('prints the text on page 1 only, above the running header', () => {
    const page1 = pdftotext(stamped, { first: 1, last: 1 });
    expect(squash(page1)).toContain(squash(STAMP));
    expect(squash(page1).indexOf(squash(STAMP))).toBeLessThan(squash(page1).indexOf(squash(SAMPLE.header ?? '')));
    expect(squash(pdftotext(stamped, { first: 2, last: 2 }))).not.toContain(squash(STAMP));
  });

  it.skipIf(!hasPoppler)('keeps pages, metadata, fonts embedded and signature fields', async () => {
    expect(await pdfPageCount(stamped)).toBe(await pdfPageCount(convention));
    expect(pdfinfo(stamped).get('Title')).toBe(SAMPLE.meta.title);
    expect(pdfinfo(stamped).get('ModDate')).toMatch(/2014/);
    for (const f of pdffonts(stamped)) expect(f.embedded, f.name).toBe(true);
    expect((await signatureFields(stamped)).map((f) => f.name)).toEqual((await signatureFields(convention)).map((f) => f.name));
  });

  it('is deterministic, and changes the file', async () => {
    const again = await stampFirstPage(convention, STAMP);
    expect(Buffer.from(again).equals(Buffer.from(stamped))).toBe(true);
    expect(Buffer.from(stamped).equals(Buffer.from(convention))).toBe(false);
  });
});

describe('mergePdfs', () => {
  const options = {
    title: 'Dossier du conseil du 26 juin 2014',
    author: 'Communauté de l’agglomération dijonnaise',
    subject: 'Observatoire de la Cohésion Sociale',
    date: '2014-06-26',
    tocTitle: 'Sommaire',
  };
  const parts = (): { title: string; pdf: Uint8Array }[] => [
    { title: 'Délibération du 26 juin 2014', pdf: short },
    { title: 'Annexe 1 – Convention Grand Dijon – CAF de la Côte d’Or', pdf: convention },
    { title: 'Annexe 2 – Convention (deuxième exemplaire)', pdf: convention },
  ];
  let merged: { pdf: Uint8Array; pages: number[] };
  let conventionPages: number;

  beforeAll(async () => {
    merged = await mergePdfs(parts(), options);
    conventionPages = await pdfPageCount(convention);
  });

  it.skipIf(!hasQpdf)('gives a valid PDF', () => {
    const r = qpdfCheck(merged.pdf);
    expect(r.output).toContain('No syntax or stream encoding errors');
    expect(r.ok).toBe(true);
  });

  it('has a contents page plus every page of every part, and says where each part starts', async () => {
    expect(await pdfPageCount(merged.pdf)).toBe(1 + 1 + 2 * conventionPages);
    expect(merged.pages).toEqual([2, 3, 3 + conventionPages]);
  });

  it('has one bookmark per part', async () => {
    expect(await outlineTitles(merged.pdf)).toEqual(parts().map((p) => p.title));
  });

  it.skipIf(!hasPoppler)('lists the parts and their first pages on the contents page', () => {
    const toc = pdftotext(merged.pdf, { first: 1, last: 1, layout: true });
    expect(toc).toContain('Sommaire');
    for (const [i, p] of parts().entries()) {
      const line = toc.split('\n').find((l) => l.includes(p.title.slice(0, 20)));
      expect(line, p.title).toBeDefined();
      expect(line?.trim().endsWith(String(merged.pages[i]))).toBe(true);
    }
  });

  it.skipIf(!hasPoppler)('numbers every page « page X / Y » across the dossier', async () => {
    const total = await pdfPageCount(merged.pdf);
    for (const p of [1, 2, 3, total]) expect(pdftotext(merged.pdf, { first: p, last: p })).toContain(`page ${p} / ${total}`);
  });

  it.skipIf(!hasPoppler)('carries the dossier’s metadata and embeds every font', () => {
    const info = pdfinfo(merged.pdf);
    expect(info.get('Title')).toBe(options.title);
    expect(info.get('Author')).toBe(options.author);
    expect(info.get('CreationDate')).toMatch(/Jun 26 00:00:00 2014/);
    for (const f of pdffonts(merged.pdf)) expect(f.embedded, f.name).toBe(true);
  });

  it.skipIf(!hasPoppler)('keeps one copy of the fonts the parts share', () => {
    const names = pdffonts(merged.pdf).map((f) => f.name);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(new Set(names).size).toBe(names.length);
    expect(merged.pdf.length).toBeLessThan(short.length + 2 * convention.length);
  });

  it('keeps the parts’ signature fields, with unique names', async () => {
    const names = (await signatureFields(merged.pdf)).map((f) => f.name);
    const perConvention = (await signatureFields(convention)).length;
    expect(names).toHaveLength(1 + 2 * perConvention);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe('signature_grand-dijon');
  });

  it('is deterministic', async () => {
    const again = await mergePdfs(parts(), options);
    expect(Buffer.from(again.pdf).equals(Buffer.from(merged.pdf))).toBe(true);
  });
});
