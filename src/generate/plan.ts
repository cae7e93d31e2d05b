/**
 * Output planning: which documents a run produces and where they go.
 *
 *   conventions/<partner-id>.<ext>                   each convention with its annexes
 *   chartes/<signatory-id>.<ext>                     each charter as signed
 *   actes-engagement/<partner-id>-<contractor>.<ext> each engagement act (partners that require one)
 *   deliberations/<deliberation-id>.<ext>            each extract of the register of deliberations
 */
import path from 'node:path';
import type { Dataset } from '../data/load.js';
import { closest } from '../data/messages.js';
import { ConvkitError } from '../errors.js';
import type { DocumentKind } from '../model/types.js';

export type OutputFormat = 'docx' | 'pdf';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['docx', 'pdf'];

/** Folder of each kind of document under the output folder. */
export const FOLDERS = {
  convention: 'conventions',
  charter: 'chartes',
  engagement: 'actes-engagement',
  deliberation: 'deliberations',
} as const satisfies Partial<Record<DocumentKind, string>>;

export type PlannedKind = keyof typeof FOLDERS;

/** One document to produce. */
export interface PlannedDocument {
  readonly kind: PlannedKind;
  /** The partner, signatory or deliberation the document is built from. */
  readonly source: string;
  /** File name without extension (« caf-21 », « caf-21-compas-tis »). */
  readonly name: string;
}

const SAFE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The documents of a data set, in a stable order (conventions, then engagement acts, then
 * charters, then deliberation extracts, each sorted by id). `only` keeps the documents of the
 * given partner, signatory or deliberation ids: a partner brings its convention and its
 * engagement act.
 *
 * @throws ConvkitError for an unknown id, listing the valid ones.
 */
export function planDocuments(dataset: Dataset, only: readonly string[] = []): PlannedDocument[] {
  const contractor = dataset.observatory.contractor;
  const all: PlannedDocument[] = [
    ...dataset.partners.map((p): PlannedDocument => ({ kind: 'convention', source: p.id, name: p.id })),
    ...dataset.partners
      .filter((p) => p.engagementAct)
      .map((p): PlannedDocument => ({ kind: 'engagement', source: p.id, name: `${p.id}-${contractor}` })),
    ...dataset.signatories.map((s): PlannedDocument => ({ kind: 'charter', source: s.id, name: s.id })),
    ...dataset.deliberations.map((d): PlannedDocument => ({ kind: 'deliberation', source: d.id, name: d.id })),
  ];
  if (only.length === 0) return all;
  const partners = dataset.partners.map((p) => p.id);
  const signatories = dataset.signatories.map((s) => s.id);
  const deliberations = dataset.deliberations.map((d) => d.id);
  const unknown = only.filter((id) => !partners.includes(id) && !signatories.includes(id) && !deliberations.includes(id));
  if (unknown.length > 0) {
    const known = [...partners, ...signatories, ...deliberations];
    const named = unknown.map((u) => {
      const guess = closest(u, known);
      return `« ${u} »${guess !== undefined ? ` (vouliez-vous dire « ${guess} » ?)` : ''}`;
    });
    throw new ConvkitError(
      `identifiant${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} : ${named.join(', ')}\n` +
        `  partenaires : ${listed(partners)}\n  signataires : ${listed(signatories)}` +
        (deliberations.length > 0 ? `\n  délibérations : ${listed(deliberations)}` : ''),
    );
  }
  const wanted = new Set(only);
  return all.filter((d) => wanted.has(d.source));
}

/** The ids a message lists: all of them up to 30, else the first 25 and how many in all. */
function listed(ids: readonly string[]): string {
  return ids.length <= 30 ? ids.join(', ') : `${ids.slice(0, 25).join(', ')}… (${ids.length} en tout)`;
}

/**
 * The path of a planned document in `outDir`. Ids are kebab-case by schema; this checks again
 * so that no name can ever leave the output folder.
 *
 * @throws ConvkitError for an unsafe name.
 */
export function outputPath(outDir: string, doc: Pick<PlannedDocument, 'kind' | 'name'>, format: OutputFormat): string {
  if (!SAFE_NAME.test(doc.name)) throw new ConvkitError(`nom de fichier refusé : « ${doc.name} »`);
  const root = path.resolve(outDir);
  const file = path.resolve(root, FOLDERS[doc.kind], `${doc.name}.${format}`);
  if (path.relative(root, file).startsWith('..') || path.isAbsolute(path.relative(root, file))) {
    throw new ConvkitError(`chemin hors du dossier de sortie refusé : « ${doc.name} »`);
  }
  return file;
}

/** « docx,pdf » → ['docx', 'pdf'] (deduplicated, in the canonical order). */
export function parseFormats(value: string | readonly string[]): OutputFormat[] {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v: string) => v.split(',')).map((v) => v.trim().toLowerCase()).filter((v) => v !== '');
  const bad = parts.filter((p) => !(OUTPUT_FORMATS as readonly string[]).includes(p));
  if (bad.length > 0 || parts.length === 0) {
    throw new ConvkitError(`format inconnu : ${bad.length > 0 ? bad.map((b) => `« ${b} »`).join(', ') : '(vide)'} (formats : docx, pdf, ou docx,pdf)`);
  }
  return OUTPUT_FORMATS.filter((f) => parts.includes(f));
}
