import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConvkitError } from '../../src/errors.js';
import type { Manifest } from '../../src/packet/manifest.js';
import { runPacket } from '../../src/packet/run.js';
import { fakeDocuments, fakePdf } from './fakes.js';

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});
async function tempRoot(): Promise<string> {
  const r = await mkdtemp(path.join(os.tmpdir(), 'convkit-packet-'));
  roots.push(r);
  return r;
}

describe('packet logic (fake PDF functions)', () => {
  it('writes the act, 12 stamped annexes in the data order, the dossier and the manifest', async () => {
    const out = path.join(await tempRoot(), 'paquet');
    const pdf = fakePdf();
    const manifest = await runPacket({ id: '2014-06-26', dataDir: 'data', outDir: out }, { pdf, buildDocuments: fakeDocuments });

    const names = manifest.files.map((f) => f.path);
    expect(names).toEqual([
      'acte.pdf',
      'annexe-01-convention-caf-21.pdf',
      'annexe-02-convention-carsat-bfc.pdf',
      'annexe-03-convention-mdef.pdf',
      'annexe-04-convention-mission-locale.pdf',
      'annexe-05-convention-pole-emploi-21.pdf',
      'annexe-06-convention-urssaf-bourgogne.pdf',
      'annexe-07-charte-ccas-dijon.pdf',
      'annexe-08-charte-chenove.pdf',
      'annexe-09-charte-longvic.pdf',
      'annexe-10-charte-quetigny.pdf',
      'annexe-11-charte-talant.pdf',
      'annexe-12-charte-dijon.pdf',
      'dossier.pdf',
    ]);
    expect((await readdir(out)).sort()).toEqual([...names, 'manifest.json'].sort());
    expect(manifest.files.map((f) => f.role)).toEqual(['acte', ...Array(12).fill('annexe'), 'dossier']);
    expect(manifest.files.map((f) => f.annex)).toEqual([null, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, null]);
    expect(pdf.stamps).toEqual(Array.from({ length: 12 }, (_, i) => `Annexe n°\u00a0${i + 1} à la délibération du 26\u00a0juin\u00a02014`));

    // Sizes and hashes are those of the files on disk; the manifest on disk is the one returned.
    for (const f of manifest.files) {
      const bytes = await readFile(path.join(out, f.path));
      expect(f.bytes).toBe(bytes.byteLength);
      expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(manifest.totalBytes).toBe(manifest.files.reduce((n, f) => n + f.bytes, 0));
    const onDisk = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(onDisk).toEqual(manifest);
    expect(onDisk).toMatchObject({ deliberation: '2014-06-26', actNumber: '20140626_OCS', date: '2014-06-26', maxBytes: 150 * 1024 * 1024 });

    // Pages: the act has 4 sections (4 fake pages), conventions 3, charters 1.
    expect(manifest.files.map((f) => f.pages)).toEqual([4, 3, 3, 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1 + 4 + 18 + 6]);
    const dossier = manifest.files.at(-1)!;
    expect(dossier.pages).toBe(manifest.files.slice(0, -1).reduce((n, f) => n + f.pages, 0) + 1);

    // One merge of the 13 parts, each titled (bookmark and contents entry) with its label.
    expect(pdf.merges).toHaveLength(1);
    const { parts, options } = pdf.merges[0]!;
    expect(parts.map((p) => p.title.split(' – ')[0])).toEqual(['Délibération', ...Array.from({ length: 12 }, (_, i) => `Annexe n°\u00a0${i + 1}`)]);
    expect(parts[1]!.title).toBe("Annexe n°\u00a01 – Convention de partenariat entre le Grand Dijon et la CAF de la Côte d'Or");
    expect(options).toEqual({
      title: 'Délibération du 26\u00a0juin\u00a02014 – dossier de publication',
      author: "Conseil de Communauté de l'agglomération dijonnaise",
      subject: 'Observatoire de la cohésion sociale - Conventions et charte de partenariat',
      date: '2014-06-26',
      tocTitle: 'Sommaire',
    });
  });

  it('lists every part on the contents page with its first page in the dossier', async () => {
    const out = path.join(await tempRoot(), 'paquet');
    const pdf = fakePdf();
    await runPacket({ id: '2014-06-26', dataDir: 'data', outDir: out }, { pdf, buildDocuments: fakeDocuments });
    const dossier = await readFile(path.join(out, 'dossier.pdf'), 'utf8');
    const lines = dossier.split('\n');
    expect(lines[0]).toMatch(/^Sommaire: Délibération – Observatoire de la cohésion sociale - Conventions et charte de partenariat … 2 \| Annexe n°\u00a01 – .* … 6 \| /);
    expect(lines[0]).toMatch(/Annexe n°\u00a07 – Charte .* … 24 \|/);
    expect(lines[1]).toBe('page 1 of 2014-06-26: Extrait du registre des délibérations');
    expect(lines[5]).toMatch(/^page 1 of caf-21: front \[Annexe n°\u00a01 à la délibération/);
    expect(lines[23]).toMatch(/^page 1 of ccas-dijon: body \[Annexe n°\u00a07 /);
  });

  it('refuses a packet over the size limit and leaves the previous packet untouched', async () => {
    const out = path.join(await tempRoot(), 'paquet');
    await runPacket({ id: '2014-06-26', dataDir: 'data', outDir: out }, { pdf: fakePdf(), buildDocuments: fakeDocuments });
    const before = await readFile(path.join(out, 'manifest.json'), 'utf8');
    const error = await runPacket({ id: '2014-06-26', dataDir: 'data', outDir: out, maxBytes: 1000 }, { pdf: fakePdf(), buildDocuments: fakeDocuments }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConvkitError);
    expect((error as ConvkitError).exitCode).toBe(2);
    expect((error as ConvkitError).message).toMatch(/\[taille-du-paquet\] le paquet pèse .* octets\), au-delà de la limite de .*\(1000 octets\)/);
    expect(await readFile(path.join(out, 'manifest.json'), 'utf8')).toBe(before);
    // No temporary folder is left behind.
    expect((await readdir(path.dirname(out))).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('a failure while rendering leaves the previous packet untouched', async () => {
    const out = path.join(await tempRoot(), 'paquet');
    await runPacket({ id: '2014-06-26', dataDir: 'data', outDir: out }, { pdf: fakePdf(), buildDocuments: fakeDocuments });
    const before = (await readdir(out)).sort();
    const broken = { ...fakePdf(), stampFirstPage: async () => { throw new Error('panne'); } };
    await expect(runPacket({ id: '2014-06-26', dataDir: 'data', outDir: out }, { pdf: broken, buildDocuments: fakeDocuments })).rejects.toThrow('panne');
    expect((await readdir(out)).sort()).toEqual(before);
  });

  it('never replaces a folder that does not hold a packet', async () => {
    const out = path.join(await tempRoot(), 'travail');
    await mkdir(out);
    await writeFile(path.join(out, 'notes.txt'), 'à garder');
    await expect(runPacket({ id: '2014-06-26', dataDir: 'data', outDir: out }, { pdf: fakePdf(), buildDocuments: fakeDocuments })).rejects.toThrow(
      /n'est pas vide et ne contient pas de paquet/,
    );
    expect(await readFile(path.join(out, 'notes.txt'), 'utf8')).toBe('à garder');
  });

  it('refuses an unknown or unsafe deliberation id', async () => {
    const out = path.join(await tempRoot(), 'paquet');
    await expect(runPacket({ id: '../etc', dataDir: 'data', outDir: out }, { pdf: fakePdf(), buildDocuments: fakeDocuments })).rejects.toThrow(
      /identifiant de délibération invalide/,
    );
    await expect(runPacket({ id: '2015-01-01', dataDir: 'data', outDir: out }, { pdf: fakePdf(), buildDocuments: fakeDocuments })).rejects.toThrow(
      /2015-01-01\.yaml : fichier introuvable/,
    );
  });

  it('refuses when a generated document is missing for an annex', async () => {
    const out = path.join(await tempRoot(), 'paquet');
    await expect(
      runPacket({ id: '2014-06-26', dataDir: 'data', outDir: out }, { pdf: fakePdf(), buildDocuments: async (ds, ids) => (await fakeDocuments(ds, ids)).filter((g) => g.source !== 'mdef') }),
    ).rejects.toThrow('annexe n°\u00a03 : aucun document généré pour la convention « mdef »');
  });
});
