/**
 * Cold start (issue 10): what a command loads, recorded by scripts/record-loads.mjs (an ESM
 * loader hook plus `require.cache` at exit). `--help` and `validate` must not load the PDF
 * stack, docx or the linter; a DOCX-only `generate` must not load the PDF stack. This tests
 * what is loaded, not how long it takes (speed is measured by `npm run bench -- cold`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/load.js';
import { buildDocuments } from '../../src/generate/index.js';
import { renderDocxWithLibrary } from '../../src/render/docx.js';
import { ensureBuilt, removeTemps, ROOT, tempDir } from '../robustness/helpers.js';

const RECORDER = path.join(ROOT, 'scripts', 'record-loads.mjs');

/** Runs the built CLI and returns its exit status and the loaded modules (paths under ROOT). */
function loadsOf(args: readonly string[], extraEnv: Record<string, string> = {}): { status: number | null; stderr: string; modules: string[] } {
  const log = path.join(tempDir('convkit-loads-'), 'loads.txt');
  const r = spawnSync(process.execPath, ['--import', RECORDER, path.join(ROOT, 'bin', 'convkit.js'), ...args], {
    cwd: ROOT,
    // The modules of dist/ as they are: the bundle (test/cli/bundle.test.ts) hides what it loads.
    env: { ...process.env, CI: '1', CONVKIT_RECORD_LOADS: log, CONVKIT_BUNDLE: 'off', ...extraEnv },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const urls = readFileSync(log, 'utf8').split('\n').filter((l) => l !== '');
  const modules = [...new Set(urls.map((u) => path.relative(ROOT, new URL(u).pathname).split(path.sep).join('/')))].sort();
  return { status: r.status, stderr: r.stderr, modules };
}

/** The heavy parts, by the path of a module that belongs to them. */
const HEAVY = {
  'pdf-lib': /^node_modules\/pdf-lib\//,
  '@pdf-lib/*': /^node_modules\/@pdf-lib\//,
  fontkit: /fontkit/,
  docx: /^node_modules\/docx\//,
  'the PDF renderer': /^dist\/render\/pdf\//,
  'the DOCX renderer': /^dist\/render\/docx/,
  'the linter (runner)': /^dist\/lint\/runner\.js$/,
  'the linter (rules)': /^dist\/lint\/rules\//,
} as const;
type Heavy = keyof typeof HEAVY;

function loaded(modules: readonly string[], part: Heavy): string[] {
  return modules.filter((m) => HEAVY[part].test(m));
}

let out: string;
beforeAll(() => {
  ensureBuilt();
  // The other steps of `npm run build` (ensureBuilt runs tsc only): precompiled templates and
  // precomputed DOCX package templates and font tables.
  for (const script of ['precompile-templates.mjs', 'precompute-docx-templates.mjs', 'precompute-font-tables.mjs']) {
    const pre = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script)], { cwd: ROOT, encoding: 'utf8' });
    if (pre.status !== 0) throw new Error(`${script} en échec : ${pre.stderr}`);
  }
  out = tempDir('convkit-loads-out-');
}, 180_000);
afterAll(removeTemps);

describe('lazy command modules', () => {
  it('`convkit --help` loads yargs and the command descriptors only', () => {
    const r = loadsOf(['--help']);
    expect(r.status).toBe(0);
    // The recorder sees the CLI itself and yargs: an empty record cannot pass.
    expect(r.modules).toContain('dist/cli/index.js');
    expect(r.modules.some((m) => m.startsWith('node_modules/yargs/'))).toBe(true);
    for (const part of Object.keys(HEAVY) as Heavy[]) expect(loaded(r.modules, part), part).toEqual([]);
    // Nor the data stack.
    expect(r.modules.filter((m) => /^node_modules\/(zod|yaml|handlebars)\//.test(m))).toEqual([]);
  });

  it('`convkit validate` loads the schema and the YAML reader, not the renderers nor the linter', () => {
    const r = loadsOf(['validate']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.modules).toContain('dist/data/load.js');
    expect(r.modules.some((m) => m.startsWith('node_modules/zod/'))).toBe(true);
    for (const part of Object.keys(HEAVY) as Heavy[]) expect(loaded(r.modules, part), part).toEqual([]);
  });

  it('a DOCX-only `generate` loads neither the PDF stack, the docx library nor the linter, and writes the reference bytes', async () => {
    const r = loadsOf(['generate', '--only', 'carsat-bfc', '--format', 'docx', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.modules).toContain('dist/render/docx.js');
    // The package templates were precomputed at build time: the docx library stays unloaded…
    expect(r.modules).toContain('dist/render/docx-templates.js');
    expect(loaded(r.modules, 'docx')).toEqual([]);
    // …and the file is byte for byte what the docx library itself writes for that convention.
    const [built] = await buildDocuments(await loadDataset(path.join(ROOT, 'data')), { only: ['carsat-bfc'] });
    expect(built!.plan.kind).toBe('convention');
    const reference = await renderDocxWithLibrary(built!.document);
    expect(Buffer.compare(readFileSync(path.join(out, 'conventions', 'carsat-bfc.docx')), Buffer.from(reference))).toBe(0);
    for (const part of ['pdf-lib', '@pdf-lib/*', 'fontkit', 'the PDF renderer', 'the linter (runner)', 'the linter (rules)'] as const) {
      expect(loaded(r.modules, part), part).toEqual([]);
    }
    // The bundled templates come precompiled: the Handlebars runtime, not its compiler.
    expect(r.modules).toContain('dist/template/precompiled.js');
    expect(r.modules.some((m) => m.startsWith('node_modules/handlebars/'))).toBe(true);
    expect(r.modules.filter((m) => /^node_modules\/handlebars\/.*\/compiler\//.test(m))).toEqual([]);
  });

  it('a PDF `generate` loads pdf-lib (the record sees CommonJS packages) but not fontkit: the font tables were precomputed', () => {
    const r = loadsOf(['generate', '--only', 'carsat-bfc', '--format', 'pdf', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(loaded(r.modules, 'pdf-lib').length).toBeGreaterThan(0);
    expect(r.modules).toContain('dist/render/pdf/fonts.js');
    expect(loaded(r.modules, 'fontkit')).toEqual([]);
    expect(loaded(r.modules, 'docx')).toEqual([]);
    // Without the tables, the same run reads the fonts with fontkit (test/render/pdf/font-tables.test.ts
    // checks that both write the same bytes).
    const without = loadsOf(['generate', '--only', 'carsat-bfc', '--format', 'pdf', '--out', out], { CONVKIT_FONT_TABLES: 'off' });
    expect(without.status, without.stderr).toBe(0);
    expect(loaded(without.modules, 'fontkit').length).toBeGreaterThan(0);
  });

  it('`convkit lint` loads the linter when it runs, not before', () => {
    const help = loadsOf(['lint', '--help']);
    expect(help.status).toBe(0);
    expect(loaded(help.modules, 'the linter (rules)')).toEqual([]);
    const run = loadsOf(['lint', path.join(ROOT, 'test', 'fixtures', 'corpus-2014.txt'), '--format', 'json']);
    expect([0, 1]).toContain(run.status);
    expect(loaded(run.modules, 'the linter (rules)').length).toBeGreaterThan(0);
  });
});
