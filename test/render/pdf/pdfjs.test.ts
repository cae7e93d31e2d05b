/**
 * A second client: Mozilla's pdf.js (the legacy build runs in Node) reads the text, the
 * outline and the signature widgets back.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { renderPdf } from '../../../src/render/pdf/index.js';
import { missingInOrder, modelTexts, squash, withoutFurniture } from './helpers.js';
import { BOOKMARKED, SAMPLE, SIGNATURE_2, SIGNATURE_3 } from './sample.js';

const require = createRequire(import.meta.url);
pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;

interface PageRead {
  readonly text: string;
  readonly sigFields: readonly { readonly name: string; readonly rect: readonly number[] }[];
}

let pages: PageRead[] = [];
let outline: string[] = [];

beforeAll(async () => {
  const bytes = await renderPdf(SAMPLE);
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    }
    const annotations = (await page.getAnnotations()) as { fieldType?: string; fieldName?: string; rect: number[] }[];
    const sigFields = annotations.filter((a) => a.fieldType === 'Sig').map((a) => ({ name: a.fieldName ?? '', rect: a.rect }));
    pages.push({ text, sigFields });
  }
  outline = ((await doc.getOutline()) ?? []).map((o: { title: string }) => o.title);
  await doc.destroy();
});

describe('read back with pdf.js', () => {
  it('gives back every text of the model, in order', () => {
    const all = withoutFurniture(pages.map((p) => p.text).join('\n'), SAMPLE.header);
    expect(missingInOrder(modelTexts(SAMPLE), all)).toEqual([]);
  });

  it('keeps French characters intact', () => {
    const all = squash(pages.map((p) => p.text).join(''));
    for (const s of ['Œuvrer', 'œuvre', '«\u202fle Grand Dijon\u202f»', 'n°\u00a078-17', '…', 'Îlots', 'À défaut']) expect(all, s).toContain(squash(s));
  });

  it('lists one bookmark per article and annex', () => {
    expect(outline).toHaveLength(BOOKMARKED.length);
  });

  it('finds each signature widget on the page that prints its party’s name', () => {
    const parties = [...SIGNATURE_2.parties, ...SIGNATURE_3.parties];
    const found = pages.flatMap((p) => p.sigFields.map((f) => ({ ...f, text: p.text })));
    expect(found).toHaveLength(parties.length);
    found.forEach((f, i) => {
      const party = parties[i];
      expect(f.name).toContain(party?.id ?? '∅');
      for (const line of party?.heading ?? []) expect(squash(f.text)).toContain(squash(line));
      if (party?.name) expect(f.text).toContain(party.name);
    });
  });
});
