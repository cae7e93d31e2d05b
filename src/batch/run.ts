import { mkdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ConvkitError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { tuneJitForBatch } from './jit.js';
import { removeStaleTemps } from './temps.js';
import { deserializeError, failureMessage, serializeError } from './errors.js';
import { explainFsError } from './fs-errors.js';
import { safeOutputPath } from './paths.js';
import type { BatchFailure, BatchProgress, BatchResult, FromWorker, RenderedFile, RendererModule, ToWorker } from './types.js';

/** Below this many documents a batch renders in the calling thread: starting workers costs more than it saves. */
export const PARALLEL_THRESHOLD = 20;

/**
 * Default old-generation heap limit of one worker thread, in MB. A worker holds the data set,
 * the clause library and the renderers (about 40 MB for a thousand partners) and two documents
 * at a time (the one it renders and the next, queued); the limit keeps a runaway document from
 * taking the machine (it kills its worker, reported and replaced). Below about twice the live
 * heap, V8 collects the old generation more often as the heap nears the limit: 160 MB took
 * about 2 % more CPU on the bench than a larger limit, for the same resident size (docs/bench.md).
 */
export const WORKER_HEAP_MB = 256;

/**
 * Default young-generation limit of one worker thread, in MB. Rendering allocates many short-
 * lived objects; a nursery too small copies the document in progress at every scavenge (8 MB:
 * about 575 scavenges per worker on the bench's 1,000 partners), one too large multiplies its
 * memory by the threads. 16 MB: about 5 % less CPU than 8 MB, about 20 MB more resident memory
 * (docs/bench.md).
 */
export const WORKER_YOUNG_MB = 16;

export interface RunBatchOptions {
  /** URL (or file URL string) of the renderer module, which exports `createRenderer`. */
  readonly renderer: URL | string;
  /** Given to `createRenderer` in every thread (plain, structured-cloneable data). */
  readonly setup?: unknown;
  /** The output folder; each rendered file is written below it, atomically. */
  readonly outDir: string;
  /**
   * Worker threads: 0 renders in the calling thread; `'auto'` (default) uses every core when
   * the batch has more than {@link PARALLEL_THRESHOLD} documents, none otherwise.
   */
  readonly workers?: number | 'auto';
  /** Called after every document (written or failed). Keep it cheap. */
  readonly onProgress?: (progress: BatchProgress) => void;
  /** Old-generation heap limit of each worker thread, in MB (default {@link WORKER_HEAP_MB}). */
  readonly workerHeapMb?: number;
  /** Young-generation limit of each worker thread, in MB (default {@link WORKER_YOUNG_MB}). */
  readonly workerYoungMb?: number;
  /** Called with each file's absolute path and size as soon as it is in place. */
  readonly onWritten?: (file: string, id: string, size: number) => void;
  /**
   * Workers started earlier by {@link startWorkers} with the same renderer module: the batch
   * adopts them (they receive `setup` now) instead of starting new threads. Those it does not
   * need are stopped. Always released by the batch, whatever happens.
   */
  readonly started?: StartedWorkers;
}

/** Worker threads started before the batch's setup is known; see {@link startWorkers}. */
export interface StartedWorkers {
  /** Takes one live started worker, or undefined when none is left (used by the batch). */
  take(): Worker | undefined;
  /** Stops the workers not taken. Safe to call more than once. */
  dispose(): Promise<void>;
}

/** Options of {@link startWorkers}. */
export interface StartWorkersOptions {
  readonly renderer: URL | string;
  readonly workers: number;
  readonly workerHeapMb?: number;
  readonly workerYoungMb?: number;
}

const HOST = new URL('./worker-host.js', import.meta.url);

function resourceLimits(options: { readonly workerHeapMb?: number; readonly workerYoungMb?: number }): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  return { maxOldGenerationSizeMb: options.workerHeapMb ?? WORKER_HEAP_MB, maxYoungGenerationSizeMb: options.workerYoungMb ?? WORKER_YOUNG_MB };
}

/**
 * Starts `workers` worker threads before the data is ready: each loads the renderer module and
 * runs its optional `prepare()` (templates, fonts, a warm-up render) while the caller is still
 * loading and checking the data, which on a small machine would otherwise leave cores idle.
 * Pass the result to {@link runBatch} as `started`; call `dispose()` if no batch follows (bad
 * data). Started workers do not keep the process alive until a batch adopts them.
 */
export function startWorkers(options: StartWorkersOptions): StartedWorkers {
  const pool: { worker: Worker; dead: boolean }[] = [];
  const count = Math.max(0, Math.floor(options.workers));
  if (count > 0) tuneJitForBatch();
  for (let i = 0; i < count; i++) {
    const worker = new Worker(HOST, { workerData: { renderer: moduleUrl(options.renderer), prestart: true }, resourceLimits: resourceLimits(options) });
    const entry = { worker, dead: false };
    const died = (): void => {
      entry.dead = true;
    };
    worker.on('error', died);
    worker.on('exit', died);
    worker.unref();
    pool.push(entry);
  }
  return {
    take() {
      for (;;) {
        const entry = pool.shift();
        if (entry === undefined) return undefined;
        if (entry.dead) continue;
        entry.worker.removeAllListeners('error');
        entry.worker.removeAllListeners('exit');
        entry.worker.ref();
        return entry.worker;
      }
    },
    async dispose() {
      const rest = pool.splice(0);
      await Promise.allSettled(rest.map((e) => e.worker.terminate()));
    },
  };
}

/** How many worker threads {@link runBatch} uses for `jobs` documents when asked for `'auto'`. */
export function autoWorkers(jobs: number, cores: number = availableParallelism()): number {
  if (jobs <= PARALLEL_THRESHOLD || cores < 2) return 0;
  return Math.min(cores, Math.ceil(jobs / PARALLEL_THRESHOLD));
}

/**
 * Makes sure the output folder exists and can hold files, and removes the temporary files a
 * killed run may have left in it. Throws a French ConvkitError (exit 2) naming the folder when
 * it cannot be created (a path under a regular file, no permission, read-only file system).
 */
export async function prepareOutDir(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
    const info = await stat(outDir);
    if (!info.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (error) {
    throw new ConvkitError(`dossier de sortie inutilisable : ${outDir} (${explainFsError(error)})`, {
      locations: [{ file: outDir }],
      cause: error,
    });
  }
  await removeStaleTemps(outDir);
}

/**
 * Renders every job with the renderer module and writes each file it returns below `outDir`,
 * atomically (temporary file then rename) and as soon as it arrives, so that a failure or a
 * kill never leaves a partial file nor touches an earlier good one. A job that fails (its
 * renderer throws, its worker dies, a file cannot be written) is reported in `failures` with a
 * French message while the others are written; `status` is then 2.
 *
 * Large batches are spread over worker threads (see {@link autoWorkers}); each worker creates
 * its renderer once (loading the data once) and sends back the bytes by transfer.
 *
 * Rejects only when the renderer cannot be created at all (invalid data, for instance): then
 * nothing is written. Call {@link prepareOutDir} first for a clear message on a bad folder.
 *
 * @param jobs document ids understood by the renderer module, each rendered once
 */
export async function runBatch(jobs: readonly string[], options: RunBatchOptions): Promise<BatchResult> {
  const workers = options.workers === undefined || options.workers === 'auto' ? autoWorkers(jobs.length) : Math.max(0, Math.floor(options.workers));
  const ctx = new BatchContext(jobs.length, options);
  try {
    if (workers === 0 || jobs.length === 0) {
      await options.started?.dispose();
      await runInThread(jobs, options, ctx);
    } else await runInWorkers(jobs, Math.min(workers, jobs.length), options, ctx);
  } finally {
    await options.started?.dispose();
  }
  return ctx.result(workers === 0 || jobs.length === 0 ? 0 : Math.min(workers, jobs.length));
}

/** The shared bookkeeping of a batch: writing, failures, progress. */
class BatchContext {
  private readonly start = performance.now();
  private readonly written: string[] = [];
  private readonly failures: BatchFailure[] = [];
  private readonly heaps = new Map<number, number>();
  /** Output folders made during this batch: each is created once, not before every file. */
  private readonly createdDirs = new Set<string>();
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly options: RunBatchOptions,
  ) {}

  /** Writes the files of one job; any failure turns the whole job into a failure. */
  async complete(id: string, files: readonly RenderedFile[]): Promise<void> {
    const placed: string[] = [];
    try {
      const targets = files.map((f) => ({ target: safeOutputPath(this.options.outDir, f.path), bytes: f.bytes }));
      for (const { target, bytes } of targets) {
        try {
          await writeFileAtomic(target, bytes, { createdDirs: this.createdDirs });
        } catch (error) {
          throw new ConvkitError(`écriture impossible de ${target} (${explainFsError(error)})`, { cause: error });
        }
        placed.push(target);
        this.options.onWritten?.(target, id, bytes.byteLength);
      }
    } catch (error) {
      this.written.push(...placed);
      this.fail(id, failureMessage(serializeError(error)));
      return;
    }
    this.written.push(...placed);
    this.tick();
  }

  fail(id: string, message: string): void {
    this.failures.push({ id, message });
    this.tick();
  }

  heap(worker: number, bytes: number): void {
    this.heaps.set(worker, bytes);
  }

  private tick(): void {
    this.done += 1;
    if (!this.options.onProgress) return;
    let heapBytes = 0;
    for (const h of this.heaps.values()) heapBytes += h;
    this.options.onProgress({
      done: this.done,
      failed: this.failures.length,
      total: this.total,
      elapsedMs: performance.now() - this.start,
      rssBytes: process.memoryUsage.rss(),
      heapBytes: heapBytes || process.memoryUsage().heapUsed,
    });
  }

  result(workers: number): BatchResult {
    const failures = [...this.failures].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      written: [...this.written].sort(),
      failures,
      status: failures.length > 0 ? 2 : 0,
      workers,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
      elapsedMs: performance.now() - this.start,
    };
  }
}

function moduleUrl(renderer: URL | string): string {
  return renderer instanceof URL ? renderer.href : renderer;
}

async function runInThread(jobs: readonly string[], options: RunBatchOptions, ctx: BatchContext): Promise<void> {
  if (jobs.length === 0) return;
  const mod = (await import(moduleUrl(options.renderer))) as RendererModule;
  const renderer = await mod.createRenderer(options.setup);
  for (const id of jobs) {
    let files: readonly RenderedFile[];
    try {
      files = await renderer.render(id);
    } catch (error) {
      ctx.fail(id, failureMessage(serializeError(error)));
      continue;
    }
    await ctx.complete(id, files);
  }
}

/**
 * Jobs sent ahead to each worker: while it renders one, the next is already in its queue, so
 * it never waits for the parent (busy writing files, or not scheduled on a loaded machine) to
 * hand it work. Measured: workers were idle about 8 % of the batch with one job at a time.
 */
export const JOBS_IN_FLIGHT = 2;

/** One worker thread and the jobs sent to it and not answered yet, in the order sent. */
interface Slot {
  readonly index: number;
  worker: Worker;
  /** The first is being rendered; the others wait in the worker's queue. */
  readonly inFlight: string[];
  ready: boolean;
}

function runInWorkers(jobs: readonly string[], count: number, options: RunBatchOptions, ctx: BatchContext): Promise<void> {
  const data = { renderer: moduleUrl(options.renderer), setup: options.setup };
  let next = 0;
  /** Jobs to send again: those queued in a worker that died while rendering another. */
  const retry: string[] = [];
  let finished = 0;
  let crashes = 0;
  let settled = false;
  const writes = new Set<Promise<void>>();
  const slots: Slot[] = [];

  return new Promise<void>((resolve, reject) => {
    const stopAll = (): Promise<unknown> => Promise.allSettled(slots.map((s) => s.worker.terminate()));

    const finishIfDone = (): void => {
      if (settled || finished < jobs.length) return;
      settled = true;
      void Promise.all(writes)
        .then(stopAll)
        .then(() => resolve(), reject);
    };

    const abort = (error: Error): void => {
      if (settled) return;
      settled = true;
      void Promise.allSettled([...writes]).then(stopAll).then(() => reject(error));
    };

    const dispatch = (slot: Slot): void => {
      if (settled) return;
      while (slot.inFlight.length < JOBS_IN_FLIGHT) {
        const id = retry.shift() ?? (next < jobs.length ? jobs[next++] : undefined);
        if (id === undefined) return;
        slot.inFlight.push(id);
        slot.worker.postMessage({ type: 'render', id } satisfies ToWorker);
      }
    };

    /** The answer for `id` arrived: it leaves the slot's in-flight list. */
    const answered = (slot: Slot, id: string): void => {
      const at = slot.inFlight.indexOf(id);
      if (at >= 0) slot.inFlight.splice(at, 1);
    };

    const jobEnded = (work: Promise<void>): void => {
      writes.add(work);
      void work.finally(() => {
        writes.delete(work);
        finished += 1;
        finishIfDone();
      });
    };

    const spawn = (index: number): Slot => {
      tuneJitForBatch();
      // A worker started early gets its setup now; otherwise (or to replace one that died) a new one.
      const adopted = options.started?.take();
      if (adopted) adopted.postMessage({ type: 'setup', setup: options.setup } satisfies ToWorker);
      const worker = adopted ?? new Worker(HOST, { workerData: data, resourceLimits: resourceLimits(options) });
      const slot: Slot = { index, worker, inFlight: [], ready: false };
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            slot.ready = true;
            dispatch(slot);
            return;
          case 'init-failed':
            abort(deserializeError(message.error));
            return;
          case 'rendered': {
            ctx.heap(index, message.heapBytes);
            answered(slot, message.id);
            dispatch(slot);
            const files = message.files.map((f) => ({ path: f.path, bytes: new Uint8Array(f.bytes, f.offset, f.length) }));
            jobEnded(ctx.complete(message.id, files));
            return;
          }
          case 'failed':
            ctx.heap(index, message.heapBytes);
            answered(slot, message.id);
            dispatch(slot);
            ctx.fail(message.id, failureMessage(message.error));
            jobEnded(Promise.resolve());
            return;
        }
      });
      const died = (why: string): void => {
        if (settled) return;
        // The worker renders its queue in order: the first job in flight is the one it died on;
        // the others never started and go to another worker.
        const [lost, ...queued] = slot.inFlight.splice(0);
        retry.push(...queued);
        if (!slot.ready && lost === undefined) {
          // Died while starting: nothing would ever render; stop the batch.
          abort(new ConvkitError(`le processus de rendu n’a pas pu démarrer (${why})`));
          return;
        }
        if (lost !== undefined) {
          ctx.fail(lost, `le rendu de ce document a interrompu son processus de travail (${why})`);
          jobEnded(Promise.resolve());
        }
        if (next < jobs.length || retry.length > 0) {
          crashes += 1;
          if (crashes > count * 3) {
            abort(new ConvkitError(`les processus de rendu s’arrêtent sans cesse (${why}) : génération abandonnée`));
            return;
          }
          slots[index] = spawn(index);
        }
      };
      worker.on('error', (error: Error) => died(error.message));
      worker.on('exit', (code) => {
        if (slot.inFlight.length > 0 || (!slot.ready && !settled)) died(`code de sortie ${code}`);
      });
      return slot;
    };

    for (let i = 0; i < count; i++) slots.push(spawn(i));
    // Started workers beyond what this batch uses would only hold memory.
    void options.started?.dispose();
  });
}
