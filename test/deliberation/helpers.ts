import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const DATA_DIR = path.resolve('data');
export const DELIBERATION_FILE = path.join(DATA_DIR, 'deliberations', '2014-06-26.yaml');

/** The 2014 deliberation file as text. */
export async function deliberationText(): Promise<string> {
  return readFile(DELIBERATION_FILE, 'utf8');
}

/** Replaces `from` (which must occur exactly once) by `to`. */
export function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0 || text.indexOf(from, first + 1) >= 0) throw new Error(`« ${from} » must occur exactly once`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}

/** 1-based line of the (unique) line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`« ${needle} » found on ${hits.length} lines`);
  return hits[0] ?? 0;
}

const made: string[] = [];

/** Removes the temp folders made by `dataCopyWith` (call from `afterAll`). */
export async function removeCopies(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** A full copy of data/ in a temp folder whose deliberation file is `text`. */
export async function dataCopyWith(text: string): Promise<{ dataDir: string; file: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'convkit-delib-'));
  made.push(root);
  const dataDir = path.join(root, 'data');
  await cp(DATA_DIR, dataDir, { recursive: true });
  const file = path.join(dataDir, 'deliberations', '2014-06-26.yaml');
  await writeFile(file, text);
  return { dataDir, file };
}
