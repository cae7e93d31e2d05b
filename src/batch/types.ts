/**
 * Contracts of the batch runner. A batch is a list of job ids (opaque strings such as
 * « conventions/caf-21 »); a *renderer module* turns one id into the files to write. The same
 * module runs in worker threads (large batches) or in the calling thread (small ones).
 */

/** One output file, its path relative to the output folder (forward slashes). */
export interface RenderedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Renders documents by id; created once per thread, so it may cache the loaded data. */
export interface BatchRenderer {
  render(id: string): Promise<readonly RenderedFile[]>;
}

/**
 * What a renderer module exports: `createRenderer(setup)` is called once per thread with the
 * batch's `setup` value (structured-cloned into workers: plain data only).
 */
export interface RendererModule {
  createRenderer(setup: unknown): Promise<BatchRenderer>;
  /**
   * Optional warm-up run in a worker started before the batch's `setup` is known (see
   * `startWorkers`): load what does not depend on the data (templates, fonts, compiled code).
   * Its errors are ignored; `createRenderer` reports real problems.
   */
  prepare?(): Promise<void>;
}

/** A document that could not be produced, and why (French message). */
export interface BatchFailure {
  readonly id: string;
  readonly message: string;
}

/** Where the batch stands; given to `onProgress` after every document. */
export interface BatchProgress {
  /** Documents finished (written or failed). */
  readonly done: number;
  readonly failed: number;
  readonly total: number;
  /** Milliseconds since the batch started. */
  readonly elapsedMs: number;
  /** Resident set size of the whole process (all threads), in bytes, at this moment. */
  readonly rssBytes: number;
  /** Sum of the last reported JS heap use of each rendering thread, in bytes. */
  readonly heapBytes: number;
}

/** The outcome of a batch. */
export interface BatchResult {
  /** Absolute paths of the files written, sorted. */
  readonly written: readonly string[];
  /** Sorted by id. */
  readonly failures: readonly BatchFailure[];
  /** 0 when every document was written, 2 when at least one failed. */
  readonly status: 0 | 2;
  /** Worker threads used (0: rendered in the calling thread). */
  readonly workers: number;
  /** High-water mark of the process's resident set size (all threads), in bytes. */
  readonly maxRssBytes: number;
  readonly elapsedMs: number;
}

/** Messages from the parent to a worker. */
export type ToWorker = { readonly type: 'render'; readonly id: string } | { readonly type: 'setup'; readonly setup: unknown };

/** Messages from a worker to the parent. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'init-failed'; readonly error: SerializedError }
  | {
      readonly type: 'rendered';
      readonly id: string;
      readonly files: readonly { readonly path: string; readonly bytes: ArrayBuffer; readonly offset: number; readonly length: number }[];
      readonly heapBytes: number;
    }
  | { readonly type: 'failed'; readonly id: string; readonly error: SerializedError; readonly heapBytes: number };

/** An error sent across threads (class identity does not survive structured cloning). */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  /** Set for ConvkitError: a user error, shown as is. */
  readonly exitCode?: number;
  readonly stack?: string;
}
