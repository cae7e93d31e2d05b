/**
 * `convkit redline`: for every document that changed between two versions, its redline as a
 * .docx with tracked changes and a .pdf with marked changes, under `<out>/redlines/<kind>/`.
 * Everything is built and rendered in memory first, then each file is written atomically.
 */
import path from 'node:path';
import { ConvkitError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Document } from '../model/types.js';
import { renderRedlineDocx } from '../render/redline-docx.js';
import { renderRedlinePdf } from '../render/pdf/redline.js';
import { compareDocuments, sameDocument } from './compare.js';
import type { LoadedVersion } from './load.js';
import { redlineDocument } from './redline.js';

export type RedlineFormat = 'docx' | 'pdf';

export interface RedlineOptions {
  /** Partner, signatory or deliberation ids, or document ids (« caf-21-compas-tis »). */
  readonly only?: readonly string[];
  readonly outDir: string;
  readonly formats?: readonly RedlineFormat[];
  /** Date of the revisions (AAAA-MM-JJ); default: the new version's document date (from the data). */
  readonly date?: string;
}

export interface RedlineFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface BuiltRedline {
  readonly kind: string;
  readonly id: string;
  readonly document: Document;
}

/** The redline models of the documents that changed (only those asked for). */
export function buildRedlines(from: LoadedVersion, to: LoadedVersion, only: readonly string[] = []): BuiltRedline[] {
  const wanted = new Set(only);
  const known = new Set([...to.documents.values()].flatMap((d) => [d.id, d.plan.source]));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ConvkitError(`identifiant${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} : ${unknown.map((u) => `« ${u} »`).join(', ')}`);
  }
  const out: BuiltRedline[] = [];
  for (const [key, after] of to.documents) {
    if (wanted.size > 0 && !wanted.has(after.id) && !wanted.has(after.plan.source)) continue;
    const before = from.documents.get(key);
    if (!before) continue;
    if (sameDocument(compareDocuments(before.document, after.document))) continue;
    out.push({ kind: after.kind, id: after.id, document: redlineDocument(before.document, after.document) });
  }
  return out;
}

const SAFE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Renders redlines in memory. */
export async function renderRedlines(redlines: readonly BuiltRedline[], options: RedlineOptions): Promise<RedlineFile[]> {
  const formats = options.formats ?? ['docx', 'pdf'];
  const files: RedlineFile[] = [];
  for (const r of redlines) {
    if (!SAFE.test(r.id)) throw new ConvkitError(`nom de fichier refusé : « ${r.id} »`);
    const date = options.date ?? r.document.meta.date;
    const base = path.resolve(options.outDir, 'redlines', r.kind, r.id);
    if (formats.includes('docx')) files.push({ path: `${base}.docx`, bytes: await renderRedlineDocx(r.document, date) });
    if (formats.includes('pdf')) files.push({ path: `${base}.pdf`, bytes: await renderRedlinePdf(r.document) });
  }
  return files;
}

export async function writeRedlines(files: readonly RedlineFile[]): Promise<void> {
  for (const f of files) await writeFileAtomic(f.path, f.bytes);
}
