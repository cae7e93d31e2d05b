import type { Rule } from '../rule.js';
import type { Article } from '../segment.js';
import { contentWords } from '../text/organisations.js';
import { wordKey } from '../text/normalize.js';
import { analyseClauses, conventionsOf, type Unit } from './util/clauses.js';
import { paragraphSubject, SUBJECT_LABEL, titleSubjects } from '../text/subjects.js';
import type { TextNode } from '../types.js';
import { q, relatedAt, ruleMeta } from './util/kit.js';

const GENERIC = new Set(['convention', 'conventions', 'article', 'donnees', 'dispositions', 'modalites', 'parties']);

/** The subject words of an article title: its content words of five letters or more, generic ones aside. */
function subjects(title: string): Set<string> {
  return new Set(contentWords(title).filter((w) => w.length >= 5 && !GENERIC.has(w)));
}

function overlap(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * A paragraph under the wrong article, found two ways:
 * - compared with the shared skeleton: its copies in the other conventions sit under an
 *   article this convention also has (URSSAF: the breach termination paragraph under
 *   « Résolution des litiges » instead of « Dénonciation »);
 * - within one convention, from a lexicon of what each kind of article holds (text/subjects):
 *   a paragraph that speaks only of termination (or duration, disputes, confidentiality,
 *   financing, ownership, purpose) under an article whose title names another subject, while
 *   the convention has an article for that subject. This second way is a warning.
 */
export const rule: Rule = {
  meta: ruleMeta(
    'misplaced-clause',
    'misplaced-clause',
    'error',
    'Un paragraphe se trouve sous un autre article que dans les autres conventions, alors que cet article existe aussi ici.',
  ),
  check(context) {
    const reported = new Set<TextNode>();
    const report: typeof context.report = (f) => {
      reported.add(f.node);
      context.report(f);
    };
    const { clusters } = analyseClauses(context);
    for (const cluster of clusters) {
      if (cluster.reference.units[0]?.scope !== 'article') continue;
      // Per document, the title of the article holding the clause; then counts per title.
      const titleOfDoc = new Map<unknown, { key: string; unit: Unit }>();
      for (const v of cluster.variants) {
        for (const u of v.units) {
          if (!u.article || u.doc.kind !== 'convention' || titleOfDoc.has(u.doc)) continue;
          titleOfDoc.set(u.doc, { key: wordKey(u.article.title), unit: u });
        }
      }
      if (titleOfDoc.size < 3) continue;
      const counts = new Map<string, Unit[]>();
      for (const { key, unit } of titleOfDoc.values()) counts.set(key, [...(counts.get(key) ?? []), unit]);
      for (const { key: mineKey, unit } of titleOfDoc.values()) {
        const mine = unit.article as Article;
        let bestKey = '';
        let best: Unit[] = [];
        for (const [k, us] of counts) {
          const n = k === mineKey ? us.length - 1 : us.length;
          if (n > best.length - (bestKey === mineKey ? 1 : 0)) {
            bestKey = k;
            best = us;
          }
        }
        const bestCount = bestKey === mineKey ? best.length - 1 : best.length;
        const others = titleOfDoc.size - 1;
        if (bestKey === mineKey || bestCount < 2 || bestCount * 2 <= others) continue;
        const expectedTitle = (best[0]?.article as Article).title;
        if (overlap(subjects(mine.title), subjects(expectedTitle))) continue;
        const target = unit.doc.kind === 'convention' ? unit.doc.articles.find((a) => wordKey(a.title) === bestKey) : undefined;
        if (!target) continue;
        // Every copy of the clause in this document is misplaced the same way.
        for (const v of cluster.variants) {
          for (const u of v.units) {
            if (u.doc !== unit.doc || u.article !== mine) continue;
            report({
              node: u.node,
              message: `Ce paragraphe est sous l'article ${mine.label} (${q(mine.title)}) ; dans les autres conventions il relève de l'article ${q(expectedTitle)}, qui est ici l'article ${target.label}.`,
              related: [
                relatedAt(u.file, { node: target.heading }, `article ${target.label} de cette convention`),
                ...best.slice(0, 3).map((b) => relatedAt(b.file, { node: b.node }, 'même clause dans une autre convention')),
              ],
            });
          }
        }
      }
    }
    for (const { file, doc } of conventionsOf(context.files)) {
      const kinds = doc.articles.map((a) => titleSubjects(a.title));
      for (const [k, article] of doc.articles.entries()) {
        const mine = kinds[k] as ReturnType<typeof titleSubjects>;
        if (mine.size === 0) continue;
        for (const node of article.body) {
          if (reported.has(node)) continue;
          const subject = paragraphSubject(node.text);
          if (!subject || mine.has(subject)) continue;
          const home = doc.articles.findIndex((_, j) => j !== k && (kinds[j] as ReturnType<typeof titleSubjects>).has(subject));
          const target = doc.articles[home];
          if (!target) continue;
          report({
            node,
            severity: 'warning',
            message: `Ce paragraphe porte sur ${SUBJECT_LABEL[subject]} mais se trouve sous l'article ${article.label} (${q(article.title)}) ; il relève de l'article ${target.label} (${q(target.title)}).`,
            related: [relatedAt(file, { node: target.heading }, `article ${target.label} de cette convention`)],
          });
        }
      }
    }
  },
};
