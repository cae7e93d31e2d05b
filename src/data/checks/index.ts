/**
 * The single entry point of the data checks that run after each file is valid on its own:
 * `checkDataset` (src/data/load.ts) calls {@link datasetChecks} once, and `validate`, `generate`,
 * `packet` (and the workspace) all go through `checkDataset`. No check lives in one command only.
 */
import type { Deliberation, Person } from '../../schema/index.js';
import { blankWarnings } from '../blanks.js';
import { omissionWarnings } from '../omissions.js';
import type { Parsed } from '../load.js';
import { checkReferences, type KnownIds } from '../references.js';
import type { DataProblem, DatasetView } from '../types.js';
import { amendmentProblems } from './amendments.js';
import { consistencyProblems } from './consistency.js';
import { cutValueProblems } from './cut-values.js';
import { deliberationProblems } from './deliberations.js';
import { rawReferenceProblems, type RejectedFile } from './raw-references.js';

/** What the checks need beyond the valid entities. */
export interface CheckContext {
  /** Which ids may exist (ids of rejected files count as known). */
  readonly known: KnownIds;
  /** The valid deliberation files, with their positions (one per id). */
  readonly deliberationFiles: readonly Parsed<Deliberation>[];
  /** Files the schema rejected: their references are still checked. */
  readonly rejected: readonly RejectedFile[];
  /** Every person of the valid people files (to answer a name written for an id). */
  readonly people: ReadonlyMap<string, Person>;
}

/**
 * Every cross-file check, in one place: references of the valid entities (src/data/references.ts)
 * and of the rejected files (./raw-references.ts), the deliberations' arithmetic, proxies and
 * approvals (src/deliberation/checks.ts), the consistency between fields (./consistency.ts), the values cut after a link word
 * (./cut-values.ts), then the blanks the documents will show and
 * the silent omissions (a partner no deliberation approves, a person no document names): warnings.
 * Takes the problems found file by file (some messages are completed here) and returns the
 * whole list, unsorted.
 */
export function datasetChecks(view: DatasetView, context: CheckContext, fileProblems: readonly DataProblem[]): DataProblem[] {
  const raw = rawReferenceProblems(context.rejected, fileProblems, context.known, context.people);
  return [
    ...raw.problems,
    ...raw.added,
    ...checkReferences(view, context.known),
    ...deliberationProblems(context.deliberationFiles),
    ...amendmentProblems(view, context.known),
    ...consistencyProblems(view),
    ...cutValueProblems(view),
    ...blankWarnings(view),
    ...omissionWarnings(view),
  ];
}
