import type { Rule } from '../rule.js';
import { conventionsOf } from './util/clauses.js';
import { relatedAt, ruleMeta } from './util/kit.js';

/** Articles numbered 1, 2, 3… without gap, repeat or inversion. */
export const rule: Rule = {
  meta: ruleMeta('article-numbering', 'article-structure', 'error', 'Les articles doivent être numérotés 1, 2, 3… sans saut, sans doublon et dans l’ordre.'),
  check(context) {
    for (const { file, doc } of conventionsOf(context.files)) {
      let expected = 1;
      const seen = new Map<number, (typeof doc.articles)[number]>();
      for (const a of doc.articles) {
        const n = a.number;
        if (n === undefined) continue;
        const first = seen.get(n);
        if (first) {
          context.report({
            node: a.labelAt.node,
            start: a.labelAt.start,
            end: a.labelAt.end,
            message: `L'article ${a.label} est numéroté comme un article précédent.`,
            related: [relatedAt(file, first.labelAt, `premier article ${first.label}`)],
          });
        } else if (n !== expected) {
          context.report({
            node: a.labelAt.node,
            start: a.labelAt.start,
            end: a.labelAt.end,
            message: n > expected ? `Article ${a.label} : numéro attendu ${expected} (numérotation avec un saut).` : `Article ${a.label} : numéro attendu ${expected} (articles dans le désordre).`,
          });
        }
        seen.set(n, first ?? a);
        expected = Math.max(expected, n + 1);
      }
    }
  },
};
