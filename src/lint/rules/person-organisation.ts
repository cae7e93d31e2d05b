import type { Rule } from '../rule.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';
import { personMentions, type PersonMention } from './util/people.js';

/** The same person represents two different organisations (Michel BACHELARD: president of the MDEF and « Maire » of Quetigny). */
export const rule: Rule = {
  meta: ruleMeta('person-organisation', 'people', 'warning', 'Une même personne représente ou signe pour deux organismes différents.'),
  check(context) {
    const byPerson = new Map<string, PersonMention[]>();
    for (const m of personMentions(context.files)) {
      if (!m.org || m.source === 'council' || m.person.first.length === 0) continue;
      byPerson.set(m.person.key, [...(byPerson.get(m.person.key) ?? []), m]);
    }
    for (const mentions of byPerson.values()) {
      const orgs = new Map<string, PersonMention[]>();
      for (const m of mentions) orgs.set(m.org as string, [...(orgs.get(m.org as string) ?? []), m]);
      if (orgs.size < 2) continue;
      const [first, ...others] = [...orgs.values()];
      const ref = (first as PersonMention[])[0] as PersonMention;
      for (const group of others) {
        const m = group[0] as PersonMention;
        context.report({
          node: m.at.node,
          start: m.at.start,
          end: m.at.end,
          message: `${q(m.at.text)} représente ici ${q(m.orgLabel ?? '')} mais aussi ${q(ref.orgLabel ?? '')} ailleurs : vérifier le signataire.`,
          related: (first as PersonMention[]).slice(0, 3).map((x) => relatedAt(x.file, x.at, `pour ${x.orgLabel ?? ''}`)),
        });
      }
    }
  },
};
