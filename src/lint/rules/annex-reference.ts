import type { Rule } from '../rule.js';
import type { AnnexKind } from '../segment.js';
import { fold } from '../text/normalize.js';
import { annexNumber, isAnnexLetter } from '../text/numbers.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';
import { conventionsOf } from './util/clauses.js';

/** What every match of `REF` holds (a cheap test before the full pattern). */
const MAY_REFER = /annexe/i;
const REF = /\bannexe\s+(?:n°\s*)?(\d+|[IVX]{1,5}|[A-Z])(?![\p{L}\d])/giu;

const KIND_LABEL: Readonly<Record<AnnexKind, string>> = {
  referents: 'la liste des référents',
  charter: 'la charte',
  'data-list': 'la liste des données',
  'engagement-act': "l'acte d'engagement",
  other: 'une annexe',
};

/** What the words before a reference ask for: the nearest cue in the sentence, by priority. */
export function expectedKind(before: string): AnnexKind | undefined {
  const s = fold(before.slice(Math.max(before.lastIndexOf('. '), 0)));
  if (/acte d'engagement/.test(s)) return 'engagement-act';
  if (/referent/.test(s)) return 'referents';
  if (/\bcharte\b/.test(s)) return 'charter';
  if (/\bliste\b|\bindicateurs\b|\bdonnees\b/.test(s)) return 'data-list';
  return undefined;
}

/** « cf annexe 2 » must point to an existing annex of the kind the sentence speaks of. */
export const rule: Rule = {
  meta: ruleMeta('annex-reference', 'cross-reference', 'error', 'Un renvoi « cf. annexe N » vise une annexe absente ou d’une autre nature que ce dont parle la phrase.'),
  check(context) {
    for (const { file, doc } of conventionsOf(context.files)) {
      const nodes = [...(doc.preamble?.body ?? []), ...doc.articles.flatMap((a) => a.body)];
      for (const node of nodes) {
        if (!MAY_REFER.test(node.text)) continue;
        REF.lastIndex = 0;
        for (let m = REF.exec(node.text); m; m = REF.exec(node.text)) {
          const n = annexNumber(m[1] as string);
          if (n === undefined) continue;
          // « annexe B » names a lettered annex, « annexe 2 » or « annexe II » a numbered one.
          const annex = doc.annexes.find((a) => a.number === n && isAnnexLetter(a.rawNumber) === isAnnexLetter(m[1] as string));
          const range = { node, start: m.index, end: m.index + m[0].length };
          if (!annex) {
            const list = doc.annexes.map((a) => a.rawNumber).join(', ');
            context.report({ ...range, message: `Renvoi à l'annexe ${m[1]}, qui n'existe pas dans cette convention${list ? ` (annexes : ${list})` : ' (aucune annexe)'}.` });
            continue;
          }
          const want = expectedKind(node.text.slice(0, m.index));
          if (want && annex.kind !== 'other' && annex.kind !== want) {
            context.report({
              ...range,
              message: `Le renvoi à l'annexe ${m[1]} concerne ${KIND_LABEL[want]}, mais l'annexe ${m[1]} est ${KIND_LABEL[annex.kind]} (${q(annex.title, 50)}).`,
              related: [relatedAt(file, { node: annex.heading }, `annexe ${m[1]}`)],
            });
          }
        }
      }
    }
  },
};
