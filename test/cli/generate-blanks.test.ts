/**
 * `convkit generate` tells what remains to fill (issue 9, item 5): one line per document with
 * blanks after the files written, the same on the in-thread and the worker-thread paths; and
 * `--strict` refuses the run, writing nothing, while a document has blanks.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, runCli, type CliResult } from '../robustness/helpers.js';
import { read, removeTempCopies, tempDataCopy, write } from '../data/fixture.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'convkit-blanks-'));

/** The built CLI run from `cwd` (the shared runner of the hardening tests). */
const convkit = (cwd: string, ...args: string[]): CliResult => runCli(args, { cwd, timeoutMs: 300_000 });

const SUMMARY = [
  '5 blancs à compléter dans conventions/caf-21 : fonction et téléphone de Mme Pascale STURLA BORDET ; fonction et téléphone de Mme Violette SOCQUARD ; liste des fichiers de la CAF de la Côte d’Or',
  '2 blancs à compléter dans conventions/carsat-bfc : fonction et téléphone de M. Bernard TAPIE',
  '1 blanc à compléter dans conventions/mission-locale : téléphone de M. Frédéric REMOND',
  '6 blancs à compléter dans conventions/pole-emploi-21 : fonction, téléphone et courriel de M. Brice NAFETAT ; fonction, téléphone et courriel de Mme PIRODDI ; imprimé sans : prénom de Mme PIRODDI ; adresse de Pôle Emploi',
  '3 blancs à compléter dans actes-engagement/caf-21-compas-tis : adresse et SIRET de Compas-tis ; liste des fichiers de la CAF de la Côte d’Or',
  'chartes/quetigny : imprimé sans : nom du représentant de la Ville de Quetigny',
  'convkit validate situe chaque valeur manquante (fichier, ligne, champ) ; generate --strict refuse d’écrire tant qu’il en reste.',
];
/** The apostrophe of the data as typed (’ or '), so that the comparison is about the wording. */
const plain = (s: string): string => s.replace(/[’']/g, '’');

beforeAll(() => {
  ensureBuilt();
}, 150_000);
afterAll(() => {
  removeTempCopies();
  rmSync(tmp, { recursive: true, force: true });
});

describe('generate: what remains to fill', () => {
  it('after the files written, one line per document with blanks, from the same blanks as validate', () => {
    const out = path.join(tmp, 'small');
    const r = convkit(ROOT, 'generate', '--out', out, '--format', 'docx');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    const written = lines.filter((l) => l.startsWith('écrit '));
    expect(written).toHaveLength(14);
    expect(lines.slice(0, written.length)).toEqual(written);
    expect(lines.slice(written.length).map(plain)).toEqual(SUMMARY.map(plain));
  });

  it('--only keeps the lines of the documents produced; none when a document is complete', () => {
    const r = convkit(ROOT, 'generate', '--out', path.join(tmp, 'only'), '--format', 'docx', '--only', 'mission-locale', 'mdef');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 blanc à compléter dans conventions/mission-locale : téléphone de M. Frédéric REMOND\n');
    expect(r.stdout).not.toContain('conventions/mdef :');
    const complete = convkit(ROOT, 'generate', '--out', path.join(tmp, 'complete'), '--format', 'docx', '--only', 'mdef');
    expect(complete.stdout).not.toMatch(/blanc|imprimé sans|validate/);
  });

  it('--strict refuses a run with blanks: exit 2, a French message naming each document, nothing written', () => {
    const out = path.join(tmp, 'strict');
    const r = convkit(ROOT, 'generate', '--out', out, '--strict', '--only', 'caf-21', 'mdef');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(plain(r.stderr)).toBe(
      plain(
        'convkit : --strict : 2 documents ont des valeurs à compléter ; aucun fichier n’a été écrit.\n' +
          `  ${SUMMARY[0]}\n  ${SUMMARY[4]}\n` +
          'Complétez les données (convkit validate situe chaque valeur manquante), ou relancez sans --strict pour un projet de document.\n',
      ),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('--strict writes a complete run as usual', () => {
    const out = path.join(tmp, 'strict-ok');
    const r = convkit(ROOT, 'generate', '--out', out, '--strict', '--only', 'mdef', '--format', 'docx');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^écrit .*conventions\/mdef\.docx/);
    expect(existsSync(path.join(out, 'conventions/mdef.docx'))).toBe(true);
  });

  it('the worker-thread path (more than 20 documents) prints the same summary and refuses the same way', async () => {
    const { dir, data } = tempDataCopy();
    // Eight more communes (copies of Talant's charter): 22 documents.
    const talant = read(data, 'signatories/talant.yaml');
    const extra = Array.from({ length: 8 }, (_, i) => `talant-${i + 1}`);
    let delib = read(data, 'deliberations/2014-06-26.yaml');
    for (const id of extra) {
      write(data, `signatories/${id}.yaml`, talant.replace(/^id: talant$/m, `id: ${id}`).replace(/^representative: .*$/m, ''));
      delib += `  - { kind: charter, signatory: ${id} }\n`;
    }
    write(data, 'deliberations/2014-06-26.yaml', delib);
    const batch = (await import(pathToFileURL(path.join(ROOT, 'dist/batch/index.js')).href)) as typeof import('../../src/batch/index.js');
    const inThread = await batch.generateDocuments({ dataDir: data, outDir: path.join(tmp, 'w0'), formats: ['docx'], workers: 0 });
    const workers = await batch.generateDocuments({ dataDir: data, outDir: path.join(tmp, 'w2'), formats: ['docx'], workers: 2 });
    expect(workers.workers).toBe(2);
    expect(workers.documents).toBe(22);
    expect(workers.failures).toEqual([]);
    expect(workers.blanks).toEqual(inThread.blanks);
    expect(workers.blanks.map((b) => b.path)).toEqual([
      'conventions/caf-21',
      'conventions/carsat-bfc',
      'conventions/mission-locale',
      'conventions/pole-emploi-21',
      'actes-engagement/caf-21-compas-tis',
      'chartes/quetigny',
      ...extra.map((id) => `chartes/${id}`),
    ]);
    await expect(batch.generateDocuments({ dataDir: data, outDir: path.join(tmp, 'w2-strict'), formats: ['docx'], workers: 2, refuseBlanks: true })).rejects.toThrow(
      /^--strict : 14 documents ont des valeurs à compléter ; aucun fichier n’a été écrit\./,
    );
    expect(existsSync(path.join(tmp, 'w2-strict'))).toBe(false);
    // Through the command line (which picks worker threads on a machine with two cores or more).
    const r = convkit(dir, 'generate', '--data', 'data', '--out', path.join(tmp, 'cli22'), '--format', 'docx');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('chartes/talant-8 : imprimé sans : nom du représentant de la Ville de Talant\n');
  });
});
