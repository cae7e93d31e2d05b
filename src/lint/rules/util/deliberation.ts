import type { DeliberationDocument, SegmentedFile } from '../../segment.js';

/** The deliberation extracts of a run. */
export function deliberations(files: readonly SegmentedFile[]): { file: SegmentedFile; doc: DeliberationDocument }[] {
  const out: { file: SegmentedFile; doc: DeliberationDocument }[] = [];
  for (const file of files) for (const doc of file.documents) if (doc.kind === 'deliberation') out.push({ file, doc });
  return out;
}
