import type { AnnexKind } from '../model/types.js';
import type { Partner } from '../schema/index.js';

/** The annexes of a convention with their numbers, in the canonical order. */
export interface AnnexPlan {
  readonly referents: number;
  /** Absent when the partner has no data list. */
  readonly data: number | null;
  readonly charter: number;
  /** Absent when the partner requires no engagement act. */
  readonly engagement: number | null;
  /** Kinds in document order. */
  readonly order: readonly AnnexKind[];
}

/**
 * Numbers the annexes a convention has, in the canonical order: referents, data list (when the
 * partner has one), charter, engagement-act model (when the partner requires one). Every
 * « cf. annexe N » of the templates comes from here, and the block-text parser checks that the
 * annexes appear with exactly these numbers.
 */
export function planAnnexes(partner: Pick<Partner, 'dataList' | 'engagementAct'>): AnnexPlan {
  const order: AnnexKind[] = ['referents'];
  if (partner.dataList) order.push('data');
  order.push('charter');
  if (partner.engagementAct) order.push('engagement');
  const number = (kind: AnnexKind): number | null => {
    const i = order.indexOf(kind);
    return i < 0 ? null : i + 1;
  };
  return {
    referents: number('referents') ?? 1,
    data: number('data'),
    charter: number('charter') ?? 0,
    engagement: number('engagement'),
    order,
  };
}
