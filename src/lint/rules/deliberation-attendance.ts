import type { Rule } from '../rule.js';
import { ruleMeta } from './util/kit.js';
import { deliberations } from './util/deliberation.js';

/** The declared numbers of present members and of members in office match the attendance lists. */
export const rule: Rule = {
  meta: ruleMeta('deliberation-attendance', 'deliberation', 'error', 'Le nombre de présents ou de membres en exercice déclaré ne correspond pas aux listes d’émargement.'),
  check(context) {
    for (const { doc } of deliberations(context.files)) {
      const { counts, members, substitutions } = doc.data;
      // A list read with no confidence (deliberation-unread): counting would guess.
      if (members.length === 0 || doc.data.unread.length > 0) continue;
      const present = members.filter((m) => m.status === 'present').length;
      const substitutes = members.filter((m) => m.status === 'substitute').length;
      const absent = members.filter((m) => m.status === 'absent').length;
      if (counts.present && counts.present.value !== present + substitutes) {
        const at = counts.present.at;
        context.report({
          node: at.node,
          start: at.start,
          end: at.end,
          message: `Présents déclarés : ${counts.present.value} ; listés : ${present} titulaires + ${substitutes} suppléants = ${present + substitutes}.`,
        });
      }
      const inOffice = counts.inOffice;
      if (inOffice && absent > 0 && inOffice.value !== present + absent) {
        context.report({
          node: inOffice.at.node,
          start: inOffice.at.start,
          end: inOffice.at.end,
          message: `Membres en exercice déclarés : ${inOffice.value} ; titulaires listés : ${present} présents + ${absent} absents = ${present + absent}${substitutions.length > 0 ? ` (dont ${substitutions.length} suppléés)` : ''}.`,
        });
      }
    }
  },
};
