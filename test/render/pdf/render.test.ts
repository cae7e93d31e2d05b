import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFSignature, PDFStream } from 'pdf-lib';
import { layoutDocument, renderPdf, sectionBookmarkTitle, signatureFieldName } from '../../../src/render/pdf/index.js';
import { ConvkitError } from '../../../src/errors.js';
import type { Document } from '../../../src/model/types.js';
import {
  cleanTemp,
  hasPoppler,
  hasQpdf,
  missingInOrder,
  modelTexts,
  outlineTitles,
  pdffonts,
  pdfinfo,
  pdftotext,
  qpdfCheck,
  signatureFields,
  squash,
  warnMissing,
  withoutFurniture,
} from './helpers.js';
import { BOOKMARKED, LONG_WORD, SAMPLE, SIGNING_PARTIES } from './sample.js';

warnMissing('qpdf', hasQpdf);
warnMissing('poppler-utils (pdftotext, pdffonts, pdfinfo)', hasPoppler);

let pdf: Uint8Array;

beforeAll(async () => {
  pdf = await renderPdf(SAMPLE);
});
afterAll(cleanTemp);

describe('renderPdf: validity and fonts', () => {
  it.skipIf(!hasQpdf)('passes qpdf --check', () => {
    const r = qpdfCheck(pdf);
    expect(r.output).toContain('No syntax or stream encoding errors');
    expect(r.ok).toBe(true);
  });

  it.skipIf(!hasPoppler)('embeds every font (pdffonts emb = yes), as subsets of Liberation Serif', () => {
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3); // regular, bold, italic
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.name).toMatch(/^[A-Z]{6}\+LiberationSerif/);
    }
  });

  it('embeds the same bytes for every run of every mode (fonts: repertoire, minimal, full)', async () => {
    for (const fonts of ['repertoire', 'minimal', 'full'] as const) {
      const a = await renderPdf(SAMPLE, { fonts });
      const b = await renderPdf(SAMPLE, { fonts });
      expect(Buffer.from(a).equals(Buffer.from(b)), fonts).toBe(true);
    }
  });
});

describe('renderPdf: text read back by pdftotext', () => {
  it.skipIf(!hasPoppler)('gives back every text of the model, in order (pdftotext -raw: content order)', () => {
    const text = withoutFurniture(pdftotext(pdf, { raw: true }), SAMPLE.header);
    expect(missingInOrder(modelTexts(SAMPLE), text)).toEqual([]);
  });

  it.skipIf(!hasPoppler)('reads headings, paragraphs and list items in order in poppler’s reading order too', () => {
    // Default mode re-orders by position (columns, tables) and joins hyphenated line ends,
    // so only the running text is compared, hyphens aside.
    const flow = modelTexts({ ...SAMPLE, sections: SAMPLE.sections.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.kind !== 'table' && b.kind !== 'signature') })) });
    const text = withoutFurniture(pdftotext(pdf), SAMPLE.header);
    const noHyphen = (t: string): string => t.replace(/[-\u2010]/g, '');
    expect(missingInOrder(flow.map(noHyphen), noHyphen(text))).toEqual([]);
  });

  it.skipIf(!hasPoppler)('keeps accents, œ, guillemets, apostrophes, dashes, ellipsis and degree sign', () => {
    const text = pdftotext(pdf);
    for (const s of ['œuvre', 'Œuvrer', 'CÔTE D’OR', '« le Grand Dijon »', 'Îlots', 'À défaut', '…', '°C', 'n° 78-17', 'Référents', 'Côte d’Or – 8']) {
      expect(squash(text), s).toContain(squash(s));
    }
    // No replacement characters or unknown glyphs.
    expect(text).not.toMatch(/[\uFFFD?]{2,}/);
  });

  it.skipIf(!hasPoppler)('prints the running header and « page X / Y » on every page', () => {
    const pages = Number(pdfinfo(pdf).get('Pages'));
    expect(pages).toBe(layoutDocument(SAMPLE).pages.length);
    for (let p = 1; p <= pages; p++) {
      const text = pdftotext(pdf, { first: p, last: p });
      expect(text).toContain(SAMPLE.header);
      expect(text).toContain(`page ${p} / ${pages}`);
    }
  });

  it.skipIf(!hasPoppler)('cuts a word longer than the line instead of letting it overflow', () => {
    const text = pdftotext(pdf);
    expect(text).not.toContain(LONG_WORD); // it is on two lines…
    expect(squash(text)).toContain(LONG_WORD); // …and nothing is lost
  });
});

describe('renderPdf: metadata', () => {
  it.skipIf(!hasPoppler)('shows title, author, subject, dates from the data and the page count in pdfinfo', () => {
    const info = pdfinfo(pdf);
    expect(info.get('Title')).toBe(SAMPLE.meta.title);
    expect(info.get('Author')).toBe(SAMPLE.meta.author);
    expect(info.get('Subject')).toBe(SAMPLE.meta.subject);
    expect(info.get('Creator')).toBe('convkit');
    expect(info.get('CreationDate')).toMatch(/Jun 26 00:00:00 2014/);
    expect(info.get('ModDate')).toMatch(/Jun 26 00:00:00 2014/);
    expect(info.get('Encrypted')).toBe('no');
    expect(info.get('JavaScript')).toBe('no');
    expect(info.get('Page size')).toContain('A4');
    expect(Number(info.get('Pages'))).toBeGreaterThanOrEqual(8);
  });

  it('writes /Lang, an uncompressed XMP packet (PDF/A-2a when tagged), an sRGB output intent and a /ID', async () => {
    const doc = await PDFDocument.load(pdf);
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(fr-FR)');
    const meta = doc.catalog.lookup(PDFName.of('Metadata'), PDFStream);
    expect(meta).toBeInstanceOf(PDFRawStream);
    expect(meta.dict.get(PDFName.of('Filter'))).toBeUndefined();
    const xmp = new TextDecoder().decode((meta as PDFRawStream).contents);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(xmp).toContain('<rdf:li>fr-FR</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2014-06-26T00:00:00Z</xmp:CreateDate>');
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${SAMPLE.meta.title}</rdf:li>`);
    expect(xmp).toContain(`<rdf:li>${SAMPLE.meta.author}</rdf:li>`);
    expect(xmp).toContain('<pdf:Producer>convkit (pdf-lib 1.17.1)</pdf:Producer>');
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = intents.lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))?.toString()).toBe('/GTS_PDFA1');
    const icc = intent.lookup(PDFName.of('DestOutputProfile'), PDFStream);
    expect(icc.dict.get(PDFName.of('N'))?.toString()).toBe('3');
    const id = doc.context.trailerInfo.ID;
    expect(id).toBeInstanceOf(PDFArray);
    expect(doc.catalog.get(PDFName.of('Names'))).toBeUndefined(); // no JavaScript name tree
    expect(doc.context.trailerInfo.Encrypt).toBeUndefined();
  });

  it('gives byte-identical files for the same document, and different ones for another', async () => {
    const again = await renderPdf(SAMPLE);
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
    const other: Document = { ...SAMPLE, meta: { ...SAMPLE.meta, date: '2014-07-01' } };
    const changed = await renderPdf(other);
    expect(Buffer.from(changed).equals(Buffer.from(pdf))).toBe(false);
    // A render of another document in between leaves no trace in the next one.
    const third = await renderPdf(SAMPLE);
    expect(Buffer.from(third).equals(Buffer.from(pdf))).toBe(true);
  });

  it('writes no clock time anywhere (the only dates are the data’s)', () => {
    const raw = Buffer.from(pdf).toString('latin1');
    const dates = raw.match(/D:\d{8}/g) ?? [];
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d).toBe('D:20140626');
  });
});

describe('renderPdf: navigation and signature fields', () => {
  it('has one bookmark per article and annex, titled with its heading', async () => {
    const titles = await outlineTitles(pdf);
    expect(titles).toHaveLength(BOOKMARKED.length);
    expect(titles).toEqual(BOOKMARKED.map((s) => sectionBookmarkTitle(s)));
    expect(titles[0]).toBe('Article 1 – Objet de la convention');
    expect(titles.at(-1)).toBe('Annexe 3 – Liste des données transmises');
  });

  it('has one empty /Sig field per signing party, named after it, in its column', async () => {
    const fields = await signatureFields(pdf);
    expect(fields.map((f) => f.name)).toEqual([
      'signature_grand-dijon',
      'signature_caf-21',
      'signature_grand-dijon_2', // the Grand Dijon signs the charter too
      'signature_ville-de-dijon',
      'signature_ccas-dijon',
    ]);
    expect(fields).toHaveLength(SIGNING_PARTIES.length);
    for (const f of fields) {
      expect(f.page).toBeGreaterThanOrEqual(0);
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = f.rect;
      expect(x1).toBeGreaterThanOrEqual(70);
      expect(x2).toBeLessThanOrEqual(595.28 - 70);
      expect(y2 - y1).toBeGreaterThan(40);
    }
    // Columns of one block side by side on one page, same height.
    const [a, b] = fields;
    expect(a?.page).toBe(b?.page);
    expect(a?.rect[1]).toBeCloseTo(b?.rect[1] ?? 0, 3);
    expect((a?.rect[2] ?? 0) < (b?.rect[0] ?? 0)).toBe(true);
  });

  it('reads back through pdf-lib’s form API as signature fields, with no /SigFlags', async () => {
    const doc = await PDFDocument.load(pdf);
    const form = doc.getForm();
    const fields = form.getFields();
    expect(fields).toHaveLength(SIGNING_PARTIES.length);
    for (const f of fields) expect(f).toBeInstanceOf(PDFSignature);
    expect(form.acroForm.dict.get(PDFName.of('SigFlags'))).toBeUndefined();
    expect(form.acroForm.dict.get(PDFName.of('NeedAppearances'))).toBeUndefined();
  });

  it('can leave the fields out', async () => {
    const bare = await renderPdf(SAMPLE, { signatureFields: false });
    expect(await signatureFields(bare)).toEqual([]);
  });

  it('derives field names from party ids, AcroForm-safe', () => {
    expect(signatureFieldName('caf-21')).toBe('signature_caf-21');
    expect(signatureFieldName('mairie.dijon é')).toBe('signature_mairie_dijon__');
  });
});

describe('renderPdf: edge cases', () => {
  const meta = { title: 'Cas limites', subject: 'Test', author: 'convkit', language: 'fr-FR', date: '2015-01-01' };
  const bigTable = {
    kind: 'table' as const,
    header: [{ lines: [[{ text: 'N°' }]] }, { lines: [[{ text: 'Donnée' }]] }],
    rows: Array.from({ length: 90 }, (_, i) => [{ lines: [[{ text: String(i + 1) }]] }, { lines: [[{ text: `Indicateur ${i + 1}` }]] }]),
  };
  const fourParties = {
    kind: 'signature' as const,
    place: 'Dijon',
    parties: ['a', 'b', 'c', 'd'].map((id) => ({ id, heading: [`Pour ${id.toUpperCase()},`], role: 'Le Maire,' })),
  };
  const cases: Record<string, Document> = {
    empty: { id: 'vide', kind: 'unknown', meta, sections: [] },
    blank: { id: 'blanc', kind: 'unknown', meta, sections: [{ kind: 'body', blocks: [{ kind: 'paragraph', runs: [{ text: '   ' }] }, { kind: 'pageBreak' }] }] },
    'table taller than a page, four parties, foreign script': {
      id: 'grand',
      kind: 'unknown',
      meta,
      header: 'En-tête',
      sections: [{ kind: 'body', blocks: [bigTable, { kind: 'paragraph', runs: [{ text: 'Zürich, Łódź, 東京 — ﬁn.' }] }, fourParties] }],
    },
  };
  it('refuses a document whose date is not AAAA-MM-JJ, with a French message', async () => {
    await expect(renderPdf({ id: 'x', kind: 'unknown', meta: { ...meta, date: '26/06/2014' }, sections: [] })).rejects.toThrow(/date du document invalide/);
    await expect(renderPdf({ id: 'x', kind: 'unknown', meta: { ...meta, date: '2014-02-30' }, sections: [] })).rejects.toBeInstanceOf(ConvkitError);
  });

  for (const [name, doc] of Object.entries(cases)) {
    it(`renders « ${name} » to a valid PDF`, async () => {
      const bytes = await renderPdf(doc);
      expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
      if (hasQpdf) expect(qpdfCheck(bytes).ok).toBe(true);
      const laid = layoutDocument(doc);
      expect(laid.pages.length).toBeGreaterThanOrEqual(1);
      if (name.startsWith('table')) {
        expect(laid.pages.length).toBeGreaterThanOrEqual(3);
        expect((await signatureFields(bytes)).map((f) => f.name)).toEqual(['signature_a', 'signature_b', 'signature_c', 'signature_d']);
        if (hasPoppler) {
          const text = pdftotext(bytes);
          expect(text).toContain('Indicateur 90');
          expect(text).toContain('Zürich, Łódź, ?? — ﬁn.'); // no glyph for 東京: « ? »
        }
      }
    });
  }
});

