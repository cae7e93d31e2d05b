/**
 * The generator: data → clause library → block text → DocModel → DOCX / PDF files.
 *
 * Everything is loaded, built and rendered in memory first; files are written only once every
 * document succeeded, each one atomically. Bad data or a template error → nothing written.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadDataset, type Dataset } from '../data/load.js';
import { ConvkitError } from '../errors.js';
import { defaultDataDir } from './default-dir.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Document } from '../model/types.js';
import { buildDocuments, type BuildOptions, type BuiltDocument } from './build.js';
import { outputPath, type OutputFormat } from './plan.js';

export { documentBuilder, type DocumentBuilder } from './documents.js';
export { planAnnexes, type AnnexPlan } from './annexes.js';
export { charterContext, conventionContext, engagementContext } from './context.js';
export type { CharterContext, ConventionContext, EngagementContext, PartyView, SignatureView, VariantView } from './context.js';
export { FOLDERS, OUTPUT_FORMATS, outputPath, parseFormats, planDocuments, type OutputFormat, type PlannedDocument } from './plan.js';
export { applyTypography } from './typography.js';

export { defaultDataDir } from './default-dir.js';

export { buildDocument, buildDocuments, type BuildOptions, type BuiltDocument } from './build.js';

/** One output file, rendered in memory. */
export interface OutputFile {
  /** Absolute path. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * Renders a document to one format. Each renderer is loaded on its first use: a DOCX-only run
 * never loads pdf-lib and fontkit, a PDF-only run never loads docx.
 */
export async function renderDocument(document: Document, format: OutputFormat): Promise<Uint8Array> {
  if (format === 'docx') return (await import('../render/docx.js')).renderDocx(document);
  return (await import('../render/pdf/index.js')).renderPdf(document);
}

/** Renders built documents to every requested format, in memory. */
export async function renderOutputs(
  built: readonly BuiltDocument[],
  outDir: string,
  formats: readonly OutputFormat[],
): Promise<OutputFile[]> {
  const out: OutputFile[] = [];
  for (const b of built) {
    for (const format of formats) {
      out.push({ path: outputPath(outDir, b.plan, format), bytes: await renderDocument(b.document, format) });
    }
  }
  return out;
}

/**
 * Files written at once: each write waits on the disk (its `fsync` before the rename), so a few
 * at a time overlap those waits in libuv's thread pool (28 files of the bundled set: ~100 ms
 * one by one).
 */
const WRITES_AT_ONCE = 8;

/**
 * Writes rendered files, each atomically (a file is either its new bytes or untouched). When
 * some fail, the others are still written, and the error thrown is the first failure in the
 * order of `files`, whatever the order the writes ended in.
 */
export async function writeOutputs(files: readonly OutputFile[]): Promise<void> {
  const failures: (unknown | undefined)[] = new Array<unknown>(files.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const f = files[i]!;
      await writeFileAtomic(f.path, f.bytes).catch((error: unknown) => {
        failures[i] = error ?? new Error('écriture impossible');
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITES_AT_ONCE, files.length) }, lane));
  const first = failures.find((e) => e !== undefined);
  if (first !== undefined) throw first;
}

/** Options of {@link generate}. */
export interface GenerateOptions extends BuildOptions {
  /** Data folder (default: the package's `data/`). */
  readonly dataDir?: string;
  /** Output folder (created if needed). */
  readonly outDir: string;
  /** Default: docx and pdf. */
  readonly formats?: readonly OutputFormat[];
}

/** What a run wrote. */
export interface WrittenFile {
  readonly path: string;
  readonly size: number;
}

/**
 * Loads the data, builds and renders every document in memory, then writes the files.
 *
 * @throws ConvkitError (exit status 2) for bad data, a template error, an unknown id or an
 *   output folder that is a file; nothing is written then.
 */
export async function generate(options: GenerateOptions): Promise<WrittenFile[]> {
  const dataDir = options.dataDir ?? defaultDataDir();
  // Every data check (the deliberations' tally, quorum and proxies included) runs in
  // `checkDataset`, the same as `convkit validate`.
  const dataset = await loadDataset(dataDir);
  const built = await buildDocuments(dataset, options);
  const files = await renderOutputs(built, options.outDir, options.formats ?? ['docx', 'pdf']);
  const out = await stat(options.outDir).catch(() => undefined);
  if (out && !out.isDirectory()) {
    throw new ConvkitError(`le dossier de sortie est un fichier : ${path.relative(process.cwd(), options.outDir) || options.outDir}`);
  }
  await writeOutputs(files);
  return files.map((f) => ({ path: f.path, size: f.bytes.byteLength }));
}
