import type { Rule } from '../rule.js';
import type { CharterText, SegmentedFile } from '../segment.js';
import type { TextNode } from '../types.js';
import { tokenDiff } from '../text/normalize.js';
import { canonicalWords } from '../text/spelling.js';
import { analyseClauses, docCount, type Unit, type Variant } from './util/clauses.js';
import { majority, q, relatedAt, ruleMeta } from './util/kit.js';
import { describeEdit, editsPlace } from './util/diff-text.js';

function charters(files: readonly SegmentedFile[]): { file: SegmentedFile; charter: CharterText }[] {
  const out: { file: SegmentedFile; charter: CharterText }[] = [];
  for (const file of files) {
    for (const doc of file.documents) {
      if (doc.kind === 'charter') out.push({ file, charter: doc.charter });
      if (doc.kind === 'convention') for (const a of doc.annexes) if (a.charter) out.push({ file, charter: a.charter });
    }
  }
  return out;
}

/**
 * Every copy of the charter (annexed to each convention, signed by each commune) must be the
 * same text: same title, same paragraphs, same words.
 */
export const rule: Rule = {
  meta: ruleMeta('charter-divergence', 'shared-clause', 'warning', 'Une copie de la charte (annexée ou signée) diffère des autres copies : titre, paragraphe ou mots.'),
  check(context) {
    // Titles.
    const list = charters(context.files).filter((c) => c.charter.titleNodes.length > 0);
    const groups = majority(list, (c) => canonicalWords(c.charter.title).join(' '));
    if (groups.length > 1) {
      const main = (groups[0] as { items: typeof list }).items;
      const ref = main[0] as (typeof list)[number];
      for (const g of groups.slice(1)) {
        for (const c of g.items) {
          const node = c.charter.titleNodes[0] as TextNode;
          const last = c.charter.titleNodes[c.charter.titleNodes.length - 1] as TextNode;
          context.report({
            node,
            start: 0,
            end: last === node ? node.text.length : node.text.length,
            message: `Titre de la charte ${q(c.charter.title, 90)} différent de celui des autres copies (${main.length}) : ${q(ref.charter.title, 120)}.`,
            related: main.slice(0, 5).map((m) => relatedAt(m.file, { node: m.charter.titleNodes[0] as TextNode }, 'titre des autres copies')),
          });
        }
      }
    }
    // Paragraphs.
    const { clusters } = analyseClauses(context);
    const refs: Variant[] = [];
    for (const cluster of clusters) {
      const ref = cluster.reference;
      if (ref.units[0]?.scope !== 'charter' || docCount(ref.units) < 2) continue;
      refs.push(ref);
      const refUnit = ref.units[0] as Unit;
      for (const variant of cluster.variants) {
        if (variant === ref) continue;
        const edits = tokenDiff(ref.words, variant.words) ?? [];
        if (edits.length === 0) continue;
        for (const unit of variant.units) {
          context.report({
            node: unit.node,
            ...editsPlace(unit, edits),
            message: `Copie de la charte différente des ${ref.units.length} autres copies : ${edits.map((e) => describeEdit(refUnit, unit, e)).join(' ; ')}.`,
            related: ref.units.slice(0, 5).map((u) => relatedAt(u.file, { node: u.node }, 'texte des autres copies')),
          });
        }
      }
    }
    // Two paragraphs merged into one.
    const byKey = new Map(refs.map((r) => [r.key, r]));
    const byHead = new Map<string, Variant[]>();
    for (const r of refs) {
      const head = r.words.slice(0, 6).join(' ');
      byHead.set(head, [...(byHead.get(head) ?? []), r]);
    }
    for (const cluster of clusters) {
      if (cluster.variants.length !== 1) continue;
      const v = cluster.reference;
      if (v.units[0]?.scope !== 'charter' || docCount(v.units) > 1) continue;
      for (const a of byHead.get(v.words.slice(0, 6).join(' ')) ?? []) {
        if (a.words.length >= v.words.length || !a.words.every((w, i) => v.words[i] === w)) continue;
        const b = byKey.get(v.words.slice(a.words.length).join(' '));
        if (!b) continue;
        for (const unit of v.units) {
          context.report({
            node: unit.node,
            message: `Deux paragraphes de la charte sont fusionnés ici (${q((a.units[0] as Unit).node.text, 40)} et ${q((b.units[0] as Unit).node.text, 40)}) : les séparer comme dans les autres copies.`,
            related: [relatedAt(a.units[0]?.file as SegmentedFile, { node: (a.units[0] as Unit).node }, 'premier paragraphe'), relatedAt(b.units[0]?.file as SegmentedFile, { node: (b.units[0] as Unit).node }, 'second paragraphe')],
          });
        }
      }
    }
  },
};
