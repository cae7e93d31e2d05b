import type { Rule } from '../rule.js';
import type { TextNode } from '../types.js';
import { isContentsEntry } from '../segment/recognisers.js';
import { isBlankDate, LEADER, linesOfNode, SIGNATURE_DATE } from '../text/signature.js';
import { printedNodes, q, ruleMeta } from './util/kit.js';

/** Leftovers of drafting: a word or a token standing for a value that was never written. */
const MARKERS: readonly { re: RegExp; what: string; quoted?: false }[] = [
  // « XXX XXX » is one blank: runs of X separated by spaces (or wrapped onto the next line)
  // are taken together.
  { re: /(?<![\p{L}\d'’.-])X{2,}(?:[ \u00a0]*\n?[ \u00a0]*X{2,})*(?![\p{L}\d])/gu, what: 'valeur à remplacer' },
  { re: /(?<![\p{L}\d'’.-])X(?![\p{L}\d'’-])(?!\.\p{L})/gu, what: 'nom à remplacer' },
  { re: /\((?:citer|préciser|indiquer|compléter|à compléter|insérer|nom de|nom du)\b[^)\n]*\)/giu, what: 'consigne de rédaction' },
  // The prompt Word shows in an empty content control of a form or template (French and
  // English versions of Word), printed as it is when the field was never filled.
  {
    re: /(?<![\p{L}\d])(?:Cliquez(?:\s+ou\s+appuyez)?\s+ici\s+pour\s+(?:entrer|saisir|taper)\s+(?:du\s+texte|une\s+date)|Choisissez\s+un\s+élément|Click(?:\s+or\s+tap)?\s+here\s+to\s+enter\s+(?:text|a\s+date)|Click\s+or\s+tap\s+to\s+enter\s+a\s+date|Choose\s+an\s+item)\.?/giu,
    what: 'champ de formulaire Word jamais rempli',
  },
  // A mail-merge field left unmerged: Word shows the field's name between chevrons, glued to
  // them and without spaces («Nom_du_partenaire», «Civilité»); French quotation marks always
  // have a space inside (« texte »), so this is never a quotation.
  { re: /«[\p{L}][\p{L}\d_]*(?:[-.][\p{L}\d_]+)*»/gu, what: 'champ de fusion (publipostage) non rempli', quoted: false },
];

/** A dotted leader (« ……… », « ........ », « ____ »): a blank left on purpose, to fill in by hand. */
const DOTTED = new RegExp(LEADER, 'gu');

/** True when `index` is inside « … » (a model of text to reproduce, like a source mention). */
function inQuotes(text: string, index: number): boolean {
  const open = text.lastIndexOf('«', index);
  return open >= 0 && text.lastIndexOf('»', index) < open && text.indexOf('»', index) >= 0;
}

/** True when `index` is on a signature date line whose date is blank: signature-date reports it. */
function onBlankDateLine(node: TextNode, index: number): boolean {
  const line = linesOfNode(node).find((l) => l.start <= index && index < l.end);
  return line !== undefined && SIGNATURE_DATE.test(line.text) && isBlankDate(line.text);
}

/**
 * Leftovers of drafting: « ANNEXE XX », « la CAF de X », « XXXX », « (citer la collectivité
 * commanditaire) », Word's « Cliquez ou appuyez ici pour entrer du texte. », an unmerged
 * mail-merge field «Nom_du_partenaire» are warnings: the
 * drafter forgot a value. Inside guillemets (« Source …,
 * date : XXXX ») the marker is part of a model the reader fills in: info only.
 *
 * A dotted leader (« ……… », « ........ », « ____ ») is the typographic convention for a blank to
 * fill in by hand: visible and intentional (a phone number the data does not have, the
 * contractor's SIRET on an engagement act), so it is info only; on a signature date line
 * (« Fait à Dijon, le ………… ») it is left to signature-date.
 */
export const rule: Rule = {
  meta: ruleMeta('placeholder-marker', 'placeholder', 'warning', 'Une marque de brouillon (« XX », « de X », « (citer …) ») est restée dans le texte, ou un blanc en pointillés reste à remplir.'),
  check(context) {
    for (const file of context.files) {
      for (const node of printedNodes(file)) {
        if (file.documentOf(node)?.kind === 'deliberation' && file.roleOf(node) === 'attendance') continue;
        for (const { re, what, quoted: canBeQuoted } of MARKERS) {
          re.lastIndex = 0;
          for (let m = re.exec(node.text); m; m = re.exec(node.text)) {
            const quoted = canBeQuoted !== false && inQuotes(node.text, m.index);
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
        // The leaders of a table of contents lead to a page number: nothing to fill in.
        if (isContentsEntry(node)) continue;
        DOTTED.lastIndex = 0;
        for (let m = DOTTED.exec(node.text); m; m = DOTTED.exec(node.text)) {
          if (onBlankDateLine(node, m.index)) continue;
          context.report({
            node,
            start: m.index,
            end: m.index + m[0].length,
            message: `${q(m[0])} : blanc à remplir à la main.`,
            severity: 'info',
          });
        }
      }
    }
  },
};
