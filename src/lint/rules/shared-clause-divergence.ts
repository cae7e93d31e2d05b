import type { Rule } from '../rule.js';
import { tokenDiff } from '../text/normalize.js';
import { analyseClauses, docCount } from './util/clauses.js';
import { relatedAt, ruleMeta } from './util/kit.js';
import { describeEdit, editsPlace, isMinorEdit, isNumberingEdit, isOrgEdit } from './util/diff-text.js';
import { trailingFragment } from './util/fragments.js';

/**
 * A copy of a shared article (paragraph or title) that differs slightly from the version
 * most conventions share. Slips (a function word added or dropped, a near spelling) are
 * warnings; a different content word (« devra » for « pourra ») may be a deliberate
 * partner-specific variant: info. Differences in organisation names are left to the
 * wrong-partner rules, misspellings to the typography rules.
 */
export const rule: Rule = {
  meta: ruleMeta('shared-clause-divergence', 'shared-clause', 'warning', 'Une copie d’une clause commune aux conventions diffère légèrement de la version majoritaire.'),
  check(context) {
    const { clusters } = analyseClauses(context);
    for (const cluster of clusters) {
      const ref = cluster.reference;
      const scope = ref.units[0]?.scope;
      if ((scope !== 'article' && scope !== 'article-title') || docCount(ref.units) < 2) continue;
      const refUnit = ref.units[0];
      if (!refUnit) continue;
      for (const variant of cluster.variants) {
        if (variant === ref) continue;
        const all = (tokenDiff(ref.words, variant.words) ?? []).filter((e) => !isOrgEdit(ref.words, variant.words, e) && !isNumberingEdit(ref.words, variant.words, e));
        for (const unit of variant.units) {
          if (unit.doc.kind !== 'convention') continue;
          // A truncated duplicate at the end is duplicated-clause's finding.
          const frag = trailingFragment(unit.file, unit.node);
          const edits = frag ? all.filter((e) => editsPlace(unit, [e]).start < frag.start) : all;
          if (edits.length === 0) continue;
          const minor = edits.every((e) => isMinorEdit(ref.words, variant.words, e));
          const place = editsPlace(unit, edits);
          context.report({
            node: unit.node,
            ...place,
            ...(minor ? {} : { severity: 'info' as const }),
            message: `${scope === 'article-title' ? "Titre d'article" : 'Clause'} différent${scope === 'article-title' ? '' : 'e'} de la version commune à ${docCount(ref.units)} conventions : ${edits.map((e) => describeEdit(refUnit, unit, e)).join(' ; ')}.${minor ? '' : ' Variante propre à ce partenaire ? À confirmer.'}`,
            related: ref.units.slice(0, 5).map((u) => relatedAt(u.file, { node: u.node }, 'version majoritaire')),
          });
        }
      }
    }
  },
};
