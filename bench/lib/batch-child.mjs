// (c) One batch generation in a fresh process, as `convkit generate` runs it for a large data
// set: load and check the data, plan, then render in worker threads and write atomically.
// Prints one JSON line: timings, memory samples at each quarter, peak RSS of the process.
//
//   node bench/lib/batch-child.mjs <root> <data-dir> <out-dir> [formats]
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [root, dataDir, outDir, formats = 'docx,pdf'] = process.argv.slice(2);
const dist = (rel) => import(pathToFileURL(path.join(root, 'dist', rel)).href);
const t0 = performance.now();
const { loadDataset } = await dist('data/load.js');
const { planDocuments } = await dist('generate/index.js');
const { runBatch, prepareOutDir, autoWorkers, startWorkers } = await dist('batch/index.js');
const { CONVKIT_RENDERER, jobIdOf, plainDataset } = await dist('batch/convkit-renderer.js');
const tModules = performance.now();
// As `convkit generate` does for a large data set: the workers start (and warm up) while this
// thread loads the data.
const started = startWorkers({ renderer: CONVKIT_RENDERER, workers: autoWorkers(readdirSync(path.join(dataDir, 'partners')).length) });
const dataset = await loadDataset(dataDir);
const plans = planDocuments(dataset);
const tLoaded = performance.now();
await prepareOutDir(outDir);
const jobs = plans.map(jobIdOf);
const conventions = plans.filter((p) => p.kind === 'convention').length;
const quarters = [1, 2, 3, 4].map((q) => Math.round((jobs.length * q) / 4));
const samples = [];
const result = await runBatch(jobs, {
  renderer: CONVKIT_RENDERER,
  setup: { dataset: plainDataset(dataset), formats: formats.split(',') },
  outDir,
  started,
  onProgress: (p) => {
    if (quarters.includes(p.done)) samples.push({ documents: p.done, rssMB: Math.round(p.rssBytes / 1048576), workerHeapMB: Math.round(p.heapBytes / 1048576) });
  },
});
const tDone = performance.now();
process.stdout.write(
  `${JSON.stringify({
    documents: jobs.length,
    conventions,
    workers: result.workers,
    autoWorkers: autoWorkers(jobs.length),
    failures: result.failures.length,
    firstFailure: result.failures[0],
    filesWritten: result.written.length,
    msModules: Math.round(tModules - t0),
    msLoadAndPlan: Math.round(tLoaded - tModules),
    msBatch: Math.round(tDone - tLoaded),
    msTotal: Math.round(tDone - t0),
    peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / 1048576),
    samples,
  })}\n`,
);
