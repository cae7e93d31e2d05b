import type { Rule } from '../rule.js';
import { q, ruleMeta } from './util/kit.js';

/** A paragraph that ends in the middle of a sentence and goes on in the next paragraph (« … dans les » / « conditions de partage … »). */
export const rule: Rule = {
  meta: ruleMeta('broken-paragraph', 'typography', 'warning', 'Un paragraphe est coupé au milieu d’une phrase (fin sans ponctuation, suite en minuscule au paragraphe suivant).'),
  check(context) {
    for (const file of context.files) {
      const nodes = file.source.nodes;
      for (let i = 0; i + 1 < nodes.length; i++) {
        const a = nodes[i];
        const b = nodes[i + 1];
        if (!a || !b || a.kind !== 'paragraph' || b.kind !== 'paragraph') continue;
        if (file.roleOf(a) !== 'body' || file.roleOf(b) !== 'body') continue;
        const end = a.text.trimEnd();
        if (!/\p{L}$/u.test(end) || !/^\p{Ll}/u.test(b.text.trimStart())) continue;
        if (end.length < 40) continue;
        const lastWord = /(\S+\s+)?\S+$/.exec(end);
        const start = lastWord ? lastWord.index : end.length;
        context.report({
          node: a,
          start,
          end: end.length,
          message: `Paragraphe coupé au milieu d'une phrase : ${q(end.slice(start))} / ${q(b.text.trimStart().split(/\s+/).slice(0, 4).join(' '))} ; réunir les deux paragraphes.`,
        });
      }
    }
  },
};
