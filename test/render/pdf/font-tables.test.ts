/**
 * Build-time font tables (issue 10): a PDF run whose text stays within the tables never loads
 * fontkit, and writes the same bytes as a run that reads the fonts with fontkit.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFontTables } from '../../../src/render/pdf/font-tables.js';
import { fontTablesPath } from '../../../src/render/pdf/fonts.js';
import { removeTempCopies, setIn, tempDataCopy } from '../../data/fixture.js';
import { ensureBuilt, removeTemps, ROOT, tempDir } from '../../robustness/helpers.js';

beforeAll(() => {
  ensureBuilt();
  const pre = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'precompute-font-tables.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (pre.status !== 0) throw new Error(`precompute-font-tables.mjs en échec : ${pre.stderr}`);
}, 180_000);
afterAll(() => {
  removeTemps();
  removeTempCopies();
});

/** Every file under `dir`, relative path → bytes. */
function files(dir: string): Map<string, Buffer> {
  const all = new Map<string, Buffer>();
  for (const sub of readdirSync(dir)) for (const f of readdirSync(path.join(dir, sub))) all.set(`${sub}/${f}`, readFileSync(path.join(dir, sub, f)));
  return all;
}

/** `convkit generate` of `data` with or without the tables, recording what it loads. */
function generate(data: string, tables: boolean): { out: string; modules: string[] } {
  const out = tempDir('convkit-font-tables-');
  const log = path.join(out, '..', `${path.basename(out)}-loads.txt`);
  const env = { ...process.env, CI: '1', CONVKIT_RECORD_LOADS: log, CONVKIT_FONT_TABLES: tables ? 'on' : 'off' };
  const r = spawnSync(process.execPath, ['--import', path.join(ROOT, 'scripts', 'record-loads.mjs'), path.join(ROOT, 'bin', 'convkit.js'), 'generate', '--data', data, '--out', out, '--format', 'pdf'], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return { out, modules: readFileSync(log, 'utf8').split('\n').filter((l) => l !== '') };
}

const fontkitIn = (modules: readonly string[]): boolean => modules.some((m) => m.includes('fontkit'));

describe('build-time font tables', () => {
  it('hold what fontkit reads from the fonts (the file the build wrote is up to date)', async () => {
    expect(readFileSync(fontTablesPath(), 'utf8')).toBe(await buildFontTables());
  }, 120_000);

  it('the bundled set: same PDF bytes with and without them, and fontkit stays unloaded with them', () => {
    const data = path.join(ROOT, 'data');
    const withTables = generate(data, true);
    const withFontkit = generate(data, false);
    expect(fontkitIn(withTables.modules)).toBe(false);
    expect(fontkitIn(withFontkit.modules)).toBe(true);
    const a = files(withTables.out);
    const b = files(withFontkit.out);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a.size).toBeGreaterThan(10);
    for (const [name, bytes] of a) expect(Buffer.compare(bytes, b.get(name) as Buffer), name).toBe(0);
  }, 240_000);

  it('a name with letters outside the shared subset: fontkit subsets them, the bytes agree', () => {
    const { data } = tempDataCopy();
    // « ő » and « ł » are in the font but not in the shared French repertoire.
    setIn(data, 'people/compas-tis.yaml', ['people', 0, 'lastName'], 'SZŐKE-WAŁĘSA');
    const withTables = generate(data, true);
    const withFontkit = generate(data, false);
    expect(fontkitIn(withTables.modules)).toBe(true);
    const a = files(withTables.out);
    const b = files(withFontkit.out);
    expect(a.size).toBe(b.size);
    for (const [name, bytes] of a) expect(Buffer.compare(bytes, b.get(name) as Buffer), name).toBe(0);
  }, 240_000);
});
