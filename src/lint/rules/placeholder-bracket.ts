import type { Rule } from '../rule.js';
import { printedNodes, q, ruleMeta } from './util/kit.js';

const BRACKET = /\[[^\]\n]{1,40}\]/g;

/** « [tél] », « [fonction] », « [mail] »: a field to fill in left in the text. */
export const rule: Rule = {
  meta: ruleMeta('placeholder-bracket', 'placeholder', 'warning', 'Un champ à compléter entre crochets (« [tél] », « [fonction] »…) est resté dans le texte.'),
  check(context) {
    for (const file of context.files) {
      for (const node of printedNodes(file)) {
        BRACKET.lastIndex = 0;
        for (let m = BRACKET.exec(node.text); m; m = BRACKET.exec(node.text)) {
          if (/^\[(?:…|\.\.\.|sic|\d+)\]$/i.test(m[0])) continue;
          context.report({ node, start: m.index, end: m.index + m[0].length, message: `Champ à compléter ${q(m[0])} laissé dans le texte : le renseigner ou supprimer la ligne.` });
        }
      }
    }
  },
};
