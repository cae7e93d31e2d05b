import type { Rule } from '../rule.js';
import { findMisspellings } from '../text/spelling.js';
import { printedNodes, q, ruleMeta } from './util/kit.js';

/** Common misspellings of administrative French (« réfèrent technique », « entre autre », « Compte-tenu », « au delà », « timbre e de »…). */
export const rule: Rule = {
  meta: ruleMeta('common-misspelling', 'typography', 'warning', 'Faute d’orthographe courante (« réfèrent » pour « référent », « entre autre », « compte-tenu », « au delà »…).'),
  check(context) {
    for (const file of context.files) {
      for (const node of printedNodes(file)) {
        if (file.roleOf(node) === 'attendance') continue;
        for (const m of findMisspellings(node.text)) {
          context.report({ node, start: m.start, end: m.end, message: `${q(m.found)} : orthographe fautive ; attendu ${q(m.suggestion)}.` });
        }
      }
    }
  },
};
