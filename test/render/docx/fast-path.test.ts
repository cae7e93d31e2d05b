/**
 * The fast path (`renderDocx`: package template + body written as strings) against the
 * reference (`renderDocxWithLibrary`: the docx library end to end): same bytes, on the sample,
 * on edge cases and on random documents. And the pieces of the fast path on their own: the zip
 * writer, the template cutter.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { performance } from 'node:perf_hooks';
import { crc32, inflateRawSync } from 'node:zlib';
import { renderDocx, renderDocxWithLibrary } from '../../../src/render/docx.js';
import { packageTemplate } from '../../../src/render/docx-package.js';
import { zipPackage, type PackagePart } from '../../../src/render/docx-zip.js';
import { escapeXmlText } from '../../../src/render/docx-xml.js';
import type { Block, Document, Run, Section, SignatureParty, TableCell } from '../../../src/model/types.js';
import { SAMPLE, SIGNATURE_3 } from './sample.js';
import { part } from './helpers.js';

async function expectSameAsLibrary(doc: Document): Promise<void> {
  const fast = await renderDocx(doc);
  const reference = await renderDocxWithLibrary(doc);
  // Part by part first, for a readable failure; then the bytes.
  const fastParts = unzipSync(fast);
  const referenceParts = unzipSync(reference);
  expect(Object.keys(fastParts)).toEqual(Object.keys(referenceParts));
  for (const path of Object.keys(referenceParts)) {
    expect(part(fast, path), path).toBe(part(reference, path));
  }
  expect(Buffer.compare(Buffer.from(fast), Buffer.from(reference))).toBe(0);
}

const EDGE_BLOCKS: readonly Block[] = [
  { kind: 'pageBreak' },
  { kind: 'table', rows: [] },
  { kind: 'list', ordered: true, items: [] },
  { kind: 'heading', level: 1, runs: [] },
  { kind: 'paragraph', runs: [{ text: 'a\n\nb', bold: true, italic: true }, { text: '' }, { text: 'c\n' }] },
  { kind: 'pageBreak' },
  { kind: 'table', header: [{ lines: [] }], rows: [[{ lines: [[{ text: 'x' }], []] }, { lines: [] }], []] },
  { kind: 'pageBreak' },
  { kind: 'signature', place: 'Dijon', parties: [] },
  { kind: 'signature', place: 'Dijon', originals: 1, parties: [{ id: 'a', heading: [], role: '', name: '' }] },
  SIGNATURE_3,
  { kind: 'paragraph', runs: [], align: 'justify', keepWithNext: true },
  { kind: 'list', ordered: false, items: [{ runs: [] }, { runs: [{ text: 'z', italic: true }] }] },
  { kind: 'list', ordered: true, items: [{ runs: [{ text: 'un' }] }] },
];

describe('renderDocx (fast path) gives the bytes of renderDocxWithLibrary (docx library)', () => {
  it('on the sample, with and without a running header', async () => {
    await expectSameAsLibrary(SAMPLE);
    await expectSameAsLibrary({ ...SAMPLE, header: undefined });
    await expectSameAsLibrary({ ...SAMPLE, header: '' });
  });

  it('on an empty document and on edge cases (breaks first, empty lists and tables, escaping)', async () => {
    await expectSameAsLibrary({ ...SAMPLE, sections: [] });
    await expectSameAsLibrary({
      ...SAMPLE,
      header: 'A & <b> "c" \'d\' \u0001\u000bx\ty\u00a0z',
      meta: { ...SAMPLE.meta, title: 'T & <t>', keywords: [] },
      sections: [
        { kind: 'body', blocks: EDGE_BLOCKS },
        { kind: 'annex', blocks: [{ kind: 'heading', level: 2, runs: [{ text: 'Annexe 1' }] }, ...EDGE_BLOCKS] },
        { kind: 'annex', blocks: [{ kind: 'pageBreak' }, { kind: 'table', rows: [[{ lines: [[{ text: 'y' }]] }]] }] },
      ],
    });
  });

  it('on random documents', async () => {
    const char = fc.constantFrom('a', 'é', 'Œ', ' ', '\n', '\t', '\r', '&', '<', '>', '"', "'", '’', '«', '\u00a0', '\u202f', '\u0000', '\u0008', '\u001f', '😀');
    const text = fc.string({ unit: char, maxLength: 12 });
    const run: fc.Arbitrary<Run> = fc.record(
      { text, bold: fc.boolean(), italic: fc.boolean() },
      { requiredKeys: ['text'] },
    );
    const runs = fc.array(run, { maxLength: 3 });
    const cell: fc.Arbitrary<TableCell> = fc.record({ lines: fc.array(runs, { maxLength: 2 }) });
    const party: fc.Arbitrary<SignatureParty> = fc.record(
      { id: fc.constant('p'), heading: fc.array(text, { maxLength: 2 }), role: text, name: text },
      { requiredKeys: ['id', 'heading', 'role'] },
    );
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ kind: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const), runs }),
      fc.record(
        {
          kind: fc.constant('paragraph' as const),
          runs,
          align: fc.constantFrom('left' as const, 'center' as const, 'right' as const, 'justify' as const),
          keepWithNext: fc.boolean(),
        },
        { requiredKeys: ['kind', 'runs'] },
      ),
      fc.record({ kind: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(fc.record({ runs }), { maxLength: 3 }) }),
      fc.record(
        { kind: fc.constant('table' as const), header: fc.array(cell, { maxLength: 3 }), rows: fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 3 }) },
        { requiredKeys: ['kind', 'rows'] },
      ),
      fc.record(
        {
          kind: fc.constant('signature' as const),
          place: text,
          date: fc.constant('2014-06-26'),
          originals: fc.integer({ min: 1, max: 12 }),
          parties: fc.array(party, { maxLength: 3 }),
        },
        { requiredKeys: ['kind', 'place', 'parties'] },
      ),
      fc.constant({ kind: 'pageBreak' as const }),
    );
    const section: fc.Arbitrary<Section> = fc.record({
      kind: fc.constantFrom('front' as const, 'preamble' as const, 'article' as const, 'annex' as const, 'body' as const),
      blocks: fc.array(block, { maxLength: 6 }),
    });
    const doc = fc.record({ header: fc.option(text, { nil: undefined }), sections: fc.array(section, { maxLength: 4 }) });
    await fc.assert(
      fc.asyncProperty(doc, async ({ header, sections }) => {
        await expectSameAsLibrary({ ...SAMPLE, header, sections });
      }),
      { numRuns: 60 },
    );
  });
});

describe('zipPackage', () => {
  const parts: PackagePart[] = [
    { path: '[Content_Types].xml', data: '<Types/>' },
    { path: 'word/document.xml', data: `<w:document>${'é « texte » '.repeat(200)}</w:document>`, recurring: true },
    { path: 'media/a.bin', data: new Uint8Array([0, 1, 2, 255]) },
  ];

  it('writes a standard zip: the layout of fflate zipSync dated local noon, every entry read back by fflate and by zlib', () => {
    const zipped = zipPackage(parts, { y: 2014, m: 6, d: 26 });
    const raw = (p: PackagePart): Uint8Array => (typeof p.data === 'string' ? strToU8(p.data) : p.data);
    const expected = zipSync(Object.fromEntries(parts.map((p) => [p.path, raw(p)])), { level: 6, mtime: new Date(2014, 5, 26, 12, 0, 0) });
    // Same local header fields (version, flags, method, time, date, CRC, size, name length):
    // only the compressed bytes differ (convkit's DEFLATE encoder, not fflate's level 6).
    const view = (z: Uint8Array): DataView => new DataView(z.buffer, z.byteOffset, z.byteLength);
    expect([...zipped.subarray(0, 18)]).toEqual([...expected.subarray(0, 18)]);
    expect(view(zipped).getUint32(22, true)).toBe(view(expected).getUint32(22, true));
    const back = unzipSync(zipped);
    expect(Object.keys(back)).toEqual(parts.map((p) => p.path));
    let at = 0;
    for (const p of parts) {
      expect(Buffer.from(back[p.path] ?? []).equals(Buffer.from(raw(p))), p.path).toBe(true);
      // Walk the local headers: each entry's data inflates with zlib too, to its CRC.
      const d = view(zipped);
      const nameLength = d.getUint16(at + 26, true);
      const compressed = d.getUint32(at + 18, true);
      const data = zipped.subarray(at + 30 + nameLength, at + 30 + nameLength + compressed);
      const inflated = inflateRawSync(data);
      expect(inflated.equals(Buffer.from(raw(p))), p.path).toBe(true);
      expect(d.getUint32(at + 14, true)).toBe(crc32(inflated));
      at += 30 + nameLength + compressed;
    }
  });

  it('gives the same bytes whether a recurring part was compressed before or not', () => {
    const first = zipPackage(parts, { y: 2014, m: 6, d: 26 });
    const again = zipPackage(parts, { y: 2014, m: 6, d: 26 });
    const uncached = zipPackage(
      parts.map((p) => ({ path: p.path, data: p.data })),
      { y: 2014, m: 6, d: 26 },
    );
    expect(Buffer.compare(Buffer.from(again), Buffer.from(first))).toBe(0);
    expect(Buffer.compare(Buffer.from(uncached), Buffer.from(first))).toBe(0);
    expect(Buffer.compare(Buffer.from(zipPackage(parts, { y: 2015, m: 1, d: 1 })), Buffer.from(first))).not.toBe(0);
  });
});

describe('packageTemplate', () => {
  const documentXml =
    '<w:document><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:p>' +
    '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr></w:p><w:sectPr/></w:body></w:document>';
  const numberingXml =
    '<w:numbering><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="8"/></w:num></w:numbering>';

  it('cuts the document, numbering and header parts around what changes', () => {
    const template = packageTemplate(
      [
        { path: 'word/document.xml', data: documentXml },
        { path: 'word/numbering.xml', data: numberingXml },
        { path: 'word/header1.xml', data: '<w:hdr><w:t>HEADER</w:t></w:hdr>' },
      ],
      'HEADER',
    );
    expect(template.documentHead).toBe('<w:document><w:body>');
    expect(template.documentTail).toBe('<w:sectPr/></w:body></w:document>');
    expect(template.firstNumId).toBe(2);
    expect(template.numberingHead).toBe('<w:numbering><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>');
    expect(template.numberingTail).toBe('</w:numbering>');
    expect(template.bulletNum).toContain('<w:abstractNumId w:val="7"/>');
    expect(template.orderedNum).toContain('<w:abstractNumId w:val="8"/>');
    expect(template.header).toEqual({ head: '<w:hdr><w:t>', tail: '</w:t></w:hdr>' });
  });

  it('refuses a package shaped otherwise (a docx upgrade would be caught, not silently mis-rendered)', () => {
    const oneList = documentXml.replace('<w:numId w:val="3"/>', '');
    expect(() =>
      packageTemplate(
        [
          { path: 'word/document.xml', data: oneList },
          { path: 'word/numbering.xml', data: numberingXml },
        ],
        undefined,
      ),
    ).toThrow(/modèle de paquet inattendu/);
    expect(() => packageTemplate([{ path: 'word/document.xml', data: documentXml }], undefined)).toThrow(
      /numbering\.xml absent/,
    );
  });
});

describe('escapeXmlText', () => {
  it('escapes the five entities and drops the control characters XML forbids, as docx does', () => {
    expect(escapeXmlText('a & b < c > d " e \' f')).toBe('a &amp; b &lt; c &gt; d &quot; e &apos; f');
    expect(escapeXmlText('x\u0000\u0008\u000b\u000c\u001fy\t\n\r')).toBe('xy\t\n\r');
    expect(escapeXmlText('Côte d’Or\u00a0:')).toBe('Côte d’Or\u00a0:');
  });
});
