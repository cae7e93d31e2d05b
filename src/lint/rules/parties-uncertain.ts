import type { Rule } from '../rule.js';
import { conventionsOf } from './util/clauses.js';
import { ruleMeta } from './util/kit.js';

/**
 * When the segmenter cannot tell the parties apart with confidence (no « Entre … » block,
 * one party, three, or twice the same body), the rules that depend on the partner stay
 * silent for the convention: this rule says so once, so that the silence is not mistaken
 * for a clean result. Never a guess presented as a finding.
 */
export const rule: Rule = {
  meta: ruleMeta(
    'parties-uncertain',
    'parties',
    'info',
    "Les parties de la convention n'ont pas pu être distinguées : les vérifications qui dépendent du partenaire ne sont pas faites.",
  ),
  check(context) {
    for (const { doc } of conventionsOf(context.files)) {
      const u = doc.partiesUncertain;
      if (!u) continue;
      context.report({
        node: u.node,
        message: `Parties non identifiées avec certitude (${u.reason}) : les vérifications liées au partenaire (mention de source, accord, organisme cité, accords grammaticaux, titre et signatures) ne sont pas faites pour ce document.`,
      });
    }
  },
};
