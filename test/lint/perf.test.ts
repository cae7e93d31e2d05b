import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { segmentFile } from '../../src/lint/segment.js';
import { rules } from '../../src/lint/rules/index.js';
import { runCache } from '../../src/lint/rule.js';
import { clearTextCaches } from '../../src/lint/text/normalize.js';
import type { SourceFile } from '../../src/lint/types.js';
import { sourceFromString } from './helpers.js';

/**
 * Throughput of the segmenter and the rules (the reader is measured by its owner): the
 * corpus, then the corpus repeated. Memo caches are emptied before each run, so each run is
 * a cold lint with a warm JIT. Set LINT_BENCH_FULL=1 to add the ×100 run (13 MB).
 */
const corpus = readFileSync(new URL('../fixtures/corpus-2014.txt', import.meta.url), 'utf8');

function lintOnce(source: SourceFile): { ms: number; findings: number } {
  clearTextCaches();
  const t0 = performance.now();
  const files = [segmentFile(source)];
  const run = runCache();
  let findings = 0;
  for (const rule of rules) rule.check({ files, options: {}, run, report: () => findings++ });
  return { ms: performance.now() - t0, findings };
}

function best(source: SourceFile, runs: number): { ms: number; findings: number } {
  let out = lintOnce(source);
  for (let i = 1; i < runs; i++) {
    const r = lintOnce(source);
    if (r.ms < out.ms) out = r;
  }
  return out;
}

describe('lint performance', () => {
  it('lints the corpus fast, with time linear in size', () => {
    const sizes = process.env.LINT_BENCH_FULL ? [1, 10, 100] : [1, 10];
    const results = sizes.map((k) => {
      const source = sourceFromString(Array(k).fill(corpus).join('\n\n\n'));
      const r = best(source, k === 1 ? 8 : k === 10 ? 3 : 2);
      const mb = (corpus.length * k) / 1e6;
      console.warn(`lint ×${k}: ${mb.toFixed(2)} MB in ${r.ms.toFixed(1)} ms (${(mb / (r.ms / 1000)).toFixed(1)} MB/s), ${r.findings} findings`);
      return { k, ...r };
    });
    const one = results[0]!;
    const ten = results[1]!;
    // Per-document findings scale with the copies (a person reported once per run aside).
    expect(Math.abs(ten.findings - one.findings * 10)).toBeLessThan(one.findings / 10);
    // Speed and linearity are measured by `npm run bench` (d), not asserted here.
  });
});
