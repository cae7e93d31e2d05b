import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT } from '../robustness/build.js';

export type BatchApi = typeof import('../../src/batch/index.js');

/**
 * The compiled batch library: worker threads load `dist/batch/worker-host.js`, and the errors a
 * renderer throws must be the same ConvkitError class the library checks.
 */
export async function loadBatch(): Promise<BatchApi> {
  ensureBuilt();
  return (await import(pathToFileURL(path.join(ROOT, 'dist', 'batch', 'index.js')).href)) as BatchApi;
}

export const FIXTURE_RENDERER = new URL('./fixtures/renderer.mjs', import.meta.url);

export async function tempDir(prefix = 'convkit-batch-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

/** Every file below `dir`, relative, sorted (hidden ones included). */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

export async function cleanup(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
