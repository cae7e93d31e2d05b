// Build step (the last of `npm run build`): the CLI as one CommonJS file, dist/cli.bundle.cjs,
// and V8 code caches of it, dist/cli.bundle.cjs.<command>.cache (issue 10, cold start).
//
// Why: a cold `convkit validate` spent about a third of its time resolving, reading and
// compiling some 600 ES modules one by one, and compiling their functions on first call.
// One file removes the resolution and the per-module costs; the code caches, made here by real
// runs on the bundled data (`--help`, `validate`, `generate`, a workspace session for every
// other command), let V8 skip parsing and compiling the functions each command runs.
//
// The bundle is made from dist/ (tsc's output), so it runs exactly the compiled code; modules
// stay lazy (esbuild keeps each `await import()` of a command's work as a deferred
// initialiser). `import.meta.url` is replaced, per module, by the URL of that module's own
// file, so that every path resolved from it (templates, fonts, assets, worker scripts, data)
// is the same as unbundled. bin/convkit.js runs the bundle when it is present and current,
// else dist/cli/index.js; CONVKIT_BUNDLE=off forces the latter. esbuild-wasm is pure
// JavaScript and WebAssembly: nothing is downloaded or compiled at install time.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild-wasm';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const target = path.join(dist, 'cli.bundle.cjs');
const caches = ['help', 'validate', 'generate', 'session'].map((name) => `${target}.${name}.cache`);
const metaFile = path.join(dist, 'cli.bundle.json');

// A stale cache or meta must never describe a new bundle: remove them first.
for (const f of [...caches, `${target}.cache`, metaFile]) rmSync(f, { force: true });

const temp = `${target}.tmp-${process.pid}`;
await esbuild.build({
  entryPoints: [path.join(dist, 'cli', 'index.js')],
  outfile: temp,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Node 20 has these: left to esbuild, it turns such regular expression literals into
  // `new RegExp(…)` calls, which V8 compiles at load time (string-width's four: ~20 ms a run).
  supported: { 'regexp-set-notation': true, 'regexp-unicode-property-escapes': true, 'regexp-lookbehind-assertions': true, 'regexp-named-capture-groups': true, 'regexp-match-indices': true, 'regexp-dot-all-flag': true, 'regexp-sticky-and-unicode-flags': true },
  // pdf.js (the linter's PDF reader) is loaded from node_modules on first use, as unbundled.
  external: ['pdfjs-dist', 'pdfjs-dist/*'],
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [
    {
      name: 'module-url',
      setup(build) {
        build.onLoad({ filter: /\.(?:m?js|cjs)$/ }, (args) => {
          const source = readFileSync(args.path, 'utf8');
          const own = !path.relative(dist, args.path).startsWith('..');
          if (!source.includes('import.meta.url') && !own) return undefined;
          const rel = path.relative(dist, args.path).split(path.sep).join('/');
          let contents = source.replaceAll('import.meta.url', `__convkitModuleUrl(${JSON.stringify(rel)})`);
          // The imports the bundle cannot hold (a computed URL, pdf.js, a Node built-in) go
          // through the launcher's own import(): V8 drops the dynamic-import callback of a
          // script compiled from a code cache (Node 20), so an import() left in the bundle
          // would fail once the cache is used. Other literals stay: esbuild bundles them.
          if (own) contents = contents.replace(/(?<![\w$.])import\((?=\s*(?:['"`](?:pdfjs-dist|node:)|[^'"`\s]))/g, '__convkitImport(');
          return { contents, loader: 'js' };
        });
      },
    },
    {
      // string-width (yargs' help layout, through cliui and wrap-ansi: three copies) builds an
      // `Intl.Segmenter` and Unicode property regular expressions when it loads, ~30 ms that
      // every command paid although only a help text measures widths. Each import of it gets a
      // stand-in that loads the real module (bundled, lazily) on its first call.
      name: 'lazy-string-width',
      setup(build) {
        build.onResolve({ filter: /^string-width$/ }, async (args) => {
          const real = await resolveAround(build, args);
          return real === undefined ? undefined : { path: real, namespace: 'lazy-string-width' };
        });
        build.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
          contents: `let real;\nmodule.exports = function stringWidth(text, options) {\n  real ??= require(${JSON.stringify(args.path)});\n  return (real.default ?? real)(text, options);\n};\n`,
          loader: 'js',
          resolveDir: path.dirname(args.path),
        }));
      },
    },
    {
      // pdf-lib's ~300 CommonJS files each `require("tslib")`. tslib's exports map has a
      // "module" condition, which esbuild honours even for require(): it then bundled the ES
      // build and turned each require into a fresh copy of its ~40 exports (`__toCommonJS`,
      // ~12 ms of a cold `generate`). A require() gets tslib's CommonJS file, loaded once.
      name: 'tslib-require',
      setup(build) {
        build.onResolve({ filter: /^tslib$/ }, async (args) => {
          if (args.kind !== 'require-call') return undefined;
          const pkg = await resolveAround(build, args, 'tslib/package.json');
          const main = pkg === undefined ? undefined : JSON.parse(readFileSync(pkg, 'utf8')).main;
          return typeof main === 'string' ? { path: path.join(path.dirname(pkg), main) } : undefined;
        });
      },
    },
    {
      // @pdf-lib/standard-fonts inflates and parses every encoding of the 14 standard PDF fonts
      // when it loads (Encoding.js, ~15 ms cold), for pdf-lib's StandardFontEmbedder, which
      // convkit never uses (its fonts are embedded). The stand-in gives Font and FontNames as
      // they are and loads Encodings on first use.
      name: 'lazy-standard-font-encodings',
      setup(build) {
        build.onResolve({ filter: /^@pdf-lib\/standard-fonts$/ }, async (args) => {
          const real = await resolveAround(build, args);
          return real === undefined ? undefined : { path: real, namespace: 'lazy-standard-fonts' };
        });
        build.onLoad({ filter: /.*/, namespace: 'lazy-standard-fonts' }, (args) => {
          const dir = path.dirname(args.path);
          const exported = (file) => [...readFileSync(path.join(dir, file), 'utf8').matchAll(/\bexports\.(\w+) =/g)].map((m) => m[1]).sort().join(',');
          // The stand-in mirrors this version's modules: if they change, stop the build.
          if (!/__export\(require\("\.\/Font"\)\);\s*__export\(require\("\.\/Encoding"\)\);/.test(readFileSync(args.path, 'utf8')) || exported('Font.js') !== 'Font,FontNames' || exported('Encoding.js') !== 'Encodings') {
            throw new Error(`bundle-cli : ${dir} n’a plus les exports attendus (Font, FontNames, Encodings) : revoir le plugin lazy-standard-font-encodings`);
          }
          const font = JSON.stringify(path.join(dir, 'Font.js'));
          const encoding = JSON.stringify(path.join(dir, 'Encoding.js'));
          return {
            contents: `const font = require(${font});\nlet encoding;\nmodule.exports = { Font: font.Font, FontNames: font.FontNames, get Encodings() { return (encoding ??= require(${encoding})).Encodings; } };\n`,
            loader: 'js',
            resolveDir: dir,
          };
        });
      },
    },
  ],
  // `__convkitBase` (the bundle's folder) and `__convkitImport` are passed by bin/convkit.js
  // (parameters, so that no module's own top-level `__dirname` can shadow them).
  banner: { js: "const __convkitModuleUrl = (rel) => require('node:url').pathToFileURL(require('node:path').join(__convkitBase, rel)).href;" },
});
writeFileSync(temp, asciiOnly(readFileSync(temp, 'utf8')));
renameSync(temp, target);

/**
 * Where esbuild itself would resolve `specifier` for this import (the plugins above only stand
 * in for a module they still bundle): undefined when it cannot, or when this is that inner
 * resolution (marked by pluginData) reaching the plugin again.
 */
async function resolveAround(build, args, specifier = args.path) {
  if (args.pluginData?.real) return undefined;
  const real = await build.resolve(specifier, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { real: true } });
  return real.errors.length > 0 ? undefined : real.path;
}

/**
 * The bundle with only ASCII characters, so that the launcher reads it as Latin-1 (a one-byte
 * string, ~3 ms) instead of decoding 4.5 MB of UTF-8 (~10 ms) at every command. esbuild already
 * escapes strings, templates and identifiers (`charset: 'ascii'`, its default), but leaves raw
 * characters in regular expression literals and comments: those are escaped here
 * (`\uXXXX`, which a regular expression reads as the character itself, with or without the
 * `u` flag; in a comment it is only text). TypeScript's parser says where each character is;
 * a non-ASCII character anywhere else (a raw template's text, where an escape would change the
 * value) stops the build.
 */
function asciiOnly(code) {
  const positions = [];
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) > 0x7f) positions.push(i);
  if (positions.length === 0) return code;
  const file = ts.createSourceFile('bundle.cjs', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const edits = []; // [start, end, replacement], in order
  const escape = (unit) => `\\u${unit.toString(16).padStart(4, '0')}`;
  for (const p of positions) {
    let node = file;
    let inDoc = false; // a /** … */ comment, which the parser reads as JSDoc nodes
    for (;;) {
      const child = node.getChildren(file).find((c) => c.pos <= p && p < c.end);
      if (!child) break;
      node = child;
      if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) inDoc = true;
    }
    const unit = code.charCodeAt(p);
    if (inDoc) edits.push([p, p + 1, escape(unit)]);
    else if (p < node.getStart(file)) {
      const comments = ts.getLeadingCommentRanges(code, node.pos) ?? [];
      if (!comments.some((c) => c.pos <= p && p < c.end)) throw new Error(`bundle-cli : caractère non ASCII hors commentaire à la position ${p} du lot`);
      edits.push([p, p + 1, escape(unit)]);
    } else if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      // `\é` (an identity escape, without the u flag) becomes `\u00e9`, not `\\u00e9`.
      let slashes = 0;
      while (code[p - 1 - slashes] === '\\') slashes++;
      edits.push([slashes % 2 === 1 ? p - 1 : p, p + 1, escape(unit)]);
    } else {
      const line = code.slice(0, p).split('\n').length;
      throw new Error(`bundle-cli : caractère non ASCII « ${code[p]} » ligne ${line} du lot (${ts.SyntaxKind[node.kind]}) : l'écrire en séquence \\u dans la source`);
    }
  }
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    out += code.slice(at, start) + text;
    at = end;
  }
  out += code.slice(at);
  if (/[^\x00-\x7f]/.test(out)) throw new Error('bundle-cli : le lot contient encore des caractères non ASCII');
  return out;
}

// What the launcher checks before running the bundle: these bytes, made from this dist/.
const bundle = statSync(target);
const writeMeta = (extra) => {
  // `encoding`: the bundle is ASCII-only (asciiOnly above), so the launcher may read it as Latin-1.
  const meta = { bundleSize: bundle.size, bundleMtimeMs: bundle.mtimeMs, distMtimeMs: statSync(path.join(dist, 'cli', 'index.js')).mtimeMs, encoding: 'latin1', ...extra };
  writeFileSync(`${metaFile}.tmp-${process.pid}`, `${JSON.stringify(meta)}\n`);
  renameSync(`${metaFile}.tmp-${process.pid}`, metaFile);
};
writeMeta({});

// The code caches. `--help`, then `validate` and `generate` (DOCX + PDF) of the bundled data,
// each in its own process, output thrown away: what each compiles.
// CONVKIT_CACHE=off: the data is parsed as on a first run (the parse cache's reading alone
// would leave the YAML parser out of the code caches).
const scratch = mkdtempSync(path.join(tmpdir(), 'convkit-code-cache-'));
for (const args of [['--help'], ['validate'], ['generate', '--out', path.join(scratch, 'all')]]) {
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'convkit.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CONVKIT_BUNDLE: 'write-cache', CONVKIT_CACHE: 'off' } });
  if (run.status !== 0) {
    process.stderr.write(`bundle-cli : « convkit ${args[0]} » d’amorçage du cache en échec (code ${run.status}) :\n${run.stderr}`);
    process.exit(1);
  }
}
rmSync(scratch, { recursive: true, force: true });

// The cache of every other command: what one workspace session compiles on the bundled data:
// `convkit serve` checks the data (validate's checks), builds, renders and lints every
// document (the overview's analysis), and serves a convention as DOCX and PDF; then it stops
// (SIGTERM) and bin/convkit.js writes the cache of everything compiled so far (lint, diff,
// packet, serve… start from it).
const training = spawn(process.execPath, [path.join(root, 'bin', 'convkit.js'), 'serve', '--port', '0'], {
  cwd: root,
  env: { ...process.env, CONVKIT_BUNDLE: 'write-cache', CONVKIT_CACHE: 'off' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let errors = '';
training.stderr.on('data', (c) => (errors += c));
const exited = new Promise((resolve) => training.once('exit', (code, signal) => resolve({ code, signal })));
const fail = (why) => {
  training.kill('SIGKILL');
  process.stderr.write(`bundle-cli : la session d’amorçage du cache a échoué : ${why}\n${errors}`);
  process.exit(1);
};
const port = await new Promise((resolve) => {
  let out = '';
  training.stdout.on('data', (c) => {
    out += c;
    const m = /127\.0\.0\.1:(\d+)/.exec(out);
    if (m) resolve(Number(m[1]));
  });
  void exited.then(() => resolve(undefined));
});
if (port === undefined) fail('le serveur ne s’est pas ouvert');
for (const url of ['/', '/api/documents/lint', '/documents/conventions/caf-21.docx', '/documents/conventions/caf-21.pdf', '/api/entities']) {
  const status = await new Promise((resolve) => {
    http.get({ host: '127.0.0.1', port, path: url }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    }).on('error', (e) => resolve(e.message));
  });
  if (status !== 200) fail(`GET ${url} : ${status}`);
}
training.kill('SIGTERM');
const end = await exited;
if (end.code !== 0) fail(`fin de la session : ${end.code ?? end.signal}`);
writeMeta({ node: process.version, cacheSizes: caches.map((f) => statSync(f).size) });
