import type { Rule } from '../rule.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';
import { deliberations } from './util/deliberation.js';
import type { Member } from '../segment.js';

/**
 * Proxies: the holder is a titular member present at the session, holds at most one proxy and
 * is not a substitute; the giver is absent.
 */
export const rule: Rule = {
  meta: ruleMeta('deliberation-proxy-holder', 'deliberation', 'error', 'Un pouvoir est mal attribué : mandataire absent, suppléant, ou titulaire de plusieurs pouvoirs ; ou mandant présent.'),
  check(context) {
    for (const { file, doc } of deliberations(context.files)) {
      // A list read with no confidence (deliberation-unread): a holder missing from it proves nothing.
      if (doc.data.unread.length > 0) continue;
      const byKey = new Map<string, Member[]>();
      for (const m of doc.data.members) byKey.set(m.key, [...(byKey.get(m.key) ?? []), m]);
      const held = new Map<string, (typeof doc.data.proxies)[number]>();
      for (const p of doc.data.proxies) {
        const status = byKey.get(p.holderKey)?.map((m) => m.status) ?? [];
        const range = { node: p.holder.node, start: p.holder.start, end: p.holder.end };
        if (status.includes('substitute')) {
          context.report({ ...range, message: `${q(p.holder.text)} est un membre suppléant : il siège à la place d'un titulaire et ne peut pas recevoir le pouvoir de ${q(p.giver.name.text)}.` });
        } else if (!status.includes('present')) {
          context.report({ ...range, message: `${q(p.holder.text)} reçoit le pouvoir de ${q(p.giver.name.text)} mais ne figure pas parmi les membres présents.` });
        }
        const first = held.get(p.holderKey);
        if (first) {
          context.report({ ...range, message: `${q(p.holder.text)} détient plusieurs pouvoirs (un seul est permis).`, related: [relatedAt(file, first.holder, 'premier pouvoir')] });
        } else held.set(p.holderKey, p);
        if ((byKey.get(p.giver.key) ?? []).some((m) => m.status === 'present' || m.status === 'substitute')) {
          context.report({ node: p.giver.name.node, start: p.giver.name.start, end: p.giver.name.end, message: `${q(p.giver.name.text)} donne pouvoir mais figure aussi parmi les présents.` });
        }
      }
    }
  },
};
