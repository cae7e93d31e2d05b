// The bench runs the compiled code (dist/): rebuild when any source is newer than its output.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { currentBundle } from '../../bin/bundle-state.js';

function stale(root) {
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (walk(full)) return true;
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const out = path.join(root, 'dist', path.relative(path.join(root, 'src'), full)).replace(/\.ts$/, '.js');
        try {
          if (statSync(full).mtimeMs > statSync(out).mtimeMs) return true;
        } catch {
          return true;
        }
      }
    }
    return false;
  };
  return walk(path.join(root, 'src'));
}

/** The build-time steps of `npm run build` after tsc: precompiled templates, precomputed DOCX package templates. */
function precompile(root) {
  for (const script of ['precompile-templates.mjs', 'precompute-docx-templates.mjs']) run(root, script);
}

function run(root, script) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', script)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${script} en échec`);
}

/**
 * True when dist/cli.bundle.cjs (what bin/convkit.js runs) was not made from the current dist/:
 * bin/convkit.js would then run the modules, and the cold figures would not be those of a
 * built package (the same check as the launcher's and test/robustness/build.ts').
 */
function bundleStale(root) {
  const meta = currentBundle(path.join(root, 'dist'));
  return meta?.cacheSizes === undefined || meta.node !== process.version;
}

/** Compiles src/ to dist/ when stale, then runs the build-time steps (always: they are cheap); returns whether it built. */
export function ensureBuilt(root) {
  const compile = stale(root);
  if (compile) {
    process.stderr.write('bench : compilation (npm run build)…\n');
    spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  precompile(root);
  if (compile) run(root, 'precompute-font-tables.mjs');
  if (bundleStale(root)) {
    process.stderr.write('bench : assemblage de la ligne de commande (scripts/bundle-cli.mjs)…\n');
    run(root, 'bundle-cli.mjs');
  }
  return compile;
}
