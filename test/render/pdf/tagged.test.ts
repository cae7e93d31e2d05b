/**
 * Issue 14.1: tagged PDF. Every PDF the renderer writes (the sample and every document of the
 * bundled data set) is read back: poppler says Tagged, qpdf finds no error, every text-showing
 * operator is marked content (tagged or artifact), the structure tree gives the model's blocks
 * in order, and pdf.js reads the structure of each page.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/load.js';
import { buildDocuments } from '../../../src/generate/index.js';
import type { Block, Document } from '../../../src/model/types.js';
import { renderPdf, stampFirstPage } from '../../../src/render/pdf/index.js';
import { cleanTemp, hasPoppler, hasQpdf, qpdfCheck, run, tempFile, warnMissing } from './helpers.js';
import { SAMPLE, SIGNING_PARTIES } from './sample.js';
import { allElements, markedContentProblems, readStructure, type ReadElement } from './tagging.js';

const require = createRequire(import.meta.url);
pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;

warnMissing('pdfinfo', hasPoppler);
warnMissing('qpdf', hasQpdf);

let sample: Uint8Array;
let dataset: { name: string; doc: Document; pdf: Uint8Array }[] = [];

beforeAll(async () => {
  sample = await renderPdf(SAMPLE);
  const built = await buildDocuments(await loadDataset('data'));
  dataset = await Promise.all(built.map(async (b) => ({ name: `${b.plan.kind}/${b.plan.source}`, doc: b.document, pdf: await renderPdf(b.document) })));
}, 120_000);
afterAll(cleanTemp);

/** The structure a block must give: its role, and the shape of lists and tables. */
function expected(block: Block): string | undefined {
  switch (block.kind) {
    case 'heading':
      return `H${block.level}`;
    case 'paragraph':
      return 'P';
    case 'list':
      return `L(${block.items.length})`;
    case 'table':
      return `Table(${(block.header ? 1 : 0) + block.rows.length})`;
    case 'signature':
      return 'Div';
    case 'pageBreak':
      return undefined;
  }
}

function shape(e: ReadElement): string {
  if (e.role === 'L') return `L(${e.children.length})`;
  if (e.role === 'Table') return `Table(${e.children.length})`;
  return e.role;
}

/** Paragraphs that print nothing are not in the tree (nothing to announce). */
function printsSomething(block: Block): boolean {
  return !(block.kind === 'paragraph' && block.runs.every((r) => r.text.trim() === ''));
}

describe('tagged PDF: the sample document', () => {
  it.skipIf(!hasPoppler)('pdfinfo says Tagged: yes', () => {
    expect(run('pdfinfo', [tempFile(sample)])).toMatch(/^Tagged:\s+yes$/m);
  });

  it.skipIf(!hasQpdf)('qpdf --check finds no error', () => {
    const r = qpdfCheck(sample);
    expect(r.ok, r.output).toBe(true);
  });

  it('every text-showing operator lies in tagged marked content or an artifact, every MCID owned once', async () => {
    expect(await markedContentProblems(sample)).toEqual([]);
  });

  it('the structure tree gives the model: one Document, a Sect per section, its blocks in order', async () => {
    const tops = readStructure(await PDFDocument.load(sample));
    expect(tops.map((t) => t.role)).toEqual(['Document']);
    const sects = tops[0]?.children ?? [];
    expect(sects.map((s) => s.role)).toEqual(SAMPLE.sections.map(() => 'Sect'));
    SAMPLE.sections.forEach((section, i) => {
      const want = section.blocks.filter(printsSomething).map(expected).filter((x) => x !== undefined);
      expect(sects[i]?.children.map(shape), `section ${i + 1}`).toEqual(want);
    });
  });

  it('lists are L > LI > Lbl + LBody; tables TR > TH (scope Column) / TD; signatures a Form per party', async () => {
    const all = allElements(readStructure(await PDFDocument.load(sample)));
    const items = all.filter((e) => e.role === 'LI');
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) expect(li.children.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
    const tables = all.filter((e) => e.role === 'Table');
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) for (const tr of t.children) expect(tr.role).toBe('TR');
    const th = all.filter((e) => e.role === 'TH');
    expect(th.length).toBeGreaterThan(0);
    for (const h of th) expect(h.attributes).toMatchObject({ O: 'Table', Scope: 'Column' });
    const forms = all.filter((e) => e.role === 'Form');
    expect(forms).toHaveLength(SIGNING_PARTIES.length);
    forms.forEach((f, i) => {
      expect(f.objects).toHaveLength(1);
      expect(f.objects[0]?.subtype).toBe('Widget');
      expect(f.objects[0]?.description).toMatch(/^Signature pour /);
      const party = SIGNING_PARTIES[i];
      // « Le Président, » → « le Président »: the role, as part of the sentence.
      expect(f.objects[0]?.description).toContain(party?.role.replace(/,$/, '').slice(1) ?? '∅');
      if (party?.name !== undefined) expect(f.objects[0]?.description).toContain(party.name);
    });
  });

  it('catalogue: MarkInfo Marked, Lang, DisplayDocTitle; pages /Tabs /S; XMP claims PDF/A-2a and PDF/UA-1', async () => {
    const doc = await PDFDocument.load(sample);
    const cat = doc.catalog;
    expect(cat.lookup(PDFName.of('MarkInfo'), PDFDict).get(PDFName.of('Marked'))?.toString()).toBe('true');
    expect(cat.get(PDFName.of('Lang'))?.toString()).toContain('fr-FR');
    expect(cat.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    for (const page of doc.getPages()) expect(page.node.get(PDFName.of('Tabs'))?.toString()).toBe('/S');
    const xmp = new TextDecoder().decode(sample);
    expect(xmp).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>');
  });

  it('pdf.js reads a structure tree on every page: headings at their levels, lists and tables', async () => {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(sample), verbosity: 0, isEvalSupported: false }).promise;
    interface Node {
      role?: string;
      type?: string;
      children?: Node[];
    }
    const roles: string[] = [];
    const walk = (n: Node): void => {
      if (n.role !== undefined) roles.push(n.role);
      for (const c of n.children ?? []) walk(c);
    };
    let contentLeaves = 0;
    const count = (n: Node): void => {
      if (n.type === 'content') contentLeaves++;
      for (const c of n.children ?? []) count(c);
    };
    for (let p = 1; p <= doc.numPages; p++) {
      const tree = (await (await doc.getPage(p)).getStructTree()) as Node | null;
      expect(tree, `page ${p}`).not.toBeNull();
      expect(tree?.children?.[0]?.role, `page ${p}`).toBe('Document');
      walk(tree as Node);
      count(tree as Node);
    }
    await doc.destroy();
    for (const role of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Form']) expect(roles, role).toContain(role);
    expect(contentLeaves).toBeGreaterThan(50);
  });
});

describe('tagged PDF: a stamped annex', () => {
  it('the stamp is a P heading the Document, its MCIDs after the page\'s own, everything still marked', async () => {
    const stamped = await stampFirstPage(sample, 'Annexe n° 3 à la délibération du 26 juin 2014');
    expect(await markedContentProblems(stamped)).toEqual([]);
    const tops = readStructure(await PDFDocument.load(stamped));
    const first = tops[0]?.children[0];
    expect(first?.role).toBe('P');
    expect(first?.content.every((c) => c.page === 0)).toBe(true);
    // The rest of the tree is untouched.
    expect(tops[0]?.children.slice(1)).toEqual(readStructure(await PDFDocument.load(sample))[0]?.children);
  });
});

describe('tagged PDF: every document of the data set', () => {
  it('has 15 documents to check', () => {
    expect(dataset.length).toBeGreaterThanOrEqual(14);
  });

  it.skipIf(!hasPoppler)('pdfinfo says Tagged: yes for each', () => {
    for (const d of dataset) expect(run('pdfinfo', [tempFile(d.pdf)]), d.name).toMatch(/^Tagged:\s+yes$/m);
  });

  it.skipIf(!hasQpdf)('qpdf --check passes for each', () => {
    for (const d of dataset) {
      const r = qpdfCheck(d.pdf);
      expect(r.ok, `${d.name}\n${r.output}`).toBe(true);
    }
  });

  it('every text is marked content (tagged or artifact) and the tree gives the blocks in order', async () => {
    for (const d of dataset) {
      expect(await markedContentProblems(d.pdf), d.name).toEqual([]);
      const sects = readStructure(await PDFDocument.load(d.pdf))[0]?.children ?? [];
      const want = d.doc.sections.map((s) => s.blocks.filter(printsSomething).map(expected).filter((x) => x !== undefined));
      expect(sects.map((s) => s.children.map(shape)), d.name).toEqual(want);
    }
  });
});
