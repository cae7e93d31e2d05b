/**
 * Cold start (issue 10): bin/convkit.js runs dist/cli.bundle.cjs (one file, with a V8 code
 * cache) when it is current. The bundle must be the same program as the modules of dist/:
 * the same messages, the same exit statuses, the same bytes written, the same lint findings
 * (PDF included: pdf.js is loaded through the launcher's import()). Each comparison runs the
 * CLI twice, bundled and with CONVKIT_BUNDLE=off.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA, ensureBuilt, removeTemps, ROOT, runCli, tempDir } from '../robustness/helpers.js';

beforeAll(() => ensureBuilt(), 300_000);
afterAll(removeTemps);

const OFF = { CONVKIT_BUNDLE: 'off' };

/** Every file under `dir`, relative, sorted. */
function filesOf(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('the bundled CLI', () => {
  it('is ASCII-only (the launcher reads it as Latin-1): regular expressions and comments escaped, nothing left raw', () => {
    const bytes = readFileSync(path.join(ROOT, 'dist', 'cli.bundle.cjs'));
    const raw = bytes.findIndex((b) => b > 0x7f);
    expect(raw, raw < 0 ? '' : bytes.subarray(Math.max(0, raw - 60), raw + 20).toString('utf8')).toBe(-1);
    expect(JSON.parse(readFileSync(path.join(ROOT, 'dist', 'cli.bundle.json'), 'utf8')).encoding).toBe('latin1');
    // The French letters of the linter's regular expressions are there as escapes; the tests below
    // check that the bundle behaves as the modules (messages, bytes, lint findings).
    expect(bytes.toString('latin1')).toMatch(/\\u00e0/);
  });

  it('runs from the bundle with the code cache of the command accepted by V8', () => {
    for (const [args, cache] of [[['validate'], 'validate'], [['generate', '--help'], 'generate'], [['lint', '--help'], 'session'], [['--help'], 'help']] as const) {
      const r = runCli(args, { env: { CONVKIT_BUNDLE: 'diagnose' } });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr, args.join(' ')).toContain(`lot unique ${path.join(ROOT, 'dist', 'cli.bundle.cjs')}, cache de code « ${cache} » accepté`);
    }
    // Turned off, the launcher says nothing of a bundle: the modules of dist/ ran.
    expect(runCli(['validate'], { env: OFF }).stderr).not.toContain('lot unique');
  });

  it('validate: the same report and status, on valid data and on data it refuses', () => {
    const ok = [runCli(['validate']), runCli(['validate'], { env: OFF })];
    expect(ok[0]).toEqual(ok[1]);
    expect(ok[0]!.stdout).toMatch(/0 erreur, \d+ avertissements/);

    const data = path.join(tempDir('convkit-bundle-'), 'data');
    cpSync(BUNDLED_DATA, data, { recursive: true });
    const file = path.join(data, 'partners', 'caf-21.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.set('gender', 'x');
    writeFileSync(file, doc.toString());
    const bad = [runCli(['validate', '--data', data]), runCli(['validate', '--data', data], { env: OFF })];
    expect(bad[0]!.status).not.toBe(0);
    expect(bad[0]!.stdout + bad[0]!.stderr).toContain('caf-21.yaml:');
    expect(bad[0]).toEqual(bad[1]);
  });

  it('generate writes byte-identical DOCX and PDF files, and lint reads them alike (PDF through pdf.js)', () => {
    const base = tempDir('convkit-bundle-');
    const outs = [path.join(base, 'bundle'), path.join(base, 'modules')];
    const runs = [runCli(['generate', '--out', outs[0]!]), runCli(['generate', '--out', outs[1]!], { env: OFF })];
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    const files = filesOf(outs[0]!);
    expect(files.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(5);
    expect(filesOf(outs[1]!)).toEqual(files);
    for (const f of files) expect(Buffer.compare(readFileSync(path.join(outs[0]!, f)), readFileSync(path.join(outs[1]!, f))), f).toBe(0);

    const targets = files.filter((f) => /\.(docx|pdf)$/.test(f)).map((f) => path.join(outs[0]!, f));
    const lints = [runCli(['lint', ...targets, '--format', 'json']), runCli(['lint', ...targets, '--format', 'json'], { env: OFF })];
    expect(lints[0]!.status, lints[0]!.stderr).toBe(0);
    expect(lints[0]!.stdout).toBe(lints[1]!.stdout);
    const findings = (JSON.parse(lints[0]!.stdout) as { messages: { severity: number }[] }[]).flatMap((f) => f.messages);
    // Generated documents lint clean: no warning (1) nor error (2), infos (3) only.
    expect(findings.filter((m) => m.severity === 1 || m.severity === 2)).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
  });

  it('a bundle older than the compiled modules is not run (after a `tsc` alone, the modules run)', () => {
    // A copy of the package with its dates, then dist/ « recompiled »: dist/cli/index.js newer.
    const copy = tempDir('convkit-bundle-copy-');
    for (const part of ['bin', 'dist', 'package.json']) cpSync(path.join(ROOT, part), path.join(copy, part), { recursive: true, preserveTimestamps: true });
    for (const part of ['node_modules', 'data', 'templates', 'assets']) symlinkSync(path.join(ROOT, part), path.join(copy, part));
    const run = (): { status: number | null; stderr: string } =>
      spawnSync(process.execPath, [path.join(copy, 'bin', 'convkit.js'), 'validate'], { cwd: copy, encoding: 'utf8', env: { ...process.env, CONVKIT_BUNDLE: 'diagnose' } });
    expect(run().stderr).toContain('cache de code « validate » accepté');
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(copy, 'dist', 'cli', 'index.js'), later, later);
    const stale = run();
    expect(stale.status, stale.stderr).toBe(0);
    expect(stale.stderr).not.toContain('lot unique');
  });
});
