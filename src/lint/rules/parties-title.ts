import type { Rule } from '../rule.js';
import { conventionsOf } from './util/clauses.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';
import { orgKeyOf } from './util/people.js';

/** The parties named in the title and in the « Entre … et … » block must be the same. */
export const rule: Rule = {
  meta: ruleMeta('parties-title', 'parties', 'error', 'Le titre de la convention et le bloc « Entre … et … » ne nomment pas les mêmes parties.'),
  check(context) {
    for (const { file, doc } of conventionsOf(context.files)) {
      if (doc.parties.length === 0 || doc.titleParties.length === 0) continue;
      const partyKeys = new Map(doc.parties.map((p) => [orgKeyOf(file, p.name.text), p]));
      const seen = new Set<string>();
      for (const t of doc.titleParties) {
        const text = t.node.text.slice(0, t.end);
        for (const m of file.orgs.find(text)) {
          if (m.start < t.start) continue;
          seen.add(m.key);
          if (partyKeys.has(m.key)) continue;
          context.report({
            node: t.node,
            start: m.before ? m.before.start : m.start,
            end: m.qualifiedEnd,
            message: `Le titre nomme ${q(text.slice(m.before ? m.before.start : m.start, m.qualifiedEnd))}, qui n'est pas partie à la convention (absent du bloc « Entre … et … »).`,
            related: doc.partiesNodes[0] ? [relatedAt(file, { node: doc.partiesNodes[0] }, 'bloc des parties')] : [],
          });
        }
      }
      for (const [key, p] of partyKeys) {
        if (seen.has(key)) continue;
        const t = doc.titleParties[0];
        if (!t) continue;
        context.report({
          node: t.node,
          start: t.start,
          end: t.end,
          severity: 'warning',
          message: `Le titre ne nomme pas ${q(p.name.text)}, partie à la convention.`,
          related: [relatedAt(file, p.name, 'partie du bloc « Entre … »')],
        });
      }
    }
  },
};
