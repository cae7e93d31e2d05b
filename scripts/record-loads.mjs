// Records every module a Node process loads, to check what a command pulls in (issue 10:
// `convkit --help` must not load pdf-lib, fontkit, docx or the linter).
//
//   CONVKIT_RECORD_LOADS=/tmp/loads.txt node --import ./scripts/record-loads.mjs bin/convkit.js --help
//
// Appends one file URL per line: ES modules through a loader hook (run in the hooks thread),
// CommonJS modules from `require.cache` when the process exits (a `require` inside a CommonJS
// package does not go through the ESM hooks on Node 20).
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const out = process.env.CONVKIT_RECORD_LOADS;
if (out) {
  register(new URL('./record-loads-hooks.mjs', import.meta.url), { data: { out } });
  const cache = createRequire(import.meta.url).cache;
  process.on('exit', () => {
    const cjs = Object.keys(cache).map((f) => pathToFileURL(f).href);
    if (cjs.length > 0) appendFileSync(out, `${cjs.join('\n')}\n`);
  });
}
