import type { Rule } from '../rule.js';
import { ruleMeta } from './util/kit.js';
import { deliberations } from './util/deliberation.js';

/** Quorum: more than half of the members in office must be present. */
export const rule: Rule = {
  meta: ruleMeta('deliberation-quorum', 'deliberation', 'error', 'Le quorum n’est pas atteint : moins de la moitié plus un des membres en exercice sont présents.'),
  check(context) {
    for (const { doc } of deliberations(context.files)) {
      const c = doc.data.counts;
      const inOffice = c.inOffice ?? c.seats;
      if (!c.present || !inOffice) continue;
      if (c.present.value * 2 > inOffice.value) continue;
      const needed = Math.floor(inOffice.value / 2) + 1;
      context.report({
        node: c.present.at.node,
        start: c.present.at.start,
        end: c.present.at.end,
        message: `Quorum non atteint : ${c.present.value} présents pour ${inOffice.value} membres en exercice (il en faut au moins ${needed}).`,
      });
    }
  },
};
