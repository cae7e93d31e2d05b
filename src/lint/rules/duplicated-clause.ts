import type { Rule } from '../rule.js';
import type { TextNode } from '../types.js';
import { sentences, tokenize } from '../text/normalize.js';
import { trailingFragment } from './util/fragments.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';

/**
 * A sentence repeated in the same article, or a truncated fragment at the end of a paragraph
 * that repeats the start of a neighbouring sentence (« … locale. De même, elle s'entendent »).
 */
export const rule: Rule = {
  meta: ruleMeta(
    'duplicated-clause',
    'duplicated-clause',
    'warning',
    'Une phrase est répétée dans le même article, ou un fragment tronqué répète le début d’une phrase voisine.',
  ),
  check(context) {
    for (const file of context.files) {
      const nodes = file.source.nodes;
      const seen = new Map<unknown, Map<string, { node: TextNode; start: number }>>();
      for (const node of nodes) {
        if (file.roleOf(node) !== 'body' || node.kind === 'cell') continue;
        const doc = file.documentOf(node);
        if (doc?.kind === 'deliberation') continue;
        const sents = sentences(node.text);
        // (a) truncated fragment at the end of the paragraph.
        const frag = trailingFragment(file, node);
        if (frag) {
          const t = frag.twin;
          context.report({
            node,
            start: frag.start,
            end: frag.end,
            message: `Fragment tronqué ${q(node.text.slice(frag.start, frag.end))} qui reprend le début de ${q(t.node.text.slice(t.start, t.end), 50)} : à supprimer ou à compléter.`,
            related: [relatedAt(file, t, 'phrase reprise')],
          });
        }
        // (b) a sentence repeated in the same section.
        const section = file.sectionOf(node);
        const scope = section?.article ?? section?.annex ?? doc;
        let map = seen.get(scope);
        if (!map) {
          map = new Map();
          seen.set(scope, map);
        }
        for (const s of sents) {
          const words = tokenize(node.text.slice(s.start, s.end)).map((t) => t.norm);
          if (words.length < 6) continue;
          const key = words.join(' ');
          const first = map.get(key);
          if (first) {
            context.report({
              node,
              start: s.start,
              end: s.end,
              message: `Phrase répétée : ${q(node.text.slice(s.start, s.end), 50)} figure déjà plus haut dans la même partie du document.`,
              related: [relatedAt(file, { node: first.node, start: first.start }, 'première occurrence')],
            });
          } else map.set(key, { node, start: s.start });
        }
      }
    }
  },
};
