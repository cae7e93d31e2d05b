/**
 * Batch generation: spreads documents over worker threads, writes each output atomically as
 * it arrives, reports failures per document, and draws a progress bar on a terminal.
 *
 * ```ts
 * await prepareOutDir('out');
 * const bar = createProgressBar(process.stderr);
 * const result = await runBatch(ids, { renderer: new URL('./my-renderer.js', import.meta.url), setup, outDir: 'out', onProgress: bar.update });
 * bar.finish();
 * ```
 */
export { generateDocuments, type BatchGenerateOptions, type GenerateOutcome } from './generate.js';
export { CONVKIT_RENDERER, jobIdOf, plainDataset, type ConvkitBatchSetup, type PlainDataset } from './convkit-renderer.js';
export { runBatch, startWorkers, WORKER_HEAP_MB, JOBS_IN_FLIGHT, autoWorkers, prepareOutDir, PARALLEL_THRESHOLD, type RunBatchOptions, type StartedWorkers, type StartWorkersOptions } from './run.js';
export { createProgressBar, formatProgress, formatDuration, wantsProgress, type ProgressBar, type ProgressStream } from './progress.js';
export { removeStaleTemps, isTempName, tempOwner, tempTarget } from './temps.js';
export { writeFileAtomic } from '../io/atomic.js';
export { safeOutputPath } from './paths.js';
export { explainFsError } from './fs-errors.js';
export type { BatchFailure, BatchProgress, BatchRenderer, BatchResult, RenderedFile, RendererModule } from './types.js';
