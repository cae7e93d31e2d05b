import { checkDeliberation } from '../../deliberation/checks.js';
import type { Deliberation } from '../../schema/index.js';
import type { Parsed } from '../load.js';
import type { DataProblem } from '../types.js';

/**
 * The deliberation module's checks (declared counts against the lists, tally, quorum, proxies,
 * substitutions, officers, act number, object line, approvals listed twice) as data problems.
 * Existence of the referenced people and documents is checked with the other references.
 */
export function deliberationProblems(files: readonly Parsed<Deliberation>[]): DataProblem[] {
  return files.flatMap((parsed) =>
    checkDeliberation(parsed).map((p): DataProblem => ({ severity: p.severity, code: 'deliberation', message: p.message, location: p.location })),
  );
}
