import type { Rule } from '../rule.js';
import { conventionsOf } from './util/clauses.js';
import { q, ruleMeta } from './util/kit.js';
import { mentionsParty, partyLabel, SOURCE_MENTION } from './util/partner.js';

/** « Source CAF 21 » in the CARSAT convention: the data-source mention names another organisation. */
export const rule: Rule = {
  meta: ruleMeta(
    'source-mention',
    'wrong-partner',
    'error',
    'La mention de source imposée par la convention doit citer le partenaire qui fournit les données.',
  ),
  check(context) {
    for (const { file, doc } of conventionsOf(context.files)) {
      const partner = doc.partner;
      if (!partner?.orgId) continue;
      const nodes = [...(doc.preamble?.body ?? []), ...doc.articles.flatMap((a) => a.body)];
      for (const node of nodes) {
        SOURCE_MENTION.lastIndex = 0;
        for (let m = SOURCE_MENTION.exec(node.text); m; m = SOURCE_MENTION.exec(node.text)) {
          const designation = m[1] as string;
          const at = m.index + m[0].length - designation.length;
          const mentions = file.orgs.find(designation);
          if (mentions.length === 0 || mentions.some((x) => x.id === partner.orgId && mentionsParty(file, doc, x, designation))) continue;
          const first = mentions[0];
          const end = at + (first ? first.qualifiedEnd : designation.trimEnd().length);
          context.report({
            node,
            start: at + (first ? first.start : 0),
            end,
            message: `La mention de source cite ${q(designation.trim())} alors que les données sont fournies par ${q(partyLabel(partner))}.`,
          });
        }
      }
    }
  },
};
