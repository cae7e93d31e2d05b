import { readFile, writeFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, FIXTURE_RENDERER, listFiles, loadBatch, tempDir, type BatchApi } from './helpers.js';

let batch: BatchApi;
const dirs: string[] = [];
beforeAll(async () => {
  batch = await loadBatch();
});
afterEach(async () => {
  await Promise.all(dirs.splice(0).map(cleanup));
});
const out = async (): Promise<string> => {
  const d = await tempDir();
  dirs.push(d);
  return d;
};
const ids = (n: number, prefix = 'doc'): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);

describe('runBatch', () => {
  for (const workers of [0, 2]) {
    describe(workers === 0 ? 'in the calling thread' : 'in two worker threads', () => {
      it('writes every file of every job, and nothing else', async () => {
        const dir = await out();
        const jobs = ids(30);
        const result = await batch.runBatch(jobs, { renderer: FIXTURE_RENDERER, outDir: dir, workers, setup: { size: 1000 } });
        expect(result.status).toBe(0);
        expect(result.failures).toEqual([]);
        expect(result.workers).toBe(workers);
        const expected = jobs.flatMap((id) => [`docs/${id}.bin`, `docs/${id}.txt`]).sort();
        expect(await listFiles(dir)).toEqual(expected);
        expect(result.written).toEqual(expected.map((f) => path.join(dir, f)));
        expect(await readFile(path.join(dir, 'docs/doc-007.txt'), 'utf8')).toBe('contenu doc-007\n');
        expect((await readFile(path.join(dir, 'docs/doc-007.bin'))).length).toBe(1000);
      });

      it('reports each failing document with its reason, writes the others, keeps earlier outputs and leaves no temp file', async () => {
        const dir = await out();
        await mkdir(path.join(dir, 'docs'));
        // Earlier good outputs of the documents that will fail, and of one that will succeed.
        await writeFile(path.join(dir, 'docs/fail-b.txt'), 'ancienne version valide');
        await writeFile(path.join(dir, 'docs/doc-001.txt'), 'ancienne');
        const jobs = [...ids(12), 'fail-b', ...ids(12, 'late'), 'bug-c', 'escape-d'];
        const result = await batch.runBatch(jobs, { renderer: FIXTURE_RENDERER, outDir: dir, workers });
        expect(result.status).toBe(2);
        expect(result.failures.map((f) => f.id)).toEqual(['bug-c', 'escape-d', 'fail-b']);
        const byId = new Map(result.failures.map((f) => [f.id, f.message]));
        expect(byId.get('fail-b')).toBe('modèle convention.hbs:12 : variable inconnue « x » (fail-b)');
        expect(byId.get('bug-c')).toMatch(/^erreur interne : cannot read x of undefined \(bug-c\)$/);
        expect(byId.get('escape-d')).toMatch(/^chemin de sortie refusé : « \.\.\/escape-d\.txt » sortirait du dossier de sortie/);
        const files = await listFiles(dir);
        for (const id of [...ids(12), ...ids(12, 'late')]) expect(files).toContain(`docs/${id}.txt`);
        expect(await readFile(path.join(dir, 'docs/fail-b.txt'), 'utf8')).toBe('ancienne version valide');
        expect(await readFile(path.join(dir, 'docs/doc-001.txt'), 'utf8')).toBe('contenu doc-001\n');
        expect(files.filter((f) => path.basename(f).startsWith('.'))).toEqual([]);
        await expect(stat(path.join(path.dirname(dir), 'escape-d.txt'))).rejects.toThrow();
      });

      it('reports progress after every document, up to the total', async () => {
        const dir = await out();
        const seen: { done: number; total: number; failed: number }[] = [];
        await batch.runBatch([...ids(24), 'fail-x'], {
          renderer: FIXTURE_RENDERER,
          outDir: dir,
          workers,
          onProgress: (p) => seen.push({ done: p.done, total: p.total, failed: p.failed }),
        });
        expect(seen.map((p) => p.done)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
        expect(seen.every((p) => p.total === 25)).toBe(true);
        expect(seen.at(-1)?.failed).toBe(1);
      });

      it('rejects with the renderer’s French error when it cannot start, writing nothing', async () => {
        const dir = await out();
        await expect(
          batch.runBatch(ids(25), { renderer: FIXTURE_RENDERER, outDir: dir, workers, setup: { failInit: true } }),
        ).rejects.toThrow('données invalides : test');
        expect(await listFiles(dir)).toEqual([]);
      });
    });
  }

  it('survives a worker that dies: the document is reported, the others are written', async () => {
    const dir = await out();
    const jobs = [...ids(10), 'crash-a', ...ids(15, 'after')];
    const result = await batch.runBatch(jobs, { renderer: FIXTURE_RENDERER, outDir: dir, workers: 2 });
    expect(result.status).toBe(2);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.id).toBe('crash-a');
    expect(result.failures[0]?.message).toMatch(/^le rendu de ce document a interrompu son processus de travail/);
    expect((await listFiles(dir)).filter((f) => f.endsWith('.txt'))).toHaveLength(25);
  });

  it('sends the jobs queued behind a crash to another worker: only the crashing one is lost', async () => {
    const dir = await out();
    // One worker, jobs sent two ahead: « after-000 » waits in the queue of the worker that dies.
    const jobs = ['before', 'crash-b', ...ids(3, 'after')];
    const result = await batch.runBatch(jobs, { renderer: FIXTURE_RENDERER, outDir: dir, workers: 1 });
    expect(batch.JOBS_IN_FLIGHT).toBeGreaterThan(1);
    expect(result.failures.map((f) => f.id)).toEqual(['crash-b']);
    expect((await listFiles(dir)).filter((f) => f.endsWith('.txt'))).toEqual(['docs/after-000.txt', 'docs/after-001.txt', 'docs/after-002.txt', 'docs/before.txt']);
  });

  it('adopts workers started before the setup is known, and releases those it does not use', async () => {
    const dir = await out();
    const jobs = ids(24);
    // Three started, two used: the third is stopped; setup reaches the adopted workers late.
    const started = batch.startWorkers({ renderer: FIXTURE_RENDERER, workers: 3 });
    const result = await batch.runBatch(jobs, { renderer: FIXTURE_RENDERER, outDir: dir, workers: 2, setup: { size: 10 }, started });
    expect(result.status).toBe(0);
    expect(result.workers).toBe(2);
    expect(await listFiles(dir)).toEqual(jobs.flatMap((id) => [`docs/${id}.bin`, `docs/${id}.txt`]).sort());
    expect((await readFile(path.join(dir, 'docs/doc-003.bin'))).length).toBe(10);
    expect(started.take()).toBeUndefined();
  });

  it('reports a started worker’s init failure like any other, and disposing unused started workers is harmless', async () => {
    const dir = await out();
    const started = batch.startWorkers({ renderer: FIXTURE_RENDERER, workers: 2 });
    await expect(batch.runBatch(ids(25), { renderer: FIXTURE_RENDERER, outDir: dir, workers: 2, setup: { failInit: true }, started })).rejects.toThrow('données invalides : test');
    const unused = batch.startWorkers({ renderer: FIXTURE_RENDERER, workers: 2 });
    await unused.dispose();
    await unused.dispose();
    expect(unused.take()).toBeUndefined();
  });

  it('uses workers only for batches large enough to gain from them', () => {
    expect(batch.autoWorkers(1, 2)).toBe(0);
    expect(batch.autoWorkers(batch.PARALLEL_THRESHOLD, 2)).toBe(0);
    expect(batch.autoWorkers(batch.PARALLEL_THRESHOLD + 1, 2)).toBe(2);
    expect(batch.autoWorkers(1000, 2)).toBe(2);
    expect(batch.autoWorkers(1000, 1)).toBe(0);
    expect(batch.autoWorkers(1000, 8)).toBe(8);
  });
});

describe('prepareOutDir', () => {
  it('refuses a folder under a regular file with a French message naming it', async () => {
    const dir = await out();
    await writeFile(path.join(dir, 'fichier'), 'x');
    const target = path.join(dir, 'fichier', 'sortie');
    await expect(batch.prepareOutDir(target)).rejects.toThrow(
      `dossier de sortie inutilisable : ${target} (un élément du chemin est un fichier, pas un dossier)`,
    );
  });

  it('removes temp files left by a dead run, keeps those of a live one and every real file', async () => {
    const dir = await out();
    await mkdir(path.join(dir, 'conventions'));
    // The naming of src/io/atomic.ts: `.convkit-tmp-<pid>-<n>-<name>`.
    const dead = path.join(dir, 'conventions', '.convkit-tmp-999999999-3-caf-21.pdf');
    const live = path.join(dir, 'conventions', `.convkit-tmp-${process.pid}-1-caf-21.docx`);
    expect(batch.isTempName(path.basename(dead))).toBe(true);
    expect(batch.tempTarget(path.basename(dead))).toBe('caf-21.pdf');
    expect(batch.isTempName('.gitignore')).toBe(false);
    expect(batch.isTempName('caf-21.pdf')).toBe(false);
    await writeFile(dead, 'partiel');
    await writeFile(live, 'en cours');
    await writeFile(path.join(dir, 'conventions', 'caf-21.pdf'), 'bon');
    await batch.prepareOutDir(dir);
    expect(await listFiles(dir)).toEqual([`conventions/${path.basename(live)}`, 'conventions/caf-21.pdf'].sort());
  });
});

describe('writeFileAtomic', () => {
  it('writes through a temporary file named as convkit’s (so that a killed run’s leftovers are recognised)', async () => {
    const dir = await out();
    const target = path.join(dir, 'a.pdf');
    const { watch } = await import('node:fs');
    const seen: string[] = [];
    const watcher = watch(dir, (_event, name) => name && seen.push(String(name)));
    await batch.writeFileAtomic(target, new Uint8Array(200_000));
    await new Promise((r) => setTimeout(r, 50));
    watcher.close();
    const temps = seen.filter((n) => n !== 'a.pdf');
    expect(temps.length).toBeGreaterThan(0);
    for (const t of temps) {
      expect(batch.isTempName(t)).toBe(true);
      expect(batch.tempTarget(t)).toBe('a.pdf');
    }
  });

  it('replaces the content whole and leaves the old file when the write fails', async () => {
    const dir = await out();
    const target = path.join(dir, 'a.pdf');
    await batch.writeFileAtomic(target, new TextEncoder().encode('v1'));
    await batch.writeFileAtomic(target, new TextEncoder().encode('v2'));
    expect(await readFile(target, 'utf8')).toBe('v2');
    await mkdir(path.join(dir, 'b.pdf'));
    await expect(batch.writeFileAtomic(path.join(dir, 'b.pdf'), new Uint8Array(3))).rejects.toThrow();
    expect(await listFiles(dir)).toEqual(['a.pdf']);
  });
});

describe('safeOutputPath', () => {
  it.each(['../x.pdf', 'conventions/../../x.pdf', '/etc/passwd', 'a//b.pdf', '', 'a/./b', 'a\\..\\..\\b'])('refuses « %s »', (rel) => {
    expect(() => batch.safeOutputPath('/tmp/out', rel)).toThrow(/chemin de sortie refusé/);
  });
  it('accepts a plain relative path', () => {
    expect(batch.safeOutputPath('/tmp/out', 'conventions/caf-21.pdf')).toBe('/tmp/out/conventions/caf-21.pdf');
  });
});
