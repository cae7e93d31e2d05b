// Build step (run by `npm run build` after tsc): precompiles the bundled templates/ into
// dist/template/precompiled.js, so that a run loads the Handlebars runtime only (issue 10).
// Written atomically (temporary file + rename). A template error stops the build with the
// same located French message a run would print.
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const target = fileURLToPath(new URL('../dist/template/precompiled.js', import.meta.url));
const { precompileTemplates } = await import('../dist/template/engine.js');
try {
  const source = await precompileTemplates();
  const temp = `${target}.tmp-${process.pid}`;
  writeFileSync(temp, source);
  renameSync(temp, target);
} catch (error) {
  process.stderr.write(`convkit (build) : ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
