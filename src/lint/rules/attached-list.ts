import type { Rule } from '../rule.js';
import { fold, FUNCTION_WORDS, tokenize } from '../text/normalize.js';
import { q, ruleMeta } from './util/kit.js';
import { conventionsOf } from './util/clauses.js';

const MARK = /\((?:liste|tableau|carte)\s+(?:ci-joint(?:e|es|s)?|en annexe|annexée?s?)\)|\bci-joint(?:e|es|s)?\b/giu;
/** What every match of `MARK` holds (a cheap test before the full pattern). */
const MAY_MARK = /ci-joint|\((?:liste|tableau|carte)\s/i;
const WEAK = new Set(['echelle', 'ensemble', 'niveau', 'cadre', 'liste', 'personnes', 'document', 'documents']);

/**
 * « (liste ci-jointe) », « (liste en annexe) »: the list must be attached, i.e. an annex of
 * the convention holds it (its title names what the list is about, or its kind matches).
 */
export const rule: Rule = {
  meta: ruleMeta('attached-list', 'cross-reference', 'warning', 'Une liste annoncée « ci-jointe » ou « en annexe » ne figure dans aucune annexe.'),
  check(context) {
    for (const { doc } of conventionsOf(context.files)) {
      const nodes = [...(doc.preamble?.body ?? []), ...doc.articles.flatMap((a) => a.body)];
      const titles = doc.annexes.map((a) => ({ annex: a, words: tokenize(`${a.title} ${a.label?.text ?? ''}`).map((t) => t.norm) }));
      for (const node of nodes) {
        if (!MAY_MARK.test(node.text)) continue;
        MARK.lastIndex = 0;
        for (let m = MARK.exec(node.text); m; m = MARK.exec(node.text)) {
          const before = node.text.slice(Math.max(0, m.index - 120), m.index);
          const subject = tokenize(before)
            .slice(-9)
            .map((t) => t.norm)
            .filter((w) => !FUNCTION_WORDS.has(w) && !WEAK.has(w) && w.length > 3);
          const found = titles.some(({ annex, words }) =>
            subject.some((s) => {
              if (/^referent/.test(s) && annex.kind === 'referents') return true;
              if (/^(donnee|indicateur)/.test(s) && annex.kind === 'data-list') return true;
              const stem = s.slice(0, 6);
              return words.some((w) => w.length > 3 && w.slice(0, 6) === stem);
            }),
          );
          if (found) continue;
          const what = subject.length > 0 ? subject.slice(-3).join(' ') : fold(before.trim().split(/\s+/).slice(-3).join(' '));
          context.report({
            node,
            start: m.index,
            end: m.index + m[0].length,
            message: `${q(m[0])} : aucune annexe de la convention ne contient cette liste (${what}) ; joindre la liste ou supprimer la mention.`,
          });
        }
      }
    }
  },
};
