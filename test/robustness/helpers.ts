/** Helpers of the hardening tests: run the CLI, check that output files are complete. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { ensureBuilt, ROOT } from './build.js';

export { ROOT, ensureBuilt };
export const CLI = path.join(ROOT, 'bin', 'convkit.js');
export const BUNDLED_DATA = path.join(ROOT, 'data');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/convkit.js …args` to completion (compiled code; build first). */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, CI: '1', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the CLI without waiting (to kill it halfway). */
export function startCli(args: readonly string[], options: { cwd?: string } = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, CI: '1' }, stdio: 'pipe' });
}

const made: string[] = [];
/** A fresh temporary folder (real path), removed by {@link removeTemps}. */
export function tempDir(prefix = 'convkit-robust-'): string {
  const d = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
  made.push(d);
  return d;
}
export function removeTemps(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Why a .docx is not a complete package (its zip central directory unreadable, a part missing), or undefined. */
export function docxDefect(file: string): string | undefined {
  try {
    const parts = unzipSync(readFileSync(file));
    for (const p of ['[Content_Types].xml', 'word/document.xml']) if (!parts[p]) return `partie ${p} absente`;
    return undefined;
  } catch (error) {
    return `zip illisible : ${error instanceof Error ? error.message : String(error)}`;
  }
}

export const hasQpdf = spawnSync('qpdf', ['--version'], { stdio: 'ignore' }).status === 0;

/** Why a .pdf is not complete (no final %%EOF, `qpdf --check` fails), or undefined. */
export function pdfDefect(file: string): string | undefined {
  const bytes = readFileSync(file);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return 'en-tête %PDF- absent';
  if (!/%%EOF\s*$/.test(bytes.subarray(Math.max(0, bytes.length - 32)).toString('latin1'))) return '%%EOF final absent';
  if (hasQpdf) {
    const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    // 0: no problem; 3: warnings only (qpdf's convention).
    if (r.status !== 0 && r.status !== 3) return `qpdf --check : ${r.stdout.split('\n').slice(-3).join(' ')}`;
  }
  return undefined;
}
