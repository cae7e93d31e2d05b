import type { Rule } from '../rule.js';
import { printedNodes, q, ruleMeta } from './util/kit.js';

const RE = /(?<![\p{L}])(?:[dlnjsmtc]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’]\s+(?=\p{L})/giu;
/** What every match holds: most paragraphs have no space after an apostrophe, and skip `RE`. */
const MAY_MATCH = /['’]\s/;

/** « Chargée d' études »: no space after an elided word. */
export const rule: Rule = {
  meta: ruleMeta('apostrophe-space', 'typography', 'warning', 'Espace après une apostrophe d’élision (« d’ études »).'),
  check(context) {
    for (const file of context.files) {
      for (const node of printedNodes(file)) {
        if (!MAY_MATCH.test(node.text)) continue;
        RE.lastIndex = 0;
        for (let m = RE.exec(node.text); m; m = RE.exec(node.text)) {
          const next = /^\S+/.exec(node.text.slice(m.index + m[0].length))?.[0] ?? '';
          context.report({ node, start: m.index, end: m.index + m[0].length + next.length, message: `${q(m[0] + next)} : pas d'espace après l'apostrophe ; attendu ${q(m[0].trimEnd() + next)}.` });
        }
      }
    }
  },
};
