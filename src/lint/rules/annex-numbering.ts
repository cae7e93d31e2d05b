import type { Rule } from '../rule.js';
import { conventionsOf } from './util/clauses.js';
import { ruleMeta } from './util/kit.js';
import { annexLetter, isAnnexLetter } from '../text/numbers.js';

/** Annexes numbered 1, 2, 3… in order; a number that is not a number (« ANNEXE XX ») is reported by placeholder-marker. */
export const rule: Rule = {
  meta: ruleMeta('annex-numbering', 'article-structure', 'warning', 'Les annexes doivent être numérotées 1, 2, 3… sans saut ni doublon.'),
  check(context) {
    for (const { doc } of conventionsOf(context.files)) {
      let expected = 1;
      const seen = new Set<number>();
      for (const annex of doc.annexes) {
        const n = annex.number;
        if (n === undefined) {
          expected++;
          continue;
        }
        if (seen.has(n)) {
          context.report({ node: annex.numberAt.node, start: annex.numberAt.start, end: annex.numberAt.end, message: `Deux annexes portent le numéro ${isAnnexLetter(annex.rawNumber) ? annex.rawNumber : n}.` });
        } else if (n !== expected) {
          const want = isAnnexLetter(annex.rawNumber) ? annexLetter(expected) : expected;
          context.report({ node: annex.numberAt.node, start: annex.numberAt.start, end: annex.numberAt.end, message: `Annexe ${annex.rawNumber} : numéro attendu ${want}.` });
        }
        seen.add(n);
        expected = Math.max(expected, n) + 1;
      }
    }
  },
};
