import type { Rule } from '../rule.js';
import { isBlankDateLead, isBlankPlace, linesOfNode } from '../text/signature.js';
import { q, ruleMeta } from './util/kit.js';

/**
 * A signature date (« A Dijon, le », « Le », « Fait à le », « Fait à Dijon, le ………, en deux
 * exemplaires originaux. ») left blank: expected before signature, info only. The date line of
 * a recognised signature block is reported, and so is any lead line « Fait à …, le … » / « A
 * Dijon, le … » with a blank date elsewhere (an engagement act signed by a contractor). Its
 * dotted leaders are this rule's, not placeholder-marker's.
 */
export const rule: Rule = {
  meta: ruleMeta('signature-date', 'placeholder', 'info', 'La date (et le lieu) de signature restent à compléter.'),
  check(context) {
    for (const file of context.files) {
      const reported = new Set<unknown>();
      for (const doc of file.documents) {
        const sig = doc.kind === 'convention' || doc.kind === 'charter' ? doc.signature : undefined;
        if (sig?.dateBlank && sig.date) {
          reported.add(sig.date.node);
          context.report({ node: sig.date.node, start: sig.date.start, end: sig.date.end, message: message(sig.date.text) });
        }
      }
      for (const node of file.source.nodes) {
        if (reported.has(node)) continue;
        for (const line of linesOfNode(node)) {
          if (!isBlankDateLead(line.text)) continue;
          context.report({ node, start: line.start, end: line.end, message: message(line.text) });
        }
      }
    }
  },
};

function message(line: string): string {
  return isBlankPlace(line) ? `Lieu et date de signature à compléter : ${q(line)}.` : `Date de signature à compléter : ${q(line)}.`;
}
