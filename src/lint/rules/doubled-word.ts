import type { Rule } from '../rule.js';
import { q, ruleMeta } from './util/kit.js';

const RE = /(?<![\p{L}'’-])(\p{L}+)\s+\1(?![\p{L}'’-])/giu;
const ALLOWED = new Set(['nous', 'vous', 'si', 'tout', 'fort', 'très', 'bien']);

/** « de de », « la la »: a word typed twice. */
export const rule: Rule = {
  meta: ruleMeta('doubled-word', 'typography', 'warning', 'Mot répété deux fois de suite (« de de »).'),
  check(context) {
    for (const file of context.files) {
      for (const node of file.source.nodes) {
        if (file.roleOf(node) === 'attendance') continue;
        RE.lastIndex = 0;
        for (let m = RE.exec(node.text); m; m = RE.exec(node.text)) {
          if (ALLOWED.has((m[1] as string).toLowerCase())) continue;
          // « XXX XXX » is a blank (placeholder-marker), not a word typed twice.
          if (/^X+$/.test(m[1] as string)) continue;
          context.report({ node, start: m.index, end: m.index + m[0].length, message: `Mot répété : ${q(m[0])}.` });
        }
      }
    }
  },
};
