import type { Rule } from '../rule.js';
import { tokenDiff } from '../text/normalize.js';
import { analyseClauses, docCount, PARTNER_TOKEN, placeOf } from './util/clauses.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';
import { inSourceMention, partnerContextBefore, partnerRoleBefore, partyLabel } from './util/partner.js';

/**
 * Compares each clause with its copies in the other conventions: where the copies name their
 * own partner, this copy names another organisation (« … définies au préalable avec la Maison
 * de l'Emploi et de la Formation » in the URSSAF convention).
 */
export const rule: Rule = {
  meta: ruleMeta(
    'partner-slot',
    'wrong-partner',
    'error',
    "Là où les autres conventions nomment leur propre partenaire, cette copie de la clause nomme un autre organisme.",
  ),
  check(context) {
    const { clusters, orgs } = analyseClauses(context);
    for (const cluster of clusters) {
      const ref = cluster.reference;
      if (ref.units[0]?.scope !== 'article' || docCount(ref.units) < 2) continue;
      for (const variant of cluster.variants) {
        if (variant === ref) continue;
        const edits = tokenDiff(ref.words, variant.words);
        if (!edits) continue;
        for (const e of edits) {
          if (e.aEnd - e.aStart !== 1 || e.bEnd - e.bStart !== 1) continue;
          if (ref.words[e.aStart] !== PARTNER_TOKEN) continue;
          const other = variant.words[e.bStart] as string;
          if (!other.startsWith('⟨o:')) continue;
          for (const unit of variant.units) {
            if (unit.doc.kind !== 'convention') continue;
            const place = placeOf(unit, e.bStart, e.bEnd);
            const mention = orgs.find(unit.node.text).find((m) => m.start >= place.start && m.start < place.end);
            // Left to partner-context and source-mention.
            if (mention && (partnerContextBefore(unit.node.text, mention) || partnerRoleBefore(unit.node.text, mention) || inSourceMention(unit.node.text, mention))) continue;
            const start = mention ? mention.start : place.start;
            const end = mention ? mention.qualifiedEnd : place.end;
            context.report({
              node: unit.node,
              start,
              end,
              message: `${q(unit.node.text.slice(start, end))} : dans les autres copies de cette clause (${cluster.variants.reduce((n, v) => n + (v === variant ? 0 : v.units.length), 0)}), chaque convention nomme ici son propre partenaire ; attendu ${q(partyLabel(unit.doc.partner))}.`,
              related: ref.units.slice(0, 5).map((u) => relatedAt(u.file, { node: u.node, ...placeOf(u, e.aStart, e.aEnd) }, 'copie de la clause qui nomme son partenaire')),
            });
          }
        }
      }
    }
  },
};
