import type { Rule } from '../rule.js';
import type { DatedMention } from '../segment.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';
import { deliberations } from './util/deliberation.js';

/**
 * The dates of an extract agree: one session date (« Séance du … », « réuni le … »,
 * « Délibéré en séance le … », « L'an …, le … »), a convocation before the session, a
 * posting or transmission on or after it.
 */
export const rule: Rule = {
  meta: ruleMeta('deliberation-dates', 'deliberation', 'error', 'Les dates de l’extrait ne concordent pas : séance datée deux fois différemment, convocation après la séance ou affichage avant.'),
  check(context) {
    for (const { file, doc } of deliberations(context.files)) {
      const dates = doc.data.dates;
      const session = dates.find((d) => d.kind === 'session');
      if (!session) continue;
      const range = (d: DatedMention): { node: DatedMention['at']['node']; start: number; end: number } => ({ node: d.at.node, start: d.at.start, end: d.at.end });
      const related = [relatedAt(file, session.at, 'date de la séance')];
      for (const d of dates) {
        if (d === session) continue;
        if (d.kind === 'session' && d.iso !== session.iso) {
          context.report({ ...range(d), message: `${q(d.label)} : la séance est datée plus haut du ${session.label.replace(/^L['’]an\s+/, '')} ; une même séance ne peut avoir deux dates.`, related });
        } else if (d.kind === 'convocation' && d.iso > session.iso) {
          context.report({ ...range(d), message: `Convocation du ${d.label}, postérieure à la séance (${session.label}) : les conseillers sont convoqués avant la séance.`, related });
        } else if (d.kind === 'publication' && d.iso < session.iso) {
          context.report({ ...range(d), message: `Affichage ou transmission le ${d.label}, avant la séance (${session.label}).`, related });
        }
      }
    }
  },
};
