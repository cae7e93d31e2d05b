// Whether dist/cli.bundle.cjs (scripts/bundle-cli.mjs) was made from the current dist/: tsc
// rewrites every file of dist/ at each run, so dist/cli/index.js dates the compiled code, and
// dist/cli.bundle.json records what the bundle was made from. Shared by the launcher
// (bin/convkit.js), the tests' build step and the bench's, so that all three agree.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The bundle's record when the bundle is current (its bytes and the compiled code it was made
 * from unchanged), else undefined. Dates are compared to the millisecond: a copy that keeps
 * dates (cp -a, fs.cpSync) may round below it.
 */
export function currentBundle(dist) {
  try {
    const meta = JSON.parse(readFileSync(path.join(dist, 'cli.bundle.json'), 'utf8'));
    const bundle = statSync(path.join(dist, 'cli.bundle.cjs'));
    const same = (a, b) => typeof a === 'number' && Math.abs(a - b) < 1;
    const current =
      meta.bundleSize === bundle.size && same(meta.bundleMtimeMs, bundle.mtimeMs) && same(meta.distMtimeMs, statSync(path.join(dist, 'cli', 'index.js')).mtimeMs);
    return current ? meta : undefined;
  } catch {
    return undefined;
  }
}
