import type { Rule } from '../rule.js';
import type { MarginNode } from '../types.js';
import type { ConventionDocument } from '../segment.js';
import { q, ruleMeta } from './util/kit.js';
import { inSourceMention, mentionsParty, PARTNER_KINDS, partnerContextBefore, partnerRoleBefore, partyLabel } from './util/partner.js';

const WHERE: Readonly<Record<MarginNode['margin'], string>> = {
  header: "L'en-tête",
  footer: 'Le pied de page',
  note: 'La note',
};

/**
 * A running header, footer or note that names another partner than the convention's: the
 * header « Convention Grand Dijon – CARSAT » left in the CAF convention copied from it, a
 * footer « Données transmises par la MSA ». A reviewer reads the body and never the header:
 * the copy-paste error this rule looks for survives proofreading there more than anywhere.
 *
 * A header or footer names the convention's subject, so any body that conventions name as
 * partners (CAF, CPAM, MSA, URSSAF, CARSAT…) must be one of the parties; in a note, only where
 * the phrase gives it the partner's role (« transmises par la », « le Directeur de la »,
 * « l'accord de la »), since a note may cite another body's circular. In a file holding several
 * conventions (a packet), a party of any of them is accepted: the margins are not told apart
 * by convention. A file whose parties are uncertain is not checked.
 */
export const rule: Rule = {
  meta: ruleMeta(
    'margin-partner',
    'wrong-partner',
    'error',
    "L'en-tête, le pied de page ou une note nomme un autre organisme que les parties de la convention.",
  ),
  check(context) {
    for (const file of context.files) {
      const margins = file.source.margins ?? [];
      const conventions = file.documents.filter((d): d is ConventionDocument => d.kind === 'convention');
      if (margins.length === 0 || conventions.length === 0) continue;
      if (conventions.some((doc) => doc.parties.length === 0 || doc.partner?.orgId === undefined)) continue;
      const single = conventions.length === 1 ? conventions[0] : undefined;
      for (const node of margins) {
        for (const m of file.orgs.find(node.text)) {
          if (!PARTNER_KINDS.has(m.id) || inSourceMention(node.text, m)) continue;
          if (conventions.some((doc) => mentionsParty(file, doc, m, node.text))) continue;
          if (node.margin === 'note' && partnerRoleBefore(node.text, m) === undefined && partnerContextBefore(node.text, m) === undefined) continue;
          const expected = single ? ` ; attendu ${q(partyLabel(single.partner))}` : '';
          context.report({
            node,
            start: m.start,
            end: m.qualifiedEnd,
            message: `${WHERE[node.margin]} nomme ${q(node.text.slice(m.start, m.qualifiedEnd))}, qui n'est pas partie à la convention${expected} : texte resté d'une autre convention ?`,
          });
        }
      }
    }
  },
};
