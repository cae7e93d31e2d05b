import type { Rule } from '../rule.js';
import { conventionsOf } from './util/clauses.js';
import { q, ruleMeta } from './util/kit.js';
import { mentionsParty, partnerContextBefore, partyLabel } from './util/partner.js';

/**
 * « avec l'accord de la Maison de l'Emploi… » in the URSSAF convention: where a convention
 * speaks of the agreement, the property or the data of an organisation, that organisation
 * must be one of its parties.
 */
export const rule: Rule = {
  meta: ruleMeta(
    'partner-context',
    'wrong-partner',
    'error',
    "L'accord, la propriété ou les données dont parle la convention doivent être ceux d'une de ses parties, pas d'un autre organisme.",
  ),
  check(context) {
    for (const { file, doc } of conventionsOf(context.files)) {
      if (!doc.partner?.orgId) continue;
      const nodes = [
        ...(doc.preamble?.body ?? []),
        ...doc.articles.flatMap((a) => a.body),
        ...doc.annexes.filter((a) => a.kind !== 'charter' && a.kind !== 'referents').flatMap((a) => a.body),
      ];
      for (const node of nodes) {
        for (const m of file.orgs.find(node.text)) {
          if (mentionsParty(file, doc, m, node.text)) continue;
          const phrase = partnerContextBefore(node.text, m);
          if (!phrase) continue;
          context.report({
            node,
            start: m.start,
            end: m.qualifiedEnd,
            message: `${q(phrase)} ${q(node.text.slice(m.start, m.qualifiedEnd))} : cet organisme n'est pas partie à la convention ; attendu ${q(partyLabel(doc.partner))}.`,
          });
        }
      }
    }
  },
};
