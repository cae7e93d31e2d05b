import type { Rule } from '../rule.js';
import { findBlanks } from '../text/blanks.js';
import { isBlankDate, linesOfNode, SIGNATURE_DATE } from '../text/signature.js';
import { q, ruleMeta } from './util/kit.js';

/**
 * A value left blank in running text: « délibération du. (date) », « en date du … »,
 * « (montant) », « n° … ». One finding per blank. Signature blocks and a signature date
 * line (« Fait à Lyon, le … ») are left to signature-date; dotted leaders (« ……… ») to
 * placeholder-marker (intentional blanks to fill in by hand).
 */
export const rule: Rule = {
  meta: ruleMeta('blank-slot', 'placeholder', 'warning', 'Une valeur attendue (date, montant, numéro…) est restée en blanc dans le texte.'),
  check(context) {
    for (const file of context.files) {
      for (const node of file.source.nodes) {
        const role = file.roleOf(node);
        if (role === 'signature' || role === 'attendance') continue;
        const blanks = findBlanks(node.text);
        if (blanks.length === 0) continue;
        const lines = linesOfNode(node);
        for (const b of blanks) {
          const line = lines.find((l) => l.start <= b.start && b.start < l.end);
          if (line && SIGNATURE_DATE.test(line.text) && isBlankDate(line.text)) continue;
          context.report({ node, start: b.start, end: b.end, message: `${q(node.text.slice(b.start, b.end))} : blanc à compléter (${b.what}).` });
        }
      }
    }
  },
};
