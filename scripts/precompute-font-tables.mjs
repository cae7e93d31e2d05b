// Build step (run by `npm run build` after tsc): the fonts' descriptor values, cmaps with
// advances, and the shared subsets already compressed do not depend on the data; computing
// them here means a PDF run never loads fontkit while its text stays within the fonts' tables
// (issue 10). Written atomically to dist/render/pdf/font-tables.json; src/render/pdf/fonts.ts
// checks each face's font hash and fontkit's version before using it.
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

process.env.CONVKIT_FONT_TABLES = 'off';
const target = fileURLToPath(new URL('../dist/render/pdf/font-tables.json', import.meta.url));
const { buildFontTables } = await import('../dist/render/pdf/font-tables.js');
const temp = `${target}.tmp-${process.pid}`;
writeFileSync(temp, await buildFontTables());
renameSync(temp, target);
