// (d) Lint throughput on the corpus repeated 1, 10 and 100 times, in process, warm.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, MB, round } from './stats.mjs';

export async function benchLint(root, { repeats = [1, 10, 100] } = {}) {
  const { parseSource, lint } = await import(pathToFileURL(path.join(root, 'dist', 'lint', 'index.js')).href);
  const corpus = readFileSync(path.join(root, 'test', 'fixtures', 'corpus-2014.txt'));
  const once = (bytes) => lint([parseSource('corpus-2014.txt', 'txt', bytes)]);
  const warm = once(corpus);
  const findings = warm[0]?.messages.length ?? 0;
  for (let i = 0; i < 3; i++) once(corpus);
  const rows = [];
  for (const n of repeats) {
    const bytes = Buffer.concat(Array(n).fill(corpus));
    const runs = n >= 100 ? 3 : n >= 10 ? 5 : 15;
    const times = [];
    for (let i = 0; i < runs; i++) {
      globalThis.gc?.();
      const t0 = performance.now();
      once(bytes);
      times.push(performance.now() - t0);
    }
    const ms = median(times);
    const mb = bytes.length / MB;
    rows.push({ repeat: n, megabytes: round(mb, 2), ms: round(ms, 1), mbPerSecond: round(mb / (ms / 1000), 2), msPerMB: round(ms / mb, 1) });
  }
  const perMb = (n) => rows.find((r) => r.repeat === n)?.msPerMB;
  const growth = [];
  for (let i = 1; i < rows.length; i++) growth.push({ from: rows[i - 1].repeat, to: rows[i].repeat, ratio: round(perMb(rows[i].repeat) / perMb(rows[i - 1].repeat), 2) });
  return { findingsOnCorpus: findings, rows, perMbTimeRatios: growth };
}
