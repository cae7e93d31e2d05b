import type { Rule } from '../rule.js';
import { conventionsOf } from './util/clauses.js';
import { q, ruleMeta } from './util/kit.js';
import { mentionsParty, PARTNER_KINDS, partnerContextBefore, partnerRoleBefore, partyLabel } from './util/partner.js';

/**
 * Inside one convention, another body named in the partner's role: « fournies par la MSA »
 * in a CPAM convention, « le Directeur de la CAF » for the CPAM's director, « les services
 * de la CAF de la Loire » in a convention with the CAF du Rhône. Needs no sibling convention:
 * the body is compared with the convention's own parties. Only bodies that conventions name
 * as partners (CAF, CPAM, MSA, URSSAF, CARSAT, Mission Locale, France Travail…) are checked;
 * the phrases about agreement and property are left to partner-context.
 */
export const rule: Rule = {
  meta: ruleMeta(
    'partner-foreign',
    'wrong-partner',
    'error',
    "Un autre organisme que les parties est nommé là où la convention attend son partenaire (fournisseur des données, directeur, services).",
  ),
  check(context) {
    for (const { file, doc } of conventionsOf(context.files)) {
      if (!doc.partner?.orgId) continue;
      const nodes = [
        ...doc.visas,
        ...(doc.preamble?.body ?? []),
        ...doc.articles.flatMap((a) => a.body),
        ...doc.annexes.filter((a) => a.kind !== 'charter' && a.kind !== 'referents').flatMap((a) => a.body),
      ];
      for (const node of nodes) {
        for (const m of file.orgs.find(node.text)) {
          if (!PARTNER_KINDS.has(m.id) || mentionsParty(file, doc, m, node.text)) continue;
          const phrase = partnerRoleBefore(node.text, m);
          if (!phrase || partnerContextBefore(node.text, m)) continue;
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
