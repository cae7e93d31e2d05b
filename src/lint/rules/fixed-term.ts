import type { Rule } from '../rule.js';
import { findTermVariants } from '../text/spelling.js';
import { q, ruleMeta } from './util/kit.js';

/** A fixed term of public policy written wrongly (« Cohésion de Sociale », « Politiques de la Ville », « Politique de Ville », « Loi Informatique et Liberté »). */
export const rule: Rule = {
  meta: ruleMeta('fixed-term', 'typography', 'warning', 'Un terme consacré est mal écrit (« Observatoire de la Cohésion de Sociale », « Politiques de la Ville »…).'),
  check(context) {
    for (const file of context.files) {
      for (const node of file.source.nodes) {
        for (const v of findTermVariants(node.text)) {
          context.report({ node, start: v.start, end: v.end, message: `${q(v.found)} : terme consacré ${q(v.term)}.` });
        }
      }
    }
  },
};
