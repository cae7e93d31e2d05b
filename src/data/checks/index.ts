/**
 * The single entry point of the data checks that run after each file is valid on its own:
 * `checkDataset` (src/data/load.ts) calls {@link datasetChecks} once, and `validate`, `generate`,
 * `packet` (and the workspace) all go through `checkDataset`. No check lives in one command only.
 */
import type { Deliberation } from '../../schema/index.js';
import { blankWarnings } from '../blanks.js';
import type { Parsed } from '../load.js';
import { checkReferences, type KnownIds } from '../references.js';
import type { DataProblem, DatasetView } from '../types.js';
import { deliberationProblems } from './deliberations.js';

/** What the checks need beyond the valid entities. */
export interface CheckContext {
  /** Which ids may exist (ids of rejected files count as known). */
  readonly known: KnownIds;
  /** The valid deliberation files, with their positions (one per id). */
  readonly deliberationFiles: readonly Parsed<Deliberation>[];
}

/**
 * Every cross-file check, in one place: references (src/data/references.ts), the deliberations'
 * arithmetic, proxies and approvals (src/deliberation/checks.ts), then the blanks the documents
 * will show (warnings).
 */
export function datasetChecks(view: DatasetView, context: CheckContext): DataProblem[] {
  return [
    ...checkReferences(view, context.known),
    ...deliberationProblems(context.deliberationFiles),
    ...blankWarnings(view),
  ];
}
