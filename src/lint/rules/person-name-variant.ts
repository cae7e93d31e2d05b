import type { Rule } from '../rule.js';
import { fold, levenshtein } from '../text/normalize.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';
import { personMentions, type PersonMention } from './util/people.js';

/** One person spelt two ways (« AKPINAR-ISTIQUAM » / « AKPINAR-ISTIQAM »): same given name, family names one or two letters apart. */
export const rule: Rule = {
  meta: ruleMeta('person-name-variant', 'people', 'warning', 'Une même personne est écrite de deux façons (nom de famille à une ou deux lettres près).'),
  check(context) {
    const byFirst = new Map<string, Map<string, PersonMention[]>>();
    for (const m of personMentions(context.files)) {
      const first = fold(m.person.first);
      if (first.length === 0) continue;
      const last = fold(m.person.last).replace(/[\s'’]+/g, ' ');
      const lasts = byFirst.get(first) ?? new Map<string, PersonMention[]>();
      lasts.set(last, [...(lasts.get(last) ?? []), m]);
      byFirst.set(first, lasts);
    }
    for (const lasts of byFirst.values()) {
      if (lasts.size < 2) continue;
      const entries = [...lasts.entries()];
      for (let i = 0; i < entries.length; i++) {
        for (let j = i + 1; j < entries.length; j++) {
          const [a, am] = entries[i] as [string, PersonMention[]];
          const [b, bm] = entries[j] as [string, PersonMention[]];
          if (Math.min(a.length, b.length) < 5 || a[0] !== b[0]) continue;
          const d = levenshtein(a.replace(/[-\s]/g, ''), b.replace(/[-\s]/g, ''), 2);
          // One letter apart, or two for long names (« AKPINAR-ISTIQUAM » / « AKPINAR-ISTIQAM »).
          if (d > (Math.min(a.length, b.length) >= 10 ? 2 : 1) || (d === 0 && a === b)) continue;
          // The less frequent spelling is reported (the later one on ties).
          const [minor, major] = bm.length <= am.length ? [bm, am] : [am, bm];
          const ref = major[0] as PersonMention;
          for (const m of minor) {
            context.report({
              node: m.at.node,
              start: m.at.start,
              end: m.at.end,
              message: `${q(m.at.text)} : la même personne est écrite ${q(ref.at.text)} ailleurs (${major.length} fois).`,
              related: major.slice(0, 5).map((x) => relatedAt(x.file, x.at, 'autre orthographe')),
            });
          }
        }
      }
    }
  },
};
