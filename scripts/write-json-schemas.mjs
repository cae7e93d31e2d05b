#!/usr/bin/env node
// Writes schemas/<name>.schema.json from the zod schemas, through the compiled dist/ (run
// `npm run build` first). With --check, writes nothing and exits 1 when a committed schema is
// missing, stale or extra. The data files point at these with their yaml-language-server modeline.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'schemas');
const check = process.argv.includes('--check');

let texts;
try {
  ({ dataFileJsonSchemaTexts: texts } = await import('../dist/data/json-schema.js'));
} catch (error) {
  console.error(`write-json-schemas : dist/ introuvable ou invalide, lancez d'abord « npm run build » (${error.message})`);
  process.exit(2);
}
const wanted = texts();
const present = (await readdir(outDir).catch(() => [])).filter((f) => f.endsWith('.schema.json'));

const stale = [];
for (const [name, text] of wanted) {
  const file = path.join(outDir, name);
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === text) continue;
  stale.push(name);
  if (!check) {
    await mkdir(outDir, { recursive: true });
    await writeFile(file, text);
  }
}
const extra = present.filter((f) => !wanted.has(f));
if (!check) for (const f of extra) await rm(path.join(outDir, f));

if (check) {
  if (stale.length + extra.length > 0) {
    console.error(`schemas/ n'est pas à jour : ${[...stale, ...extra.map((f) => `${f} (en trop)`)].join(', ')}`);
    console.error('Régénérez : npm run build && node scripts/write-json-schemas.mjs');
    process.exit(1);
  }
  console.log(`schemas/ à jour (${wanted.size} fichiers)`);
} else {
  console.log(`schemas/ : ${wanted.size} fichiers, ${stale.length} réécrits, ${extra.length} supprimés`);
}
