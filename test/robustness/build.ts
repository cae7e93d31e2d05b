/**
 * Tests that run the shipped code (worker threads cannot load TypeScript, the CLI runs from
 * dist/) call `ensureBuilt()` first: it runs the steps of `npm run build` (tsc, the
 * build-time tables) when any compiled file is missing or older than its source, and bundles
 * dist/ for bin/convkit.js when the bundle is not current, once, under a lock shared by
 * parallel test files. No test runs `npm run build` itself: test files run in parallel, and
 * a build rewriting dist/ under another file's running CLI made that file fail.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { currentBundle } from '../../bin/bundle-state.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCK = path.join(ROOT, 'node_modules', '.convkit-build-lock');

function stale(): boolean {
  const walk = (dir: string): boolean => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (walk(full)) return true;
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const out = path.join(ROOT, 'dist', path.relative(path.join(ROOT, 'src'), full)).replace(/\.ts$/, '.js');
        let built: number;
        try {
          built = statSync(out).mtimeMs;
        } catch {
          return true;
        }
        if (statSync(full).mtimeMs > built) return true;
      }
    }
    return false;
  };
  return walk(path.join(ROOT, 'src'));
}

/**
 * True when dist/cli.bundle.cjs, which bin/convkit.js runs, was not made from the current
 * dist/ (scripts/bundle-cli.mjs records what it was made from; the launcher checks the same).
 */
function bundleStale(): boolean {
  const meta = currentBundle(path.join(ROOT, 'dist'));
  return meta?.cacheSizes === undefined;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Compiles src/ to dist/ if needed (type errors elsewhere do not stop tsc from emitting). */
export function ensureBuilt(): void {
  if (!stale() && !bundleStale()) return;
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        // A lock older than 3 minutes belongs to a dead test run.
        if (Date.now() - statSync(LOCK).mtimeMs > 180_000) rmdirSync(LOCK);
      } catch {
        /* gone meanwhile */
      }
      if (Date.now() > deadline) throw new Error('build lock held for too long');
      sleep(200);
    }
  }
  try {
    if (stale()) {
      try {
        execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
          cwd: ROOT,
          stdio: 'pipe',
        });
      } catch {
        // tsc exits 1 on type errors but still emits; a missing emit shows up in the tests.
      }
      // The other build-time steps of `npm run build`, in its order: what they write depends
      // on the compiled code (precompiled templates, DOCX package templates, font tables).
      for (const script of ['precompile-templates.mjs', 'precompute-docx-templates.mjs', 'precompute-font-tables.mjs']) {
        execFileSync(process.execPath, [path.join(ROOT, 'scripts', script)], { cwd: ROOT, stdio: 'pipe' });
      }
    }
    // The CLI tests run bin/convkit.js, hence the bundle when it is current: make it so.
    if (bundleStale()) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'bundle-cli.mjs')], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    rmdirSync(LOCK);
  }
}
