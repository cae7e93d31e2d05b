// Build step (run by `npm run build` after tsc): the DOCX renderer's two package templates
// (with and without a running header) do not depend on the data; computing them here with the
// docx library means a run never loads that library (issue 10). Written atomically to
// dist/render/docx-templates.js; src/render/docx.ts checks its hash before using it.
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const target = fileURLToPath(new URL('../dist/render/docx-templates.js', import.meta.url));
const { precomputeDocxTemplates } = await import('../dist/render/docx.js');
const temp = `${target}.tmp-${process.pid}`;
writeFileSync(temp, await precomputeDocxTemplates());
renameSync(temp, target);
