#!/usr/bin/env node
// Thin launcher. `npm run build` (run by `prepare` on `npm ci`) compiles the CLI to dist/ and
// bundles it into dist/cli.bundle.cjs with a V8 code cache (scripts/bundle-cli.mjs): the
// bundle starts faster than some 600 separate modules. It runs when made from the current
// dist/; else, or with CONVKIT_BUNDLE=off, the modules of dist/ run as they are.
// CONVKIT_BUNDLE=diagnose says on stderr which ran and whether V8 took the code cache.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { currentBundle } from './bundle-state.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const mode = process.env.CONVKIT_BUNDLE;

/**
 * Which code cache: V8 reads a cache whole, so `--help` (no command), `validate` and `generate`
 * have their own, smaller ones (what a run of each compiles); every other command takes the
 * workspace session's, which holds the most (check, build, both renderers, the linter, the server).
 */
const command = process.argv.slice(2).find((a) => !a.startsWith('-'));
const cacheName = command === undefined ? 'help' : command === 'validate' || command === 'generate' ? command : 'session';

/**
 * The bundle and its code cache, when they were made from the current dist/ (tsc rewrites
 * every file of dist/ at each run, so dist/cli/index.js dates the compiled code) by this Node
 * version; undefined when absent, stale or turned off.
 */
function bundle() {
  if (mode === 'off') return undefined;
  const meta = currentBundle(dist);
  if (meta === undefined) return undefined;
  const file = path.join(dist, 'cli.bundle.cjs');
  try {
    // ASCII-only since the fifth session: Latin-1 reads it as a one-byte string, without
    // decoding 4.5 MB of UTF-8; an older bundle's record has no `encoding`.
    const source = readFileSync(file, meta.encoding === 'latin1' ? 'latin1' : 'utf8');
    return { file, source, cachedData: mode === 'write-cache' || meta.node !== process.version ? undefined : codeCache(`${file}.${cacheName}.cache`) };
  } catch {
    return undefined;
  }
}

/** A code cache file's bytes; without it the bundle still runs (V8 compiles as it goes). */
function codeCache(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The CLI's `main`, from the bundle or from dist/cli/index.js. */
async function load() {
  const found = bundle();
  if (found === undefined) return { main: (await import('../dist/cli/index.js')).main };
  const { file, source, cachedData } = found;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __convkitBase, __convkitImport) {${source}\n})`, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (mode === 'diagnose') {
    process.stderr.write(`convkit : lot unique ${file}, cache de code « ${cacheName} » ${cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'refusé par V8' : 'accepté'}\n`);
  }
  const module = { exports: {} };
  // import() from this module: the bundle's own would fail once compiled from the cache.
  const importer = (specifier) => import(specifier);
  script.runInThisContext()(module.exports, createRequire(file), module, file, dist, dist, importer);
  if (mode === 'write-cache') {
    // Build time only (scripts/bundle-cli.mjs): the cache holds what this run compiled, written
    // at exit (`--help` ends the process from within yargs).
    process.once('exit', () => {
      const temp = `${file}.${cacheName}.cache.tmp-${process.pid}`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, `${file}.${cacheName}.cache`);
    });
  }
  return { main: module.exports.main };
}

load()
  .then(({ main }) =>
    main(process.argv.slice(2)).then((code) => {
      process.exitCode = code;
    }),
  )
  .catch((error) => {
    console.error(`convkit : erreur interne : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 2;
  });
