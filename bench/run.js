#!/usr/bin/env node
// `npm run bench`: measures convkit against the targets of issues 2, 3, 4, 6 and 10, prints a
// table and writes bench/results.json. Runs the compiled code (builds dist/ when stale).
// `npm run bench -- cold` runs the cold-start section alone (`-- batch`, `-- warm`, `-- lint`,
// `-- libreoffice` likewise; several may be given). See docs/bench.md for what each figure means.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './lib/build.mjs';
import { benchColdStart } from './lib/cold.mjs';
import { benchWarm } from './lib/generate.mjs';
import { benchLibreOffice, hasLibreOffice } from './lib/libreoffice.mjs';
import { benchLint } from './lib/lint.mjs';
import { benchServe } from './lib/serve.mjs';
import { benchDiff } from './lib/diff.mjs';
import { benchLintPdf } from './lib/lint-pdf.mjs';
import { machineInfo } from './lib/machine.mjs';
import { median, round } from './lib/stats.mjs';
import { synthesise } from './synth.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const quick = process.argv.includes('--quick');
const SECTIONS = ['warm', 'diff', 'lint', 'serve', 'lintPdf', 'cold', 'batch', 'libreoffice'];
const asked = process.argv.slice(2).filter((a) => SECTIONS.includes(a));
const wanted = (name) => asked.length === 0 || asked.includes(name);
const log = (s) => process.stderr.write(`bench : ${s}\n`);

ensureBuilt(root);
const work = mkdtempSync(path.join(tmpdir(), 'convkit-bench-'));
const started = performance.now();
const results = { machine: machineInfo(), ranAt: new Date().toISOString(), quick };
const rows = [];
/** One line of the table: label, figure, target, verdict (true, false, or undefined: no target). */
const row = (id, label, value, target, ok) => rows.push({ id, label, value, target, ok });

async function section(name, fn) {
  if (!wanted(name)) return;
  log(name);
  try {
    results[name] = await fn();
  } catch (error) {
    results[name] = { error: error instanceof Error ? error.message : String(error) };
    row(name, `${name} : échec`, results[name].error.slice(0, 70), '', false);
  }
}

try {
  // (b) first: in this process, nothing else running yet.
  await section('warm', async () => {
    const r = await benchWarm(root, quick ? { runs: 15, warmup: 5 } : {});
    row('b', `(b) 1 convention + annexes, DOCX, à chaud`, `${r.msDocx} ms (rendu seul ${r.msRenderDocx} ms)`, '≤ 10 ms', r.msDocx <= 10);
    row('b', `(b) 1 convention + annexes, PDF, à chaud`, `${r.msPdf} ms (rendu seul ${r.msRenderPdf} ms)`, '≤ 10 ms', r.msPdf <= 10);
    return r;
  });

  await section('diff', async () => {
    const r = benchDiff(root, quick ? { runs: 3 } : {});
    row('f', `(f) convkit diff, jeu complet entre deux révisions, à froid (${r.documentsChanged} documents modifiés)`, `${r.ms} ms`, '≤ 1 s', r.ms <= 1000);
    return r;
  });

  await section('lint', async () => {
    const r = await benchLint(root, quick ? { repeats: [1, 10] } : {});
    const one = r.rows[0];
    row('d', `(d) lint du corpus (${one.megabytes} Mo), à chaud`, `${one.ms} ms`, '≤ 100 ms', one.ms <= 100);
    for (const x of r.rows) row('d', `(d) lint du corpus × ${x.repeat} (${x.megabytes} Mo)`, `${x.mbPerSecond} Mo/s (${x.ms} ms)`, '≥ 2 Mo/s', x.mbPerSecond >= 2);
    const worst = Math.max(...r.perMbTimeRatios.map((g) => g.ratio));
    row(
      'd',
      `(d) linéarité : temps par Mo, ${r.perMbTimeRatios.map((g) => `×${g.to}/×${g.from}`).join(', ')}`,
      r.perMbTimeRatios.map((g) => g.ratio).join(' ; '),
      'chaque rapport ≤ 1,5',
      worst <= 1.5,
    );
    return r;
  });

  await section('serve', async () => {
    const r = await benchServe(root, quick ? { startRuns: 1, edits: 20 } : {});
    row('g', `(g) poste de travail : aperçu après une modification (1 convention, p95 sur ${r.edits})`, `${r.previewP95Ms} ms (médiane ${r.previewMedianMs} ms ; CPU p95 ${r.previewCpuP95Ms} ms)`, '≤ 100 ms', r.previewP95Ms <= 100);
    const cpu = (ms) => (ms === undefined ? '' : ` ; CPU ${ms} ms`);
    row('g', `(g) poste de travail : première page après le démarrage (avec le verdict de validate)`, `${r.firstPageMs} ms (écoute à ${r.listenMs} ms${cpu(r.firstPageCpuMs)} ; node -e 0 : ${r.nodeMs} ms)`, '≤ 300 ms', r.firstPageMs <= 300);
    row('g', `(g) poste de travail : analyse des documents prête (blancs, lint des ${r.documents} DOCX)`, `${r.analysisMs} ms après le démarrage${cpu(r.analysisCpuMs)}`, '', undefined);
    return r;
  });

  await section('lintPdf', async () => {
    const r = await benchLintPdf(root, quick ? { runs: 1 } : {});
    row('d', `(d) lint des PDF générés (${r.documents} documents, ${r.pages} pages), à chaud`, `${r.pagesPerSecond} pages/s (${r.ms} ms)`, '', undefined);
    return r;
  });

  const coldDir = path.join(work, 'cold');
  await section('cold', async () => {
    const r = benchColdStart(root, { rounds: quick ? 3 : 7, libreoffice: hasLibreOffice(), keepDir: coldDir });
    const all = r.rows.find((x) => x.id === 'all');
    row('a', `(a) jeu fourni, DOCX + PDF, en ligne de commande, à froid (${r.files} fichiers)`, `${all.ms} ms`, '≤ 1 500 ms', all.ms <= 1500);
    row('f', '(f) démarrage à froid : ce que lance bin/convkit.js', r.launcher, '', undefined);
    for (const x of r.rows) {
      if (x.id === 'node') row('f', `(f) démarrage à froid : ${x.label}`, `${x.ms} ms = 1×`, '', undefined);
      else row('f', `(f) démarrage à froid : ${x.label}`, `${x.ratio}× (${x.ms} ms)`, x.target === undefined ? '(pour information)' : `≤ ${x.target}×`, x.ok);
    }
    if (r.libreoffice) {
      const lo = r.libreoffice;
      row('f', `(f) LibreOffice convertissant les mêmes ${lo.documents} DOCX (un appel)`, `${lo.ms} ms : convkit ${lo.ratioToGenerateAll}× plus rapide`, '≥ 3×', lo.ratioToGenerateAll >= 3);
    } else {
      row('f', '(f) LibreOffice', 'absent : non mesuré', '≥ 3×', undefined);
    }
    return r;
  });

  await section('batch', async () => {
    const n = quick ? 200 : 1000;
    const data = path.join(work, `synth-${n}`);
    await synthesise(n, data);
    const runs = [];
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const out = path.join(work, `batch-out-${i}`);
      const r = spawnSync(process.execPath, ['--expose-gc', path.join(here, 'lib', 'batch-child.mjs'), root, data, out], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
      if (r.status !== 0) throw new Error(`lot en échec : ${r.stderr.slice(0, 300)}`);
      runs.push(JSON.parse(r.stdout.trim().split('\n').at(-1)));
      rmSync(out, { recursive: true, force: true });
    }
    const rate = (x) => x.conventions / (x.msTotal / 1000);
    const med = runs.slice().sort((a, b) => rate(a) - rate(b))[Math.floor(runs.length / 2)];
    const perSecond = round(rate(med), 1);
    const peak = Math.max(...runs.map((x) => x.peakRssMB));
    const s = med.samples;
    const growth = s.length >= 2 ? (s.at(-1).rssMB - s[0].rssMB) / s[0].rssMB : 0;
    const flat = growth <= 0.1;
    const batchOnly = round(med.conventions / (med.msBatch / 1000), 1);
    row(
      'c',
      `(c) lot de ${med.conventions} conventions (${med.documents} documents), DOCX + PDF, ${med.workers} threads`,
      `${perSecond} conventions/s (${round(med.msTotal / 1000, 1)} s, données comprises ; rendu seul ${batchOnly}/s)`,
      '≥ 100 /s',
      perSecond >= 100,
    );
    row('c', `(c) mémoire de pointe (RSS, tous threads)`, `${peak} Mo`, '≤ 400 Mo', peak <= 400);
    row(
      'c',
      `(c) RSS après ${s.map((x) => x.documents).join(' / ')} documents`,
      `${s.map((x) => x.rssMB).join(' / ')} Mo (${growth >= 0 ? '+' : ''}${round(growth * 100, 0)} %)`,
      'stable (≤ +10 %)',
      flat,
    );
    if (med.failures > 0) row('c', '(c) documents en échec', String(med.failures), '0', false);
    return { partners: n, runs, conventionsPerSecond: perSecond, conventionsPerSecondRenderingOnly: batchOnly, peakRssMB: peak, rssGrowth: round(growth, 3), flat, median: med };
  });

  await section('libreoffice', async () => {
    if (!hasLibreOffice()) {
      row('e', '(e) LibreOffice', 'absent : non mesuré', '≥ 20×', undefined);
      return { skipped: 'soffice absent' };
    }
    const docx = results.cold?.docxFiles;
    if (!docx) throw new Error('la section cold doit précéder (ses DOCX sont convertis)');
    const lo = benchLibreOffice(docx, quick ? { batchRuns: 1, singleDocs: 1 } : {});
    const ours = results.warm?.msPdfPerDocumentOfSet;
    const ratioAll = ours ? round(lo.msPerDocumentOneCallForAll / ours, 0) : undefined;
    const ratioEach = ours ? round(lo.msPerDocumentOneCallEach / ours, 0) : undefined;
    row('e', `(e) LibreOffice, ${lo.documents} DOCX en un appel, par document`, `${lo.msPerDocumentOneCallForAll} ms ; convkit ${ours} ms → ${ratioAll}×`, '≥ 20×', ratioAll >= 20);
    row('e', `(e) LibreOffice, un appel par document`, `${lo.msPerDocumentOneCallEach} ms ; convkit ${ours} ms → ${ratioEach}×`, '≥ 20×', ratioEach >= 20);
    return { ...lo, convkitMsPerPdf: ours, ratioOneCallForAll: ratioAll, ratioOneCallEach: ratioEach };
  });
} finally {
  rmSync(work, { recursive: true, force: true });
}

results.seconds = round((performance.now() - started) / 1000, 1);
results.table = rows;
// A partial run (`npm run bench -- cold`) writes its own file, keeping the full run's results.
writeFileSync(path.join(here, asked.length === 0 ? 'results.json' : `results-${asked.join('-')}.json`), `${JSON.stringify(results, null, 2)}\n`);

// The table, in French, each figure against its target.
const m = results.machine;
const lines = [];
lines.push(`Machine : ${m.cpu}, ${m.cores} cœurs, ${m.ramGiB} Gio de RAM, Node ${m.node}, ${m.os}${m.libreoffice ? `, ${m.libreoffice}` : ''}`);
lines.push('');
const order = ['a', 'f', 'b', 'c', 'd', 'e', 'g'];
// French decimal comma in what the table shows (results.json keeps numbers).
const fr = (text) => text.replace(/(\d)\.(\d)/g, '$1,$2');
for (const r of rows) {
  r.label = fr(r.label);
  r.value = fr(r.value);
  r.target = fr(r.target);
}
rows.sort((x, y) => order.indexOf(x.id) - order.indexOf(y.id));
const w1 = Math.max(...rows.map((r) => r.label.length));
const w2 = Math.max(...rows.map((r) => r.value.length));
const w3 = Math.max(...rows.map((r) => r.target.length), 'cible'.length);
lines.push(`${'Mesure'.padEnd(w1)}  ${'Résultat'.padEnd(w2)}  ${'Cible'.padEnd(w3)}  `);
lines.push(`${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ${'-'.repeat(w3)}  --`);
for (const r of rows) lines.push(`${r.label.padEnd(w1)}  ${r.value.padEnd(w2)}  ${r.target.padEnd(w3)}  ${r.ok === undefined ? '–' : r.ok ? '✓' : '✗'}`);
lines.push('');
lines.push(`Médianes de plusieurs exécutions ; banc complet en ${results.seconds} s. Détails : bench/results.json`);
process.stdout.write(`${lines.join('\n')}\n`);
