import type { Rule } from '../rule.js';
import { expectedArticle, isUpperText } from '../text/organisations.js';
import { q, ruleMeta } from './util/kit.js';

/**
 * The article before an organisation's name must fit its use: « Pôle Emploi » takes none
 * (« la Pôle Emploi » is wrong), a feminine name takes « la », a masculine one « le », and a
 * name starting with a vowel takes « l' » (« la URSSAF » is wrong).
 */
export const rule: Rule = {
  meta: ruleMeta('partner-article', 'partner-agreement', 'warning', 'L’article devant le nom d’un organisme ne s’accorde pas (« la Pôle Emploi », « le CAF », « la URSSAF »).'),
  check(context) {
    for (const file of context.files) {
      for (const node of file.source.nodes) {
        const role = file.roleOf(node);
        if (role === 'title' || role === 'attendance' || role === 'header') continue;
        for (const m of file.orgs.find(node.text)) {
          const b = m.before;
          if (!b) continue;
          const name = node.text.slice(m.start, m.end);
          const article = node.text.slice(b.start, b.end);
          if (isUpperText(article) && isUpperText(name)) continue;
          const expected = expectedArticle(m, name, b.word);
          if (expected === undefined) continue;
          const fixed = expected === '' ? name : expected.endsWith("'") ? `${expected}${name}` : `${expected} ${name}`;
          context.report({
            node,
            start: b.start,
            end: m.end,
            message: `${q(node.text.slice(b.start, m.end))} : ${m.article === 'none' ? `${q(name)} s'emploie sans article` : `article à accorder (${m.gender === 'f' ? 'féminin' : 'masculin'})`} ; attendu ${q(fixed)}.`,
          });
        }
      }
    }
  },
};
