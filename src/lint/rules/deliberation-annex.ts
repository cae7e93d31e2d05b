import type { Rule } from '../rule.js';
import { relatedAt, ruleMeta } from './util/kit.js';
import { deliberations } from './util/deliberation.js';

/**
 * The annexes of an extract: numbered 1, 2, 3… in order, and every « annexe N » of its text
 * is among them. An extract whose annexes travel in other files (none here) is not judged.
 */
export const rule: Rule = {
  meta: ruleMeta('deliberation-annex', 'deliberation', 'error', 'Une annexe de la délibération est mal numérotée, ou le texte renvoie à une annexe qui n’est pas jointe.'),
  check(context) {
    for (const { file, doc } of deliberations(context.files)) {
      const { annexes, annexMentions } = doc.data;
      if (annexes.length === 0) continue;
      annexes.forEach((a, i) => {
        if (a.number === i + 1) return;
        context.report({
          node: a.at.node,
          start: a.at.start,
          end: a.at.end,
          message: `Annexe numérotée ${a.raw} : après ${i === 0 ? 'le début de l’extrait' : `l’annexe ${(annexes[i - 1] as (typeof annexes)[number]).raw}`}, on attend l’annexe ${i + 1}.`,
        });
      });
      const numbers = new Set(annexes.map((a) => a.number));
      for (const m of annexMentions) {
        if (numbers.has(m.number)) continue;
        context.report({
          node: m.at.node,
          start: m.at.start,
          end: m.at.end,
          message: `Renvoi à l’annexe ${m.raw}, qui n’est pas jointe à la délibération (annexes : ${annexes.map((a) => a.raw).join(', ')}).`,
          related: annexes.slice(0, 1).map((a) => relatedAt(file, a.at, 'annexes jointes')),
        });
      }
    }
  },
};
