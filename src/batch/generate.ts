/**
 * `convkit generate` for any size of run: small runs build and render in this thread and write
 * only once every document succeeded (the generator's all-or-nothing path); large runs are
 * spread over worker threads, each file written atomically as it arrives, a failing document
 * reported while the others are written.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { loadDataset } from '../data/load.js';
import type { Dataset } from '../data/load.js';
import {
  buildDocument,
  defaultDataDir,
  documentBuilder,
  outputPath,
  planDocuments,
  renderDocument,
  writeOutputs,
  type OutputFile,
  type GenerateOptions,
  type PlannedDocument,
  type OutputFormat,
  type WrittenFile,
} from '../generate/index.js';
import { ConvkitError } from '../errors.js';
import { blankSummaries, refuseBlanks, type BlankSummary } from '../generate/blanks-summary.js';
import { loadTemplates } from '../template/engine.js';
import { failureMessage, serializeError } from './errors.js';
import { explainFsError } from './fs-errors.js';
import { tempTarget } from './temps.js';
import { CONVKIT_RENDERER, jobIdOf, plainDataset, type ConvkitBatchSetup } from './convkit-renderer.js';
import { autoWorkers, prepareOutDir, runBatch, startWorkers, type StartedWorkers } from './run.js';
import type { BatchFailure, BatchProgress } from './types.js';

/** Options of {@link generateDocuments}: the generator's, plus how to run the batch. */
export interface BatchGenerateOptions extends GenerateOptions {
  /** Worker threads (0: in this thread); default: {@link autoWorkers} of the number of documents. */
  readonly workers?: number;
  /** `--strict`: refuse the run, writing nothing, when a planned document has blanks to fill. */
  readonly refuseBlanks?: boolean;
  /** Progress of a batch run (not called on the in-thread path, which is short). */
  readonly onProgress?: (progress: BatchProgress) => void;
}

/** What a run wrote (in plan order, then format order) and what failed (batch path only). */
export interface GenerateOutcome {
  readonly written: readonly WrittenFile[];
  readonly failures: readonly BatchFailure[];
  /** Documents planned. */
  readonly documents: number;
  /** Worker threads used (0: in this thread). */
  readonly workers: number;
  /** What remains to fill in the planned documents (from the data's blanks), in plan order. */
  readonly blanks: readonly BlankSummary[];
}

/**
 * Loads and checks the data, plans the documents, then generates them: in this thread when
 * the run is small (all or nothing), in worker threads otherwise (each document on its own).
 * The output folder is checked (and the temporary files of a killed run removed) first.
 *
 * @throws ConvkitError (exit status 2) for bad data, an unknown id in `only`, an output folder
 *   that cannot be created, a template error on the in-thread path or one that stops every
 *   worker from starting; nothing is written then.
 */
export async function generateDocuments(options: BatchGenerateOptions): Promise<GenerateOutcome> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const formats: readonly OutputFormat[] = options.formats ?? ['docx', 'pdf'];
  // A large run starts its workers now, so that they load and warm up while this thread reads
  // and checks the data (about a second for a thousand partners).
  const early = await startEarly(dataDir, options);
  let dataset: Awaited<ReturnType<typeof loadDataset>>;
  let plans: ReturnType<typeof planDocuments>;
  let blanks: BlankSummary[];
  try {
    // The same checks as `convkit validate` (src/data/checks/index.ts), deliberations included.
    dataset = await loadDataset(dataDir);
    plans = planDocuments(dataset, options.only);
    blanks = blankSummaries(dataset, plans);
    if (options.refuseBlanks === true) refuseBlanks(blanks);
  } catch (error) {
    await early?.dispose();
    throw error;
  }
  const workers = options.workers ?? autoWorkers(plans.length);
  if (workers === 0) await early?.dispose();

  if (workers === 0) {
    // Small runs: each document is built and rendered in memory; one that fails is reported
    // while the others are written (the README's promise holds for every size of run).
    const builder = documentBuilder(dataset, await loadTemplates(options.templatesDir));
    const files: OutputFile[] = [];
    const failures: BatchFailure[] = [];
    for (const plan of plans) {
      try {
        const document = buildDocument(dataset, builder, plan);
        const rendered: OutputFile[] = [];
        for (const format of formats) rendered.push({ path: outputPath(options.outDir, plan, format), bytes: await renderDocument(document, format) });
        files.push(...rendered);
      } catch (error) {
        failures.push({ id: jobIdOf(plan), message: failureMessage(serializeError(error)) });
      }
    }
    if (files.length > 0) {
      await prepareOutDir(options.outDir);
      await writeOutputs(files).catch((error: unknown) => {
        throw writeError(error, files);
      });
    }
    return {
      written: files.map((f) => ({ path: f.path, size: f.bytes.byteLength })),
      failures: withDataFiles(failures, plans, dataset),
      documents: plans.length,
      workers: 0,
      blanks,
    };
  }

  await prepareOutDir(options.outDir).catch(async (error: unknown) => {
    await early?.dispose();
    throw error;
  });
  const sizes = new Map<string, number>();
  const setup: ConvkitBatchSetup = {
    dataset: plainDataset(dataset),
    formats,
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
  };
  const result = await runBatch(
    plans.map((p) => jobIdOf(p)),
    {
      renderer: CONVKIT_RENDERER,
      setup,
      outDir: options.outDir,
      workers,
      onWritten: (file, _id, size) => sizes.set(file, size),
      ...(early ? { started: early } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
  );
  const written: WrittenFile[] = [];
  for (const plan of plans) {
    for (const format of formats) {
      const file = outputPath(options.outDir, plan, format);
      const size = sizes.get(file);
      if (size !== undefined) written.push({ path: file, size });
    }
  }
  return { written, failures: withDataFiles(result.failures, plans, dataset), documents: plans.length, workers: result.workers, blanks };
}

/**
 * Starts the batch's workers before the data is loaded when the run will clearly be large:
 * no `only` filter and more partner files than {@link autoWorkers} needs to go parallel (a
 * cheap count of `partners/*.yaml`; the real plan decides afterwards, and unused workers are
 * stopped). Undefined when the run will stay in this thread.
 */
async function startEarly(dataDir: string, options: BatchGenerateOptions): Promise<StartedWorkers | undefined> {
  if (options.workers === 0 || (options.only !== undefined && options.only.length > 0)) return undefined;
  const names = await readdir(path.join(dataDir, 'partners')).catch(() => [] as string[]);
  const estimate = names.filter((n) => /\.ya?ml$/.test(n)).length;
  const workers = options.workers ?? autoWorkers(estimate);
  if (workers === 0) return undefined;
  return startWorkers({ renderer: CONVKIT_RENDERER, workers });
}

/** A file-system error of the in-thread writes as a French ConvkitError naming the file. */
function writeError(error: unknown, files: readonly { readonly path: string }[]): ConvkitError {
  if (error instanceof ConvkitError) return error;
  const failed = (error as NodeJS.ErrnoException).path;
  // The error names the temporary file or the folder; show the document's own path.
  const target = failed === undefined ? undefined : path.join(path.dirname(failed), tempTarget(path.basename(failed)) ?? path.basename(failed));
  const file = files.find((f) => f.path === target)?.path ?? failed ?? '';
  const shown = path.relative(process.cwd(), file);
  const name = shown !== '' && !shown.startsWith('..') && !path.isAbsolute(shown) ? shown : file;
  return new ConvkitError(`écriture impossible de ${name.split(path.sep).join('/')} (${explainFsError(error)})`, { cause: error });
}

/**
 * Adds to each failure the data file its document is built from: a template error that comes
 * from the data (a value the template cannot print) then names where to look.
 */
function withDataFiles(failures: readonly BatchFailure[], plans: readonly PlannedDocument[], dataset: Dataset): BatchFailure[] {
  const byJob = new Map(plans.map((p) => [jobIdOf(p), p]));
  return failures.map((f) => {
    const plan = byJob.get(f.id);
    // Only a template error (« templates/….hbs:3:7 : … ») may come from the data.
    if (!plan || !/\.hbs:\d+/.test(f.message)) return f;
    const kind = plan.kind === 'charter' ? 'signatory' : plan.kind === 'deliberation' ? 'deliberation' : 'partner';
    const file = dataset.sources.locate(kind, plan.source)?.file;
    return file === undefined ? f : { ...f, message: `${f.message} (document construit à partir de ${file.split(path.sep).join('/')})` };
  });
}
