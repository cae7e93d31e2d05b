/**
 * What remains to fill in the documents of a run, from the data's blanks (src/data/blanks.ts,
 * the source of `convkit validate`'s warnings too): one French line per document that has any,
 * for `convkit generate`'s summary and its `--strict` refusal.
 */
import { blanksByDocument, dataBlanks, describeBlanks, type BlankDocument, type DatasetView } from '../data/load.js';
import { ConvkitError } from '../errors.js';
import { FOLDERS, type PlannedDocument } from './plan.js';

/** What remains to fill in one planned document. */
export interface BlankSummary {
  /** « conventions/caf-21 »: the output path without extension. */
  readonly path: string;
  /** Visible blanks (« Tél. : ……… ») the document prints. */
  readonly blanks: number;
  /** Values the text goes without (an address, a first name). */
  readonly missing: number;
  /** « 3 blancs à compléter dans conventions/caf-21 : fonction et téléphone de … ». */
  readonly line: string;
}

/** The documents of `plans` that have blanks, in plan order. */
export function blankSummaries(dataset: DatasetView, plans: readonly PlannedDocument[]): BlankSummary[] {
  const documents = plans.flatMap((p): (Pick<BlankDocument, 'kind' | 'source'> & { plan: PlannedDocument })[] => (p.kind === 'deliberation' ? [] : [{ kind: p.kind, source: p.source, plan: p }]));
  const byDocument = blanksByDocument(dataBlanks(dataset), documents);
  // One map instead of a scan of the plan per document (a thousand partners: a million steps).
  const keyOf = (x: Pick<BlankDocument, 'kind' | 'source'>): string => `${x.kind}\u0000${x.source}`;
  const planOf = new Map<string, PlannedDocument>();
  for (const x of documents) if (!planOf.has(keyOf(x))) planOf.set(keyOf(x), x.plan);
  return byDocument.map((d) => {
    const plan = planOf.get(keyOf(d.document));
    const path = `${plan ? FOLDERS[plan.kind] : d.document.kind}/${plan?.name ?? d.document.source}`;
    const absent = d.missing.length > 0 ? `imprimé sans : ${describeBlanks(d.missing)}` : '';
    const line =
      d.blanks.length > 0
        ? `${d.blanks.length} blanc${d.blanks.length > 1 ? 's' : ''} à compléter dans ${path} : ${describeBlanks(d.blanks)}${absent ? ` ; ${absent}` : ''}`
        : `${path} : ${absent}`;
    return { path, blanks: d.blanks.length, missing: d.missing.length, line };
  });
}

/** The summary printed after a run: one line per document, then where to fix them. Empty when nothing remains. */
export function blankSummaryText(summaries: readonly BlankSummary[]): string {
  if (summaries.length === 0) return '';
  return `${[...summaries.map((s) => s.line), BLANK_HINT].join('\n')}\n`;
}

const BLANK_HINT = 'convkit validate situe chaque valeur manquante (fichier, ligne, champ) ; generate --strict refuse d’écrire tant qu’il en reste.';

/**
 * `generate --strict`: refuses the whole run when a document has blanks, before anything is
 * written.
 *
 * @throws ConvkitError (exit status 2) listing every document with its blanks.
 */
export function refuseBlanks(summaries: readonly BlankSummary[]): void {
  if (summaries.length === 0) return;
  const n = summaries.length;
  throw new ConvkitError(
    `--strict : ${n} document${n > 1 ? 's ont' : ' a'} des valeurs à compléter ; aucun fichier n’a été écrit.\n` +
      `${summaries.map((s) => `  ${s.line}`).join('\n')}\n` +
      'Complétez les données (convkit validate situe chaque valeur manquante), ou relancez sans --strict pour un projet de document.',
  );
}
