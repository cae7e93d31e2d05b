/**
 * The one check of an approved avenant that needs its text: `convkit packet` reproduces each
 * avenant a deliberation approves from the version it amends (`from`) and the current data,
 * and refuses when that draft cannot be made (the convention did not change since `from`, a
 * base that loads but does not build…). Run here, from the single gate, so that `validate`
 * refuses what `packet` would refuse, with the same located message (issue 16's contract).
 * Costs nothing when no deliberation approves an avenant: the lifecycle code loads only then.
 */
import { ConvkitErrors } from '../../errors.js';
import type { Dataset } from '../load.js';
import type { DataProblem } from '../types.js';

/** Errors of the approved avenants that cannot be drafted, located at the amendment's `from`. */
export async function approvedAvenantProblems(dataset: Dataset): Promise<DataProblem[]> {
  const approved = new Map<string, { partner: string; number: number }>();
  for (const d of dataset.deliberations) {
    for (const a of d.approves) if (a.kind === 'avenant') approved.set(`${a.partner}#${a.number}`, { partner: a.partner, number: a.number });
  }
  if (approved.size === 0) return [];
  const { approvedAvenant } = await import('../../lifecycle/approved.js');
  const out: DataProblem[] = [];
  for (const { partner, number } of approved.values()) {
    try {
      await approvedAvenant(dataset, partner, number);
    } catch (error) {
      if (!(error instanceof ConvkitErrors)) throw error;
      for (const p of error.problems) out.push({ severity: 'error', code: 'inconsistent', message: p.message, location: p.location ?? { file: dataset.root } });
    }
  }
  return out;
}
