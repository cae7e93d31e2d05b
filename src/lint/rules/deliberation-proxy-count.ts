import type { Rule } from '../rule.js';
import { relatedAt, ruleMeta } from './util/kit.js';
import { deliberations } from './util/deliberation.js';

/** « Nombre de procurations : 14 » must equal the number of « X pouvoir à Y » listed. */
export const rule: Rule = {
  meta: ruleMeta('deliberation-proxy-count', 'deliberation', 'error', 'Le nombre de procurations déclaré diffère du nombre de pouvoirs énumérés.'),
  check(context) {
    for (const { file, doc } of deliberations(context.files)) {
      const declared = doc.data.counts.proxies;
      if (!declared || doc.data.members.length === 0 || doc.data.unread.length > 0) continue;
      const listed = doc.data.proxies.length;
      if (declared.value === listed) continue;
      context.report({
        node: declared.at.node,
        start: declared.at.start,
        end: declared.at.end,
        message: `Nombre de procurations déclaré : ${declared.value} ; pouvoirs énumérés dans la liste des absents : ${listed}.`,
        related: doc.data.proxies.slice(0, 1).map((p) => relatedAt(file, p.at, 'liste des pouvoirs')),
      });
    }
  },
};
