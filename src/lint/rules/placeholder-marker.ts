import type { Rule } from '../rule.js';
import { q, ruleMeta } from './util/kit.js';

const MARKERS: readonly { re: RegExp; what: string }[] = [
  { re: /(?<![\p{L}\d'’.-])X{2,}(?![\p{L}\d])/gu, what: 'valeur à remplacer' },
  { re: /(?<![\p{L}\d'’.-])X(?![\p{L}\d'’-])(?!\.\p{L})/gu, what: 'nom à remplacer' },
  { re: /\((?:citer|préciser|indiquer|compléter|à compléter|insérer|nom de|nom du)\b[^)\n]*\)/giu, what: 'consigne de rédaction' },
  { re: /\.{4,}|_{3,}|…{2,}/gu, what: 'blanc à remplir' },
];

/** True when `index` is inside « … » (a model of text to reproduce, like a source mention). */
function inQuotes(text: string, index: number): boolean {
  const open = text.lastIndexOf('«', index);
  return open >= 0 && text.lastIndexOf('»', index) < open && text.indexOf('»', index) >= 0;
}

/**
 * Leftovers of drafting: « ANNEXE XX », « la CAF de X », « XXXX », « (citer la collectivité
 * commanditaire) », « ….. ». Inside guillemets (« Source …, date : XXXX ») the marker is part of
 * a model the reader fills in: info only.
 */
export const rule: Rule = {
  meta: ruleMeta('placeholder-marker', 'placeholder', 'warning', 'Une marque de brouillon (« XX », « de X », « (citer …) », « ….. ») est restée dans le texte.'),
  check(context) {
    for (const file of context.files) {
      for (const node of file.source.nodes) {
        if (file.documentOf(node)?.kind === 'deliberation' && file.roleOf(node) === 'attendance') continue;
        for (const { re, what } of MARKERS) {
          re.lastIndex = 0;
          for (let m = re.exec(node.text); m; m = re.exec(node.text)) {
            const quoted = inQuotes(node.text, m.index);
            context.report({
              node,
              start: m.index,
              end: m.index + m[0].length,
              message: quoted
                ? `${q(m[0])} dans un modèle de mention entre guillemets : ${what} par le lecteur (à vérifier).`
                : `${q(m[0])} : ${what} laissé(e) dans le texte.`,
              ...(quoted ? { severity: 'info' as const } : {}),
            });
          }
        }
      }
    }
  },
};
