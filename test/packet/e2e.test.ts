import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPacketDeps } from '../../src/packet/deps.js';
import type { Manifest } from '../../src/packet/manifest.js';
import { runPacket } from '../../src/packet/run.js';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { allElements, markedContentProblems, readStructure, type ReadElement } from '../render/pdf/tagging.js';
import { hasTool, pageText, pdfinfoPages, qpdfCheck, qpdfOutlines } from './tools.js';

const hasQpdf = hasTool('qpdf');
const hasPdfinfo = hasTool('pdfinfo');
const hasPdftotext = hasTool('pdftotext');
if (!hasQpdf) console.warn('test/packet/e2e.test.ts : qpdf absent, vérifications qpdf ignorées');
if (!hasPdfinfo) console.warn('test/packet/e2e.test.ts : pdfinfo absent, vérifications pdfinfo ignorées');
if (!hasPdftotext) console.warn('test/packet/e2e.test.ts : pdftotext absent, lecture du texte ignorée');

let root: string;
let out: string;
let manifest: Manifest;
const pdfFiles = (): string[] => manifest.files.map((f) => path.join(out, f.path));

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'convkit-packet-e2e-'));
  out = path.join(root, 'paquet');
  manifest = await runPacket({ id: '2014-06-26', dataDir: 'data', outDir: out }, await defaultPacketDeps());
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('convkit packet 2014-06-26, end to end', () => {
  it('writes the act, 6 conventions and 6 charters as annexes, the dossier and the manifest', async () => {
    const files = (await readdir(out)).sort();
    expect(files).toEqual([...manifest.files.map((f) => f.path), 'manifest.json'].sort());
    expect(manifest.files.filter((f) => f.role === 'acte').map((f) => f.path)).toEqual(['acte.pdf']);
    const annexes = manifest.files.filter((f) => f.role === 'annexe');
    expect(annexes.map((f) => f.annex)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(annexes.filter((f) => f.path.includes('-convention-'))).toHaveLength(6);
    expect(annexes.filter((f) => f.path.includes('-charte-'))).toHaveLength(6);
    expect(manifest.files.at(-1)?.role).toBe('dossier');
  });

  it('the manifest gives the sha256 and size of each file on disk and the total', async () => {
    const onDisk = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(onDisk).toEqual(manifest);
    for (const f of manifest.files) {
      const bytes = await readFile(path.join(out, f.path));
      expect(f.bytes).toBe(bytes.byteLength);
      expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(f.title.length).toBeGreaterThan(0);
    }
    expect(manifest.totalBytes).toBe(manifest.files.reduce((n, f) => n + f.bytes, 0));
    expect(manifest.totalBytes).toBeLessThanOrEqual(150 * 1024 * 1024);
  });

  it.skipIf(!hasPdfinfo)('pages in the manifest are those pdfinfo reads; the dossier has the parts plus one contents page', () => {
    for (const f of manifest.files) expect(pdfinfoPages(path.join(out, f.path)), f.path).toBe(f.pages);
    const parts = manifest.files.filter((f) => f.role !== 'dossier').reduce((n, f) => n + f.pages, 0);
    expect(pdfinfoPages(path.join(out, 'dossier.pdf'))).toBe(parts + 1);
  });

  it.skipIf(!hasQpdf)('every PDF passes qpdf --check', () => {
    for (const file of pdfFiles()) expect(() => qpdfCheck(file), file).not.toThrow();
  });

  it.skipIf(!hasQpdf)('the dossier has one bookmark per part, leading to its first page', () => {
    const outlines = qpdfOutlines(path.join(out, 'dossier.pdf'));
    const parts = manifest.files.filter((f) => f.role !== 'dossier');
    expect(outlines).toHaveLength(parts.length);
    let page = 2;
    parts.forEach((p, i) => {
      expect(outlines[i]?.page, p.path).toBe(page);
      expect(outlines[i]?.title).toBe(p.role === 'acte' ? `Délibération – ${manifest.objectLine}` : `Annexe n°\u00a0${p.annex} – ${p.title}`);
      page += p.pages;
    });
  });

  it.skipIf(!hasPdftotext)('each annex is stamped on its first page only; the contents page lists the parts', () => {
    const norm = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ');
    for (const f of manifest.files.filter((x) => x.role === 'annexe')) {
      const file = path.join(out, f.path);
      expect(norm(pageText(file, 1))).toContain(`Annexe n° ${f.annex} à la délibération du 26 juin 2014`);
      if (f.pages > 1) expect(norm(pageText(file, 2))).not.toContain('à la délibération du 26 juin 2014');
    }
    const contents = norm(pageText(path.join(out, 'dossier.pdf'), 1));
    expect(contents).toContain('Sommaire');
    const annexes = manifest.files.filter((f) => f.role === 'annexe');
    expect(contents).toContain(`Annexe n° 12 – ${annexes.at(-1)!.title}`);
    const act = norm(pageText(path.join(out, 'acte.pdf'), 1));
    expect(act).toContain('EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS');
    expect(act).toContain('Nombre de votants : 76');
  });

  it.skipIf(!hasPdftotext)('the dossier pages are numbered continuously', () => {
    const dossier = manifest.files.at(-1)!;
    const file = path.join(out, dossier.path);
    const norm = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ');
    for (const n of [1, 2, Math.ceil(dossier.pages / 2), dossier.pages]) {
      expect(norm(pageText(file, n))).toContain(`page ${n} / ${dossier.pages}`);
    }
  });

  it.skipIf(!hasPdftotext)('the dossier prints exactly one page number per page, its own (issue 9.8)', () => {
    const dossier = manifest.files.at(-1)!;
    const file = path.join(out, dossier.path);
    for (let n = 1; n <= dossier.pages; n++) {
      const numbers = pageText(file, n).replace(/[\s\u00a0\u202f]+/g, ' ').match(/page \d+ \/ \d+/g) ?? [];
      expect(numbers, `page ${n}`).toEqual([`page ${n} / ${dossier.pages}`]);
    }
  });

  it.skipIf(!hasPdfinfo)('every PDF of the packet is tagged (pdfinfo)', () => {
    for (const file of pdfFiles()) expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' }), file).toMatch(/^Tagged:\s+yes$/m);
  });

  it('the dossier keeps the parts\' structure trees: one Document per part after the contents, every text marked', async () => {
    const bytes = await readFile(path.join(out, 'dossier.pdf'));
    const doc = await PDFDocument.load(bytes);
    const tops = readStructure(doc);
    const parts = manifest.files.filter((f) => f.role !== 'dossier');
    expect(tops.map((t) => t.role)).toEqual(['Document', ...parts.map(() => 'Document')]);
    // Each part's tree starts on the part's first page and keeps its signature forms.
    let first = 1 + (tops[0] === undefined ? 0 : 1); // after the one contents page
    parts.forEach((p, i) => {
      const pagesOf = allElements([tops[i + 1] as ReadElement]).flatMap((e) => e.content.map((c) => c.page + 1));
      expect(Math.min(...pagesOf), p.path).toBe(first);
      expect(Math.max(...pagesOf), p.path).toBeLessThanOrEqual(first + p.pages - 1);
      first += p.pages;
    });
    const forms = allElements(tops).filter((e) => e.role === 'Form');
    expect(forms.length).toBeGreaterThan(12);
    for (const f of forms) expect(f.objects.map((o) => o.subtype)).toEqual(['Widget']);
    expect(await markedContentProblems(bytes)).toEqual([]);
  });

  it('the contents page is a real table of contents: TOC > TOCI > Link, each a link to its part\'s first page', async () => {
    const doc = await PDFDocument.load(await readFile(path.join(out, 'dossier.pdf')));
    const contents = readStructure(doc)[0] as ReadElement;
    expect(contents.children.map((c) => c.role)).toEqual(['H1', 'TOC']);
    const parts = manifest.files.filter((f) => f.role !== 'dossier');
    const items = contents.children[1]?.children ?? [];
    expect(items.map((i) => i.role)).toEqual(parts.map(() => 'TOCI'));
    for (const item of items) {
      expect(item.children.map((c) => c.role)).toEqual(['Link']);
      expect(item.children[0]?.objects.map((o) => o.subtype)).toEqual(['Link']);
    }
    const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
    const annots = doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray);
    const targets: number[] = [];
    for (let i = 0; i < annots.size(); i++) {
      const a = annots.lookup(i, PDFDict);
      if (a.lookup(PDFName.of('Subtype'), PDFName).decodeText() !== 'Link') continue;
      targets.push(pageIndex.get(a.lookup(PDFName.of('Dest'), PDFArray).get(0).toString()) ?? -1);
    }
    let page = 2;
    const starts = parts.map((p) => {
      const s = page;
      page += p.pages;
      return s;
    });
    expect(targets).toEqual(starts);
  });

  it('pdf.js reads the dossier\'s structure on every page: the TOC with its links, then the parts', async () => {
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
    const doc = await pdfjs.getDocument({ data: new Uint8Array(await readFile(path.join(out, 'dossier.pdf'))), verbosity: 0, isEvalSupported: false }).promise;
    interface Node {
      role?: string;
      children?: Node[];
    }
    const rolesOf = (n: Node | null, into: string[] = []): string[] => {
      if (n?.role !== undefined) into.push(n.role);
      for (const c of n?.children ?? []) rolesOf(c, into);
      return into;
    };
    const first = rolesOf((await (await doc.getPage(1)).getStructTree()) as Node | null);
    for (const role of ['Document', 'H1', 'TOC', 'TOCI', 'Link']) expect(first, role).toContain(role);
    for (let p = 2; p <= doc.numPages; p++) {
      const roles = rolesOf((await (await doc.getPage(p)).getStructTree()) as Node | null);
      expect(roles[1], `page ${p}`).toBe('Document');
      expect(roles.length, `page ${p}`).toBeGreaterThan(2);
    }
    await doc.destroy();
  });

  it('is deterministic: a second run gives byte-identical files', async () => {
    const again = await runPacket({ id: '2014-06-26', dataDir: 'data', outDir: path.join(root, 'encore') }, await defaultPacketDeps());
    expect(again).toEqual(manifest);
  }, 120_000);
});
