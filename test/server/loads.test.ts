/**
 * What `convkit serve` loads before it listens and before it can answer the overview, recorded
 * by scripts/record-loads.mjs (ESM loader hook plus `require.cache` at exit), on the built
 * modules the command runs. It listens with the HTTP layer alone; the overview needs the data
 * check (yaml, zod, schemas, checks) and the pages, never the renderers, the linter, the
 * template engine, the generator, the packet or the lifecycle modules: those load on first use.
 * This tests what is loaded, not how long it takes (npm run bench -- serve measures that).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, removeTemps, ROOT, tempDir } from '../robustness/helpers.js';

const RECORDER = path.join(ROOT, 'scripts', 'record-loads.mjs');

/** The modules (paths under ROOT) a fresh process loads to import `module` of dist/. */
function loadsOf(module: string): string[] {
  const log = path.join(tempDir('convkit-serve-loads-'), 'loads.txt');
  const url = pathToFileURL(path.join(ROOT, 'dist', module)).href;
  const r = spawnSync(process.execPath, ['--import', RECORDER, '--input-type=module', '-e', `await import(${JSON.stringify(url)});`], {
    cwd: ROOT,
    env: { ...process.env, CONVKIT_RECORD_LOADS: log },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const urls = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
  return [...new Set(urls.map((u) => path.relative(ROOT, new URL(u).pathname).split(path.sep).join('/')))].sort();
}

/** Loaded on first use only. */
const LATER: Readonly<Record<string, RegExp>> = {
  'pdf-lib': /^node_modules\/pdf-lib\//,
  '@pdf-lib/*': /^node_modules\/@pdf-lib\//,
  docx: /^node_modules\/docx\//,
  handlebars: /^node_modules\/handlebars\//,
  fflate: /^node_modules\/fflate\//,
  'the DOCX and PDF renderers': /^dist\/render\/(docx|pdf)/,
  // The data check (the single gate) reads names with the linter's lexicon of bodies
  // (src/data/checks/consistency.ts), and an avenant's base with the lifecycle's probe: those
  // few modules belong to the check; the linter's runner and rules do not.
  'the linter': /^dist\/lint\/(?!text\/(?:normalize|organisations)\.js$)/,
  'the template engine': /^dist\/template\//,
  'the generator': /^dist\/generate\//,
  'the packet': /^dist\/packet\//,
  'the lifecycle commands': /^dist\/lifecycle\/(?!base\.js$)/,
};

function offending(modules: readonly string[], parts: Readonly<Record<string, RegExp>>): string[] {
  return Object.entries(parts).flatMap(([name, re]) => modules.filter((m) => re.test(m)).map((m) => `${name} : ${m}`));
}

beforeAll(() => ensureBuilt(), 180_000);
afterAll(removeTemps);

describe('convkit serve: what it loads before the first page', () => {
  it('listens with the HTTP layer alone', () => {
    const modules = loadsOf('server/index.js');
    expect(modules).toContain('dist/server/http.js');
    expect(modules.filter((m) => m.startsWith('node_modules/') || (m.startsWith('dist/') && !m.startsWith('dist/server/http.js') && m !== 'dist/server/index.js'))).toEqual([]);
  }, 60_000);

  it('answers the overview with the data check and the pages, nothing of what documents need', () => {
    const modules = loadsOf('server/routes.js');
    // What the overview does need is there (so the recording works)…
    for (const m of ['dist/data/load.js', 'dist/server/pages.js', 'dist/schema/index.js']) expect(modules).toContain(m);
    expect(modules.some((m) => m.startsWith('node_modules/yaml/'))).toBe(true);
    // …and nothing that only documents, downloads, lint uploads or the packet need.
    expect(offending(modules, LATER)).toEqual([]);
  }, 60_000);
});
