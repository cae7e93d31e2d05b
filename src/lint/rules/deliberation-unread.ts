import type { Rule } from '../rule.js';
import { q, ruleMeta } from './util/kit.js';
import { deliberations } from './util/deliberation.js';

/**
 * An attendance list the reader could not split into names with confidence: the checks that
 * count members (attendance, proxies, quorum) would guess, so they are not made on it, and
 * this info says so once per list. Never a guess presented as a finding.
 */
export const rule: Rule = {
  meta: ruleMeta('deliberation-unread', 'deliberation', 'info', 'Une liste de présence n’a pas pu être lue avec certitude : les vérifications des présents et des pouvoirs ne la prennent pas en compte.'),
  check(context) {
    for (const { doc } of deliberations(context.files)) {
      for (const at of doc.data.unread) {
        context.report({
          node: at.node,
          start: at.start,
          end: at.end,
          message: `${q(at.text)} : la liste n’a pas pu être découpée en noms avec certitude ; les présents, absents et pouvoirs qu’elle contient ne sont pas vérifiés.`,
        });
      }
    }
  },
};
