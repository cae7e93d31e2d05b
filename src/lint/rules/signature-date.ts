import type { Rule } from '../rule.js';
import { q, ruleMeta } from './util/kit.js';

const FAIT_A = /^Fait\s+[àa]\s*(?:\.{2,}|…)?\s*,?\s*le\s*(?:\.{2,}|…)?\s*$/iu;

/** A signature date (« A Dijon, le », « Le », « Fait à le ») left blank: expected before signature, info only. */
export const rule: Rule = {
  meta: ruleMeta('signature-date', 'placeholder', 'info', 'La date (et le lieu) de signature restent à compléter.'),
  check(context) {
    for (const file of context.files) {
      const reported = new Set<unknown>();
      for (const doc of file.documents) {
        const sig = doc.kind === 'convention' || doc.kind === 'charter' ? doc.signature : undefined;
        if (sig?.dateBlank && sig.date) {
          reported.add(sig.date.node);
          context.report({ node: sig.date.node, start: sig.date.start, end: sig.date.end, message: `Date de signature à compléter : ${q(sig.date.text)}.` });
        }
      }
      for (const node of file.source.nodes) {
        if (reported.has(node)) continue;
        const t = node.text.trim();
        if (!FAIT_A.test(t)) continue;
        const start = node.text.indexOf(t);
        context.report({ node, start, end: start + t.length, message: `Lieu et date de signature à compléter : ${q(t)}.` });
      }
    }
  },
};
