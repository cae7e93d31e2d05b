import type { Rule } from '../rule.js';
import { contentWords } from '../text/organisations.js';
import { conventionsOf } from './util/clauses.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';

/** The subjects of a title: its parts around « et » / « , » / « : » as content-word keys (2+ words). */
function subjects(title: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of title.split(/\s+et\s+(?=[\p{L}])|,|:/iu)) {
    const words = contentWords(part);
    if (words.length >= 2) out.set(words.join(' '), part.trim());
  }
  return out;
}

/** Two articles of one convention with the same subject (CAF: art. 7 « … et limitation d'accès aux données sources », art. 8 « Limitation d'accès aux données sources »). */
export const rule: Rule = {
  meta: ruleMeta('article-duplicate-subject', 'article-structure', 'warning', 'Deux articles d’une même convention traitent du même sujet (titres identiques ou en partie identiques).'),
  check(context) {
    for (const { file, doc } of conventionsOf(context.files)) {
      const owners = new Map<string, (typeof doc.articles)[number]>();
      for (const a of doc.articles) {
        for (const [key, part] of subjects(a.title)) {
          const first = owners.get(key);
          if (first && first !== a) {
            context.report({
              node: a.titleAt?.node ?? a.heading,
              start: a.titleAt?.start ?? 0,
              end: a.titleAt?.end ?? a.heading.text.length,
              message: `L'article ${a.label} traite de ${q(part)}, déjà objet de l'article ${first.label} (${q(first.title)}) : fusionner les articles ou corriger les titres.`,
              related: [relatedAt(file, first.titleAt ?? { node: first.heading }, `article ${first.label}`)],
            });
            break;
          }
          if (!first) owners.set(key, a);
        }
      }
    }
  },
};
