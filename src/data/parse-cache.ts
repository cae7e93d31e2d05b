import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodeRecord } from './yaml-source.js';

/**
 * The parse cache: what the YAML parser made of a data file's text (the plain data and the node
 * records that locate its values), kept between commands so that the next `validate`,
 * `generate` or `serve` on unchanged files skips the parser, the largest part of a cold command
 * on the bundled data (docs/bench.md). Only a successful parse is kept: a file with a YAML
 * problem is parsed again each time, and every check (schema, cross-references, warnings) runs
 * on every command whatever the cache holds.
 *
 * One file per text, named by the SHA-256 of the text, under
 * `node_modules/.cache/convkit/yaml-<key>/` of the installation, where `<key>` identifies the
 * code that made the entries (the yaml library's version and convkit's parsing modules): a
 * change of either starts an empty folder (the newest few are kept, older ones removed). Entries are written
 * atomically (temporary file, then rename); an entry that cannot be read or does not have the
 * expected shape is a miss. When the folder cannot be written (read-only installation) the
 * cache is simply not used. `CONVKIT_CACHE=off` turns it off.
 */

/** Entries kept at most; beyond, the oldest quarter (by modification time) is removed. */
const MAX_ENTRIES = 2000;
/** Folders of code versions kept, this one included. */
const KEPT_VERSIONS = 4;

export interface CachedParse {
  readonly data: unknown;
  readonly nodes: readonly NodeRecord[];
}

/** The cache folder of this code version, whether it was made in this process, its entry count once known. */
interface CacheState {
  readonly dir: string;
  created: boolean;
  count?: number;
}

/** undefined: not looked at yet; null: no cache (off, or its folder cannot be known). */
let state: CacheState | null | undefined;

function cacheState(): CacheState | null {
  if (state !== undefined) return state;
  if (process.env.CONVKIT_CACHE === 'off') return (state = null);
  try {
    const here = fileURLToPath(import.meta.url);
    const hash = createHash('sha256');
    const require = createRequire(import.meta.url);
    hash.update(String((require('yaml/package.json') as { version?: unknown }).version));
    // The modules that decide what an entry holds: a change to any of them is a new cache.
    // (`.js` in dist/, `.ts` when the tests run the sources.)
    for (const name of ['parse-cache', 'yaml-source']) hash.update(readFileSync(path.join(path.dirname(here), `${name}${path.extname(here)}`)));
    const root = path.resolve(path.dirname(here), '..', '..', 'node_modules', '.cache', 'convkit');
    state = { dir: path.join(root, `yaml-${hash.digest('hex').slice(0, 16)}`), created: false };
  } catch {
    state = null;
  }
  return state;
}

function entryPath(dir: string, text: string): string {
  return path.join(dir, `${createHash('sha256').update(text).digest('hex')}.json`);
}

/** The file that holds (or would hold) the parse of `text`; undefined when the cache is off. */
export function parseCacheEntry(text: string): string | undefined {
  const s = cacheState();
  return s ? entryPath(s.dir, text) : undefined;
}

/** The cached parse of `text`, or undefined (not cached, unreadable, cache off). */
export function cachedParse(text: string): CachedParse | undefined {
  const s = cacheState();
  if (!s) return undefined;
  let entry: unknown;
  try {
    entry = JSON.parse(readFileSync(entryPath(s.dir, text), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof entry !== 'object' || entry === null || !('nodes' in entry) || !('data' in entry) || !Array.isArray(entry.nodes)) return undefined;
  if (!entry.nodes.every((n) => Array.isArray(n) && typeof n[0] === 'number')) return undefined;
  return { data: entry.data, nodes: entry.nodes as NodeRecord[] };
}

/**
 * Keeps the parse of `text`, when its data survives JSON unchanged (plain maps, lists, texts,
 * finite numbers, booleans, null): a value JSON cannot hold (`.inf`, `-0`) is not cached.
 */
export function storeParse(text: string, entry: CachedParse): void {
  const s = cacheState();
  if (!s) return;
  try {
    // (Inside the try: a value nested deep enough to exhaust the stack is simply not kept.)
    if (!plainJson(entry.data)) return;
    if (!s.created) {
      mkdirSync(s.dir, { recursive: true });
      s.created = true;
      // Folders of older code versions are dead weight: keep the newest few (the tests, which
      // run the sources, and the built CLI use two at once).
      const root = path.dirname(s.dir);
      const others = readdirSync(root)
        .filter((name) => name.startsWith('yaml-') && path.join(root, name) !== s.dir)
        .map((name) => ({ name, time: statSync(path.join(root, name)).mtimeMs }))
        .sort((a, b) => b.time - a.time);
      for (const old of others.slice(KEPT_VERSIONS - 1)) rmSync(path.join(root, old.name), { recursive: true, force: true });
    }
    const target = entryPath(s.dir, text);
    const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(temp, JSON.stringify({ data: entry.data, nodes: entry.nodes }));
    renameSync(temp, target);
    s.count = (s.count ?? readdirSync(s.dir).length) + 1;
    if (s.count > MAX_ENTRIES) s.count = prune(s.dir);
  } catch {
    // A cache that cannot be written is a cache not used; nothing else depends on it.
  }
}

/** Removes the oldest quarter of the entries; returns how many are left. */
function prune(dir: string): number {
  const entries = readdirSync(dir)
    .map((name) => {
      try {
        return { name, time: statSync(path.join(dir, name)).mtimeMs };
      } catch {
        return undefined;
      }
    })
    .filter((e): e is { name: string; time: number } => e !== undefined)
    .sort((a, b) => a.time - b.time);
  const drop = entries.slice(0, Math.ceil(entries.length / 4));
  for (const e of drop) {
    try {
      unlinkSync(path.join(dir, e.name));
    } catch {
      // Removed meanwhile by another process.
    }
  }
  return entries.length - drop.length;
}

function plainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(plainJson);
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v as object).every(plainJson);
  return false;
}
