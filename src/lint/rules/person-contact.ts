import type { Rule } from '../rule.js';
import { phoneKey } from '../text/people.js';
import { canonicalWords } from '../text/spelling.js';
import { majority, q, relatedAt, ruleMeta } from './util/kit.js';
import { referentCards } from './util/people.js';
import type { SegmentedFile, Located, ReferentCard } from '../segment.js';

interface Field {
  readonly file: SegmentedFile;
  readonly card: ReferentCard;
  readonly at: Located;
  readonly key: string;
}

/** The same person with another phone number, e-mail or function in another referent card. */
export const rule: Rule = {
  meta: ruleMeta('person-contact', 'people', 'warning', 'Une même personne a un autre téléphone, courriel ou fonction d’une fiche de référent à l’autre.'),
  check(context) {
    const byPerson = new Map<string, { file: SegmentedFile; card: ReferentCard }[]>();
    for (const x of referentCards(context.files)) {
      const k = x.card.person.key;
      byPerson.set(k, [...(byPerson.get(k) ?? []), x]);
    }
    for (const cards of byPerson.values()) {
      if (cards.length < 2) continue;
      const name = cards[0]?.card.name.text ?? '';
      const fields: { label: string; pick: (c: ReferentCard) => Located | undefined; key: (l: Located) => string }[] = [
        { label: 'téléphone', pick: (c) => c.phones[0], key: (l) => phoneKey(l.text) },
        { label: 'courriel', pick: (c) => c.emails[0], key: (l) => l.text.toLowerCase() },
        {
          label: 'fonction',
          pick: (c) => c.functions.find((f) => !/^\[[^\]]*\]$/.test(f.text)),
          key: (l) => canonicalWords(l.text.replace(/\[[^\]]*\]\s*,?\s*/g, '')).join(' '),
        },
      ];
      for (const f of fields) {
        const values: Field[] = [];
        for (const { file, card } of cards) {
          const at = f.pick(card);
          if (at) values.push({ file, card, at, key: f.key(at) });
        }
        const groups = majority(values, (v) => v.key);
        if (groups.length < 2) continue;
        const main = groups[0] as { key: string; items: Field[] };
        for (const g of groups.slice(1)) {
          for (const v of g.items) {
            context.report({
              node: v.at.node,
              start: v.at.start,
              end: v.at.end,
              message: `${name} : ${f.label} ${q(v.at.text)} différent de celui des autres fiches (${q((main.items[0] as Field).at.text)}, ${main.items.length} fois).`,
              related: main.items.slice(0, 5).map((m) => relatedAt(m.file, m.at, `${f.label} de ${name} ailleurs`)),
            });
          }
        }
      }
    }
  },
};
