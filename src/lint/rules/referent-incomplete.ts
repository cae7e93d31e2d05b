import type { Rule } from '../rule.js';
import { q, ruleMeta } from './util/kit.js';
import { referentCards } from './util/people.js';

/** A referent card without phone, e-mail or function, or without the given name: to complete (info). */
export const rule: Rule = {
  meta: ruleMeta('referent-incomplete', 'people', 'info', 'Une fiche de référent est incomplète (prénom, fonction, téléphone ou courriel manquant).'),
  check(context) {
    for (const { card } of referentCards(context.files)) {
      const missing: string[] = [];
      if (card.person.first.length === 0) missing.push('prénom');
      if (!card.functions.some((f) => !/^\[[^\]]*\]$/.test(f.text))) missing.push('fonction');
      if (card.phones.length === 0) missing.push('téléphone');
      if (card.emails.length === 0) missing.push('courriel');
      if (missing.length === 0) continue;
      context.report({ node: card.name.node, start: card.name.start, end: card.name.end, message: `Fiche de ${q(card.name.text)} incomplète : ${missing.join(', ')} à compléter.` });
    }
  },
};
