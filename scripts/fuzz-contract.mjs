#!/usr/bin/env node
// `npm run fuzz -- --runs N [--seed S] [--light]`: the property test of the contract between
// validate, generate, packet and lint (test/contract/property.test.ts) on N cases, each in full
// scope (every document, DOCX and PDF, and the packet) unless --light. Prints cases, seconds
// and the outcome; exit status 1 on a counterexample.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(option('runs') ?? 1000);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('fuzz : --runs attend un nombre entier de cas (ex. --runs 5000)');
  process.exit(2);
}
const seed = option('seed') ?? String(Date.now() % 2147483647);
const env = { ...process.env, CONTRACT_RUNS: String(runs), CONTRACT_SEED: seed, CONTRACT_FULL: args.includes('--light') ? '0' : '1' };
const started = Date.now();
const r = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'test/contract/property.test.ts'], { cwd: root, env, stdio: 'inherit' });
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`fuzz : ${runs} cas demandés, graine ${seed}, ${seconds} s, ${r.status === 0 ? 'aucun contre-exemple' : 'contre-exemple trouvé (voir ci-dessus)'}`);
process.exit(r.status ?? 1);
