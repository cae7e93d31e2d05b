/** One version of the documents, built in memory with provenance (never written to out/). */
import { loadDataset, type Dataset } from '../data/load.js';
import { buildDocuments } from '../generate/build.js';
import type { SectionMemo } from '../generate/documents.js';
import { FOLDERS, type PlannedDocument } from '../generate/plan.js';
import type { Document } from '../model/types.js';
import { readTemplateFiles, type VersionSource } from './versions.js';

/** Output folder name of a document kind: « conventions », « chartes »… */
export type FolderKind = (typeof FOLDERS)[keyof typeof FOLDERS];

export interface VersionDocument {
  readonly kind: FolderKind;
  /** File name without extension, as in the output folder (« caf-21 »). */
  readonly id: string;
  readonly plan: PlannedDocument;
  readonly document: Document;
}

export interface LoadedVersion {
  readonly label: string;
  readonly dataset: Dataset;
  /** Keyed « conventions/caf-21 ». */
  readonly documents: ReadonlyMap<string, VersionDocument>;
  /** Template files, relative path → text. */
  readonly templates: ReadonlyMap<string, string>;
  /**
   * The templates folder the documents were built with. For a git revision it was a temporary
   * copy, already removed: its compiled templates stay in the engine's cache (loadTemplates).
   */
  readonly templatesDir: string;
}

/** Options of {@link loadVersion}. */
export interface LoadOptions {
  /** Build only the documents of these partner, signatory or deliberation ids (default: all). */
  readonly only?: readonly string[];
  /** The version's data, already loaded and checked (the working copy of `convkit packet`). */
  readonly dataset?: Dataset;
  /** Sections shared with the other version: a document with the same context is built once. */
  readonly memo?: SectionMemo;
}

/**
 * Loads a version's data and templates and builds every document with provenance.
 * `compileFrom`: another folder holding the very same template files, already compiled (the
 * working copy's, when a revision did not touch the templates): compiled once, not twice.
 */
export async function loadVersion(
  source: VersionSource,
  known?: { templates: ReadonlyMap<string, string>; dir: string },
  options: LoadOptions = {},
): Promise<LoadedVersion> {
  const [dataset, templates] = await Promise.all([options.dataset ?? loadDataset(source.dataDir, { approvedAvenants: false }), readTemplateFiles(source.templatesDir)]);
  const same = known !== undefined && known.templates.size === templates.size && [...templates].every(([k, v]) => known.templates.get(k) === v);
  const built = await buildDocuments(dataset, {
    templatesDir: same ? known.dir : source.templatesDir,
    provenance: true,
    ...(options.only ? { only: options.only } : {}),
    ...(options.memo ? { memo: options.memo } : {}),
  });
  const documents = new Map<string, VersionDocument>();
  for (const b of built) {
    const kind = FOLDERS[b.plan.kind];
    documents.set(`${kind}/${b.plan.name}`, { kind, id: b.plan.name, plan: b.plan, document: b.document });
  }
  return { label: source.label, dataset, documents, templates, templatesDir: same ? known.dir : source.templatesDir };
}
