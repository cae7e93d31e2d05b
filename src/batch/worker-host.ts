/**
 * Entry point of a batch worker thread: loads the renderer module named in `workerData`,
 * creates its renderer once (the data set is loaded once per thread), then renders the ids the
 * parent sends, one at a time in the order received, and sends the bytes back without copying
 * them (transferred ArrayBuffers).
 *
 * A worker started early (`startWorkers`, `prestart` set) has no setup yet: it loads the
 * module, runs its optional `prepare()` warm-up while the parent is still loading the data,
 * then waits for a `setup` message before creating its renderer.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError } from './errors.js';
import type { BatchRenderer, FromWorker, RendererModule, ToWorker } from './types.js';

interface HostData {
  readonly renderer: string;
  readonly setup?: unknown;
  readonly prestart?: boolean;
}

const port = parentPort;
if (!port) throw new Error('worker-host must run in a worker thread');
const data = workerData as HostData;

const post = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
// The heap in use, as process.memoryUsage().heapUsed gives it, without the resident set size that
// memoryUsage() also reads from the system (about 2 % of a worker's time, one call per document).
const heap = (): number => getHeapStatistics().used_heap_size;

let mod: RendererModule | undefined;
let importError: unknown;

// No top-level await: a worker terminated while its entry module is still being evaluated
// with a pending top-level await (a batch stopped on bad data while its workers were loading)
// aborts the whole process in Node 20 (« Check failed: (location_) != nullptr » in V8's
// SourceTextModule::ExecuteAsyncModule, nodejs/node#43182 and #53238; seen once in `npm test`).
// The module evaluates synchronously; the loading runs in promise jobs, which a termination
// simply stops.
void start();

async function start(): Promise<void> {
  try {
    mod = (await import(data.renderer)) as RendererModule;
  } catch (error) {
    importError = error;
  }
  if (data.prestart) {
    if (mod?.prepare) await mod.prepare().catch(() => undefined);
    port?.once('message', (message: ToWorker) => {
      if (message.type === 'setup') void init(message.setup);
    });
  } else {
    await init(data.setup);
  }
}

async function init(setup: unknown): Promise<void> {
  let renderer: BatchRenderer | undefined;
  try {
    if (!mod) throw importError;
    renderer = await mod.createRenderer(setup);
    post({ type: 'ready' });
  } catch (error) {
    // The parent stops the batch on this message; closing the port lets the thread end.
    post({ type: 'init-failed', error: serializeError(error) });
    port?.close();
  }
  if (renderer && port) serve(port, renderer);
}

function serve(port: NonNullable<typeof parentPort>, renderer: BatchRenderer): void {
  // The parent sends the next job before this one is done (JOBS_IN_FLIGHT): jobs wait here and
  // are rendered one at a time, in the order received (the parent relies on that order).
  const queue: string[] = [];
  let busy = false;
  const drain = async (): Promise<void> => {
    busy = true;
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) await renderOne(id);
    busy = false;
  };
  const renderOne = async (id: string): Promise<void> => {
    try {
      const files = await renderer.render(id);
      const transfer: ArrayBuffer[] = [];
      const out = files.map((f) => {
        // Transfer the underlying buffer when the file owns it whole; otherwise copy once.
        let bytes = f.bytes;
        if (!(bytes.buffer instanceof ArrayBuffer) || bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength || transfer.includes(bytes.buffer)) {
          bytes = bytes.slice();
        }
        const buffer = bytes.buffer as ArrayBuffer;
        transfer.push(buffer);
        return { path: f.path, bytes: buffer, offset: 0, length: bytes.byteLength };
      });
      post({ type: 'rendered', id, files: out, heapBytes: heap() }, transfer);
    } catch (error) {
      post({ type: 'failed', id, error: serializeError(error), heapBytes: heap() });
    }
  };
  port.on('message', (message: ToWorker) => {
    if (message.type !== 'render') return;
    queue.push(message.id);
    if (!busy) void drain();
  });
}
