// (f) cold start (issue 10): each command spawned from scratch, as a clerk runs it, against
// `node -e 0` in the same run. Rounds are interleaved (every command once per round, in a
// rotating order) so that a change in the machine's load hits every command alike; each figure
// is the median over the rounds, divided by the median of `node -e 0`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, round } from './stats.mjs';

/** The commands of the cold table, with their targets (ratio to `node -e 0`). */
export function coldCommands(root, out) {
  const bin = path.join(root, 'bin', 'convkit.js');
  return [
    { id: 'node', label: 'node -e 0 (référence)', args: ['-e', '0'] },
    { id: 'help', label: 'convkit --help', args: [bin, '--help'], target: 2.5 },
    { id: 'validate', label: 'convkit validate (données fournies)', args: [bin, 'validate'], target: 4 },
    { id: 'docx', label: 'convkit generate --only carsat-bfc --format docx', args: [bin, 'generate', '--only', 'carsat-bfc', '--format', 'docx', '--out', path.join(out, 'docx')], target: 4 },
    { id: 'all', label: 'convkit generate (tout, DOCX + PDF)', args: [bin, 'generate', '--out', path.join(out, 'all')], target: 8 },
    // The same commands with the parse cache off (src/data/parse-cache.ts): what a run pays for
    // files it has never seen (a fresh checkout, or every file changed). No target: for reading.
    { id: 'validate-nocache', label: 'convkit validate, cache d’analyse YAML désactivé', args: [bin, 'validate'], env: { CONVKIT_CACHE: 'off' } },
    { id: 'docx-nocache', label: 'convkit generate --only carsat-bfc --format docx, cache désactivé', args: [bin, 'generate', '--only', 'carsat-bfc', '--format', 'docx', '--out', path.join(out, 'docx-nocache')], env: { CONVKIT_CACHE: 'off' } },
    { id: 'all-nocache', label: 'convkit generate (tout), cache désactivé', args: [bin, 'generate', '--out', path.join(out, 'all-nocache')], env: { CONVKIT_CACHE: 'off' } },
  ];
}

function runOnce(root, args, env = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '1', ...env } });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.slice(1).join(' ')} : statut ${r.status} : ${r.stderr.slice(0, 300)}`);
  return ms;
}

function soffice(profile, outDir, files) {
  mkdirSync(outDir, { recursive: true });
  const t0 = performance.now();
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    { stdio: 'pipe', timeout: 300_000 },
  );
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`soffice a échoué (${r.status}) : ${String(r.stderr).slice(0, 300)}`);
  if (readdirSync(outDir).filter((f) => f.endsWith('.pdf')).length !== files.length) throw new Error('soffice : PDF manquants');
  return ms;
}

/**
 * Runs `rounds` interleaved rounds (after one untimed round that fills the file cache) and,
 * when `libreoffice` is set, LibreOffice converting the 14 DOCX of `generate` in one call
 * (private profile created by an untimed first call) once per round as well.
 * Returns the medians (ms), the ratios and every sample.
 */
export function benchColdStart(root, { rounds = 7, libreoffice = false, keepDir } = {}) {
  const work = keepDir ?? mkdtempSync(path.join(tmpdir(), 'convkit-bench-cold-'));
  const commands = coldCommands(root, work);
  const samples = Object.fromEntries(commands.map((c) => [c.id, []]));
  if (libreoffice) samples.libreoffice = [];
  try {
    for (const c of commands) runOnce(root, c.args, c.env); // untimed: file cache, parse cache, output folders
    const allOut = path.join(work, 'all');
    const docx = readdirSync(allOut, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.docx'))
      .sort()
      .map((f) => path.join(allOut, f));
    const profile = path.join(work, 'lo-profile');
    if (libreoffice) soffice(profile, path.join(work, 'lo-first'), docx.slice(0, 1));
    const files = readdirSync(allOut, { recursive: true }).filter((f) => /\.(docx|pdf)$/.test(String(f))).length;

    for (let i = 0; i < rounds; i++) {
      // Rotate the order so that no command always follows the same one.
      const order = commands.map((_, k) => commands[(k + i) % commands.length]);
      for (const c of order) samples[c.id].push(runOnce(root, c.args, c.env));
      if (libreoffice) {
        const d = path.join(work, `lo-${i}`);
        samples.libreoffice.push(soffice(profile, d, docx));
        rmSync(d, { recursive: true, force: true });
      }
    }
    const base = median(samples.node);
    const rows = commands.map((c) => {
      const ms = median(samples[c.id]);
      return { id: c.id, label: c.label, ms: round(ms, 0), ratio: round(ms / base, 2), target: c.target, ok: c.target === undefined ? undefined : ms / base <= c.target };
    });
    const lo = libreoffice ? { documents: docx.length, ms: round(median(samples.libreoffice), 0) } : undefined;
    const all = rows.find((r) => r.id === 'all');
    // What bin/convkit.js ran: the bundle with its code cache (what `npm ci` builds), or the modules.
    const diagnosis = spawnSync(process.execPath, [path.join(root, 'bin', 'convkit.js'), '--help'], { encoding: 'utf8', env: { ...process.env, CONVKIT_BUNDLE: 'diagnose' } });
    const cache = /lot unique .*, (cache de code .*)$/m.exec(diagnosis.stderr)?.[1];
    const launcher = cache ? `lot unique (${cache})` : 'modules de dist/ (pas de lot unique à jour)';
    return {
      rounds,
      launcher,
      files,
      docx: docx.length,
      baselineMs: round(base, 1),
      rows,
      ...(lo ? { libreoffice: { ...lo, ratioToGenerateAll: round(lo.ms / all.ms, 2) } } : {}),
      samples: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => round(x, 1))])),
      docxFiles: docx,
    };
  } finally {
    if (!keepDir) rmSync(work, { recursive: true, force: true });
  }
}
