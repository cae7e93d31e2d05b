/**
 * The generator: data → clause library → block text → DocModel → DOCX / PDF files.
 *
 * Everything is loaded, built and rendered in memory first; files are written only once every
 * document succeeded, each one atomically. Bad data or a template error → nothing written.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataset, type Dataset } from '../data/load.js';
import { ConvkitError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Document } from '../model/types.js';
import { renderDocx } from '../render/docx.js';
import { renderPdf } from '../render/pdf/index.js';
import { loadTemplates } from '../template/engine.js';
import { buildDeliberationDocument } from '../deliberation/index.js';
import { documentBuilder, type DocumentBuilder } from './documents.js';
import { outputPath, planDocuments, type OutputFormat, type PlannedDocument } from './plan.js';

export { documentBuilder, type DocumentBuilder } from './documents.js';
export { planAnnexes, type AnnexPlan } from './annexes.js';
export { charterContext, conventionContext, engagementContext } from './context.js';
export type { CharterContext, ConventionContext, EngagementContext, PartyView, SignatureView, VariantView } from './context.js';
export { FOLDERS, OUTPUT_FORMATS, outputPath, parseFormats, planDocuments, type OutputFormat, type PlannedDocument } from './plan.js';
export { applyTypography } from './typography.js';

/** The data folder shipped with the package (`<package>/data`). */
export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../data/', import.meta.url));
}

/** Options of {@link buildDocuments} and {@link generate}. */
export interface BuildOptions {
  /** Partner or signatory ids to keep (default: everything). */
  readonly only?: readonly string[];
  /** Folder of the clause library (default: the package's `templates/`). */
  readonly templatesDir?: string;
}

/** A built document with its place in the plan. */
export interface BuiltDocument {
  readonly plan: PlannedDocument;
  readonly document: Document;
}

/** Builds the DocModel of every planned document of a loaded data set. */
export async function buildDocuments(dataset: Dataset, options: BuildOptions = {}): Promise<BuiltDocument[]> {
  const builder = documentBuilder(dataset, await loadTemplates(options.templatesDir));
  return planDocuments(dataset, options.only).map((plan) => ({ plan, document: buildDocument(dataset, builder, plan) }));
}

/** Builds the DocModel of one planned document (shared by the in-process and worker paths). */
export function buildDocument(dataset: Dataset, builder: DocumentBuilder, plan: PlannedDocument): Document {
  switch (plan.kind) {
    case 'deliberation': {
      const deliberation = dataset.deliberations.find((d) => d.id === plan.source);
      if (!deliberation) throw new ConvkitError(`délibération inconnue : « ${plan.source} »`);
      return buildDeliberationDocument(dataset, deliberation);
    }
    case 'convention':
      return builder.convention(plan.source);
    case 'charter':
      return builder.charter(plan.source);
    case 'engagement':
      return builder.engagement(plan.source);
  }
}

/** One output file, rendered in memory. */
export interface OutputFile {
  /** Absolute path. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Renders a document to one format. */
export function renderDocument(document: Document, format: OutputFormat): Promise<Uint8Array> {
  return format === 'docx' ? renderDocx(document) : renderPdf(document);
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

/** Writes rendered files, each atomically, in order. */
export async function writeOutputs(files: readonly OutputFile[]): Promise<void> {
  for (const f of files) await writeFileAtomic(f.path, f.bytes);
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
