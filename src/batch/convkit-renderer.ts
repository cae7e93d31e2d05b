/**
 * The batch renderer of `convkit generate`: the parent loads and checks the data once and
 * sends it, as plain data, to every worker thread, which compiles the clause library once and
 * then builds and renders documents by job id (« conventions/caf-21 »). Loaded by
 * {@link runBatch} through its URL ({@link CONVKIT_RENDERER}).
 */
import path from 'node:path';
import type { Dataset } from '../data/load.js';
import { ConvkitError } from '../errors.js';
import { buildDocument, documentBuilder, FOLDERS, outputPath, planDocuments, renderDocument, type OutputFormat, type PlannedDocument } from '../generate/index.js';
import type { Document } from '../model/types.js';
import type { Face } from '../render/pdf/fonts.js';
import { loadTemplates } from '../template/engine.js';
import type { BatchRenderer, RenderedFile } from './types.js';

const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic'];

/** URL of this module, for `runBatch({ renderer: CONVKIT_RENDERER })`. */
export const CONVKIT_RENDERER = new URL(import.meta.url);

/** A loaded data set without what cannot cross a thread (its source index of YAML nodes). */
export type PlainDataset = Omit<Dataset, 'sources' | 'warnings'>;

/** What every thread needs to render (plain data: it is cloned into the workers). */
export interface ConvkitBatchSetup {
  readonly dataset: PlainDataset;
  readonly templatesDir?: string;
  readonly formats: readonly OutputFormat[];
}

/**
 * The part of a loaded data set the documents are built from. Sending it is much cheaper than
 * having each worker parse the YAML again (a thousand partners: a few MB cloned against about
 * 1.5 s and 200 MB of transient memory per parse).
 */
export function plainDataset(d: Dataset): PlainDataset {
  return {
    root: d.root,
    observatory: d.observatory,
    organisations: d.organisations,
    partners: d.partners,
    signatories: d.signatories,
    people: d.people,
    deliberations: d.deliberations,
  };
}

/** The job id of a planned document: its path under the output folder, without extension. */
export function jobIdOf(plan: Pick<PlannedDocument, 'kind' | 'name'>): string {
  return `${FOLDERS[plan.kind]}/${plan.name}`;
}

/**
 * Warm-up of a worker started before the data is loaded (`startWorkers`): compiles the bundled
 * clause library and loads the fonts, which do not depend on the data. (Rendering a bundled
 * document as well was measured: on two cores it only takes CPU from the parent's data
 * loading, for no gain.) Any error is left to `createRenderer` to report.
 */
export async function prepare(): Promise<void> {
  await loadTemplates();
  const { faceMetrics } = await import('../render/pdf/fonts.js');
  for (const face of FACES) faceMetrics(face);
}

/** Compiles the clause library of `setup`; throws its ConvkitError when a template is invalid. */
export async function createRenderer(setup: unknown): Promise<BatchRenderer> {
  const s = setup as ConvkitBatchSetup;
  // Generation never reads source positions: they only locate data errors, found before.
  const dataset: Dataset = { ...s.dataset, sources: { locate: () => undefined }, warnings: [] };
  const builder = documentBuilder(dataset, await loadTemplates(s.templatesDir));
  const plans = new Map(planDocuments(dataset).map((p) => [jobIdOf(p), p]));
  // Any absolute folder works: only the path relative to it is sent back.
  const root = path.resolve('/convkit-out');
  const build = (plan: PlannedDocument): Document => buildDocument(dataset, builder, plan);
  return {
    async render(id: string): Promise<readonly RenderedFile[]> {
      const plan = plans.get(id);
      if (!plan) throw new ConvkitError(`document inconnu : « ${id} »`);
      const document = build(plan);
      const files: RenderedFile[] = [];
      for (const format of s.formats) {
        const rel = path.relative(root, outputPath(root, plan, format)).split(path.sep).join('/');
        files.push({ path: rel, bytes: await renderDocument(document, format) });
      }
      return files;
    },
  };
}
