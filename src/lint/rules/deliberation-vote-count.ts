import type { Rule } from '../rule.js';
import { ruleMeta } from './util/kit.js';
import { deliberations } from './util/deliberation.js';

/** Present + proxies = voters = for + against + abstentions (+ not voting). */
export const rule: Rule = {
  meta: ruleMeta('deliberation-vote-count', 'deliberation', 'error', 'Les présents plus les procurations, les votants et le total pour + contre + abstentions ne concordent pas.'),
  check(context) {
    for (const { doc } of deliberations(context.files)) {
      const c = doc.data.counts;
      if (!c.for) continue;
      const cast = c.for.value + (c.against?.value ?? 0) + (c.abstentions?.value ?? 0) + (c.notVoting?.value ?? 0);
      const at = c.for.at;
      if (c.present && c.proxies) {
        const expected = c.present.value + c.proxies.value;
        if (expected !== cast) {
          context.report({
            node: at.node,
            start: at.start,
            end: at.end,
            message: `Présents (${c.present.value}) + procurations (${c.proxies.value}) = ${expected}, mais le scrutin compte ${cast} voix (pour ${c.for.value}, contre ${c.against?.value ?? 0}, abstentions ${c.abstentions?.value ?? 0}${c.notVoting ? `, ne se prononce pas ${c.notVoting.value}` : ''}).`,
          });
        }
        if (c.voters && c.voters.value !== expected) {
          context.report({ node: c.voters.at.node, start: c.voters.at.start, end: c.voters.at.end, message: `Votants déclarés : ${c.voters.value} ; présents + procurations = ${expected}.` });
        }
      } else if (c.voters && c.voters.value !== cast) {
        context.report({ node: at.node, start: at.start, end: at.end, message: `Votants déclarés : ${c.voters.value} ; le scrutin compte ${cast} voix.` });
      }
    }
  },
};
