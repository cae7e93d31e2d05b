import type { Rule } from '../rule.js';
import { q, ruleMeta } from './util/kit.js';

/** Gender of plural nouns frequent in conventions (their determiner does not tell it). */
const FEMININE = new Set([
  'données', 'informations', 'études', 'analyses', 'conventions', 'parties', 'personnes', 'communes', 'collectivités', 'règles', 'modalités',
  'dispositions', 'pièces', 'sommes', 'dépenses', 'actions', 'missions', 'prestations', 'obligations', 'réunions', 'listes', 'sources', 'statistiques',
  'fiches', 'copies', 'demandes', 'structures', 'villes', 'institutions', 'conditions', 'annexes', 'pratiques', 'thématiques', 'séances', 'subventions',
]);
const MASCULINE = new Set(['fichiers', 'documents', 'travaux', 'indicateurs', 'frais', 'crédits', 'services', 'partenaires', 'membres', 'résultats', 'éléments', 'outils', 'territoires', 'quartiers', 'supports', 'tableaux', 'dossiers', 'acteurs']);
const PLURAL_DET = /^(?:les|des|ces|leurs|ses|mes|nos|vos|aux|certaines|certains|toutes|tous|plusieurs)$/i;
const FEM_DET = /^(?:la|une|cette|sa|ma|ta|notre|votre|leur)$/i;

const REL = /(?<![\p{L}])(?:(et|ou)\s+)?qu['’](?:il|elle|ils|elles|on)\s+(?:a|aura|avait|aurait|ont|auront|avaient|auraient|ait|aient)\s+(\p{L}+é)(?![\p{L}])/giu;

/**
 * « les données qu'il aura collecté » → « collectées »: a past participle with « avoir »
 * agrees with a direct object placed before it (the antecedent of « que »).
 */
export const rule: Rule = {
  meta: ruleMeta('participle-agreement', 'typography', 'warning', 'Participe passé non accordé avec le complément placé avant (« les données qu’il aura collecté »).'),
  check(context) {
    for (const file of context.files) {
      for (const node of file.source.nodes) {
        if (file.roleOf(node) !== 'body') continue;
        const text = node.text;
        REL.lastIndex = 0;
        let antecedent: { fem: boolean; plural: boolean; text: string } | undefined;
        let lastEnd = -1;
        for (let m = REL.exec(text); m; m = REL.exec(text)) {
          const pp = m[2] as string;
          if (pp.toLowerCase() === 'été') continue;
          // « … et qu'il aura centralisé »: same antecedent as the previous relative of the sentence.
          const chained = m[1] !== undefined && antecedent !== undefined && !/[.;]/.test(text.slice(lastEnd, m.index));
          if (!chained) antecedent = antecedentBefore(text, m.index);
          lastEnd = m.index + m[0].length;
          if (!antecedent || (!antecedent.fem && !antecedent.plural)) continue;
          const expected = pp + (antecedent.fem ? 'e' : '') + (antecedent.plural ? 's' : '');
          const start = m.index + m[0].length - pp.length;
          context.report({ node, start, end: start + pp.length, message: `${q(pp)} s'accorde avec ${q(antecedent.text)} placé avant : attendu ${q(expected)}.` });
        }
      }
    }
  },
};

function antecedentBefore(text: string, at: number): { fem: boolean; plural: boolean; text: string } | undefined {
  const m = /(\p{L}+)\s+(\p{L}+)\s*$/u.exec(text.slice(Math.max(0, at - 60), at));
  if (!m) return undefined;
  const det = m[1] as string;
  const noun = (m[2] as string).toLowerCase();
  if (PLURAL_DET.test(det)) {
    if (FEMININE.has(noun)) return { fem: true, plural: true, text: m[0].trim() };
    if (MASCULINE.has(noun)) return { fem: false, plural: true, text: m[0].trim() };
    return undefined;
  }
  if (FEM_DET.test(det) && !/s$/.test(noun)) return { fem: true, plural: false, text: m[0].trim() };
  return undefined;
}
