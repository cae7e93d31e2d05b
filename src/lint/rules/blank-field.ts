import type { Rule } from '../rule.js';
import { q, ruleMeta } from './util/kit.js';

const LABEL = '(?:Nom|Prénom|RS|Raison sociale|Adresse|SIRET|SIREN|N° SIRET|Code APE|Téléphone|Tél\\.?|Courriel|E-mail|Mail|Fonction|Qualité|Date|Signature)';
const BARE = new RegExp(`^${LABEL}(?:\\s*[,/]\\s*${LABEL})*\\s*:?\\s*$`, 'iu');

/**
 * A form field with no value (« Nom, RS », « Adresse », « SIRET » alone on their line). In a
 * model to fill in (« Modèle acte d'engagement ») the blanks are expected: info only.
 */
export const rule: Rule = {
  meta: ruleMeta('blank-field', 'placeholder', 'warning', 'Un champ de formulaire (« Nom, RS », « Adresse », « SIRET »…) est resté sans valeur.'),
  check(context) {
    for (const file of context.files) {
      for (const node of file.source.nodes) {
        const t = node.text.trim();
        if (t.length > 60 || t.includes('\n') || !BARE.test(t)) continue;
        const role = file.roleOf(node);
        if (role !== 'body' && role !== 'other') continue;
        const annex = file.sectionOf(node)?.annex;
        const model = annex?.isModel === true;
        const start = node.text.indexOf(t);
        context.report({
          node,
          start,
          end: start + t.length,
          message: model ? `Champ ${q(t)} à remplir dans le modèle.` : `Champ ${q(t)} sans valeur : le renseigner.`,
          ...(model ? { severity: 'info' as const } : {}),
        });
      }
    }
  },
};
