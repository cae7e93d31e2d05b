import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPacketDeps } from '../../src/packet/deps.js';
import type { Manifest } from '../../src/packet/manifest.js';
import { runPacket } from '../../src/packet/run.js';
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

  it('is deterministic: a second run gives byte-identical files', async () => {
    const again = await runPacket({ id: '2014-06-26', dataDir: 'data', outDir: path.join(root, 'encore') }, await defaultPacketDeps());
    expect(again).toEqual(manifest);
  }, 120_000);
});
