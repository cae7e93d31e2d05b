/**
 * The parse cache (src/data/parse-cache.ts) must change nothing a clerk sees: the same report,
 * the same located messages and warnings, the same status, whether the cache is off, empty
 * (first run on new texts) or filled (the next run), on valid data and on data that validate
 * refuses, through the CLI as it is run.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA, ensureBuilt, removeTemps, ROOT, runCli, tempDir } from '../robustness/helpers.js';

beforeAll(() => ensureBuilt(), 300_000);
afterAll(removeTemps);

/** A copy of the bundled data whose texts the cache has never seen (a marker comment per file). */
function freshData(change?: (dir: string) => void): string {
  const dir = tempDir('convkit-parse-cache-');
  cpSync(BUNDLED_DATA, dir, { recursive: true });
  const marker = `# ${path.basename(dir)}\n`;
  for (const f of ['observatory.yaml', 'partners/caf-21.yaml', 'people/caf-21.yaml', 'deliberations/2014-06-26.yaml', 'signatories/quetigny.yaml']) {
    const file = path.join(dir, f);
    writeFileSync(file, marker + readFileSync(file, 'utf8'));
  }
  change?.(dir);
  return dir;
}

/**
 * Whether the CLI's parse cache holds an entry for this file's text: entries are named by the
 * text's SHA-256 in the folder of a code version (the built CLI's, not the sources').
 */
function cached(file: string): boolean {
  const root = path.join(ROOT, 'node_modules', '.cache', 'convkit');
  const name = `${createHash('sha256').update(readFileSync(file, 'utf8')).digest('hex')}.json`;
  return existsSync(root) && readdirSync(root).some((d) => existsSync(path.join(root, d, name)));
}

function threeRuns(args: readonly string[]): { off: ReturnType<typeof runCli>; first: ReturnType<typeof runCli>; second: ReturnType<typeof runCli> } {
  const off = runCli(args, { env: { CONVKIT_CACHE: 'off' } });
  const first = runCli(args);
  const second = runCli(args);
  return { off, first, second };
}

describe('the parse cache, through the CLI', () => {
  it('validate on valid data: the same warnings, located alike, with the cache off, empty and filled', () => {
    const dir = freshData();
    const marked = path.join(dir, 'deliberations', '2014-06-26.yaml');
    const off = runCli(['validate', '--data', dir], { env: { CONVKIT_CACHE: 'off' } });
    expect(cached(marked), 'CONVKIT_CACHE=off writes nothing').toBe(false);
    const first = runCli(['validate', '--data', dir]);
    expect(cached(marked), 'the first run keeps the parse').toBe(true);
    const second = runCli(['validate', '--data', dir]);
    expect(off.status, off.stderr).toBe(0);
    expect(off.stdout + off.stderr).toMatch(/avertissement/);
    for (const r of [first, second]) {
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(off.stdout);
      expect(r.stderr).toBe(off.stderr);
    }
  });

  it('validate on refused data (a wrong value, an unknown field, a broken reference): the same messages at the same places', () => {
    const dir = freshData((d) => {
      const partner = path.join(d, 'partners', 'caf-21.yaml');
      writeFileSync(partner, readFileSync(partner, 'utf8').replace(/^gender: .*$/m, 'gender: feminin').concat('\nunknownField: 1\n'));
      const people = path.join(d, 'people', 'caf-21.yaml');
      writeFileSync(people, readFileSync(people, 'utf8').replace(/organisation: [a-z0-9-]+/, 'organisation: nulle-part'));
    });
    const { off, first, second } = threeRuns(['validate', '--data', dir]);
    expect(off.status).toBe(2);
    const report = off.stdout + off.stderr;
    expect(report).toMatch(/partners\/caf-21\.yaml:\d+:\d+ : champ « gender »/);
    expect(report).toMatch(/unknownField/);
    for (const r of [first, second]) {
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).toBe(report);
    }
  });

  it('generate refuses with the same message whether the file was parsed or read from the cache', () => {
    const dir = freshData((d) => {
      const partner = path.join(d, 'partners', 'caf-21.yaml');
      writeFileSync(partner, readFileSync(partner, 'utf8').replace(/^gender: .*$/m, 'gender: feminin'));
    });
    const out = path.join(tempDir(), 'out');
    const { off, first, second } = threeRuns(['generate', '--data', dir, '--out', out, '--format', 'docx']);
    expect(off.status).toBe(2);
    for (const r of [first, second]) expect(r.stderr).toBe(off.stderr);
  });
});
