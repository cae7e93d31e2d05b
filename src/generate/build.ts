/**
 * Building DocModels from a loaded data set, without the renderers: what `generate` renders
 * and what the lifecycle commands (diff, impact, redline, avenant) compare. Kept apart from
 * index.ts so that importing it does not load the DOCX and PDF libraries.
 */
import type { Dataset } from '../data/load.js';
import { ConvkitError } from '../errors.js';
import type { Document } from '../model/types.js';
import { loadTemplates } from '../template/engine.js';
import { buildDeliberationDocument } from '../deliberation/index.js';
import { documentBuilder, type DocumentBuilder, type SectionMemo } from './documents.js';
import { planDocuments, type PlannedDocument } from './plan.js';
import { findById } from './lookup.js';

/** Options of {@link buildDocuments} and {@link generate}. */
export interface BuildOptions {
  /** Partner or signatory ids to keep (default: everything). */
  readonly only?: readonly string[];
  /** Folder of the clause library (default: the package's `templates/`). */
  readonly templatesDir?: string;
  /** Record provenance on blocks and sections (lifecycle only; never for rendered output). */
  readonly provenance?: boolean;
  /** Sections shared with another build of the same templates (lifecycle: both versions). */
  readonly memo?: SectionMemo;
}

/** A built document with its place in the plan. */
export interface BuiltDocument {
  readonly plan: PlannedDocument;
  readonly document: Document;
}

/** Builds the DocModel of every planned document of a loaded data set. */
export async function buildDocuments(dataset: Dataset, options: BuildOptions = {}): Promise<BuiltDocument[]> {
  const builder = documentBuilder(dataset, await loadTemplates(options.templatesDir), { provenance: options.provenance === true, ...(options.memo ? { memo: options.memo } : {}) });
  return planDocuments(dataset, options.only).map((plan) => ({ plan, document: buildDocument(dataset, builder, plan) }));
}

/** Builds the DocModel of one planned document (shared by the in-process and worker paths). */
export function buildDocument(dataset: Dataset, builder: DocumentBuilder, plan: PlannedDocument): Document {
  switch (plan.kind) {
    case 'deliberation': {
      const deliberation = findById(dataset.deliberations, plan.source);
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

