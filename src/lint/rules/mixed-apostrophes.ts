import type { Rule } from '../rule.js';
import type { TextNode } from '../types.js';
import { q, ruleMeta } from './util/kit.js';

/** Candidates: straight U+0027, typographic U+2019 / U+02BC (a plain class: fast on long texts). */
const QUOTE = /['\u2019\u02bc]/g;
const LETTER = /\p{L}/u;

/** A letter, ASCII tested without a regular expression. */
function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return c > '\u007f' && LETTER.test(c);
}

type Style = 'straight' | 'curly';

const LABEL: Readonly<Record<Style, string>> = { straight: "droite (')", curly: 'typographique (’)' };
const PLURAL: Readonly<Record<Style, string>> = { straight: "droites (')", curly: 'typographiques (’)' };

/**
 * A document that mixes the straight apostrophe « ' » and the typographic one « ’ »: text
 * pasted from another source (a word processor turns ' into ’) into a document typed with
 * the other. One finding per document, at the first apostrophe of the less used style, with
 * both counts. Each document of a file (a packet, the corpus) is judged on its own.
 */
export const rule: Rule = {
  meta: ruleMeta('mixed-apostrophes', 'typography', 'warning', "Le document mêle apostrophes droites (') et typographiques (’)."),
  check(context) {
    for (const file of context.files) {
      for (const doc of file.documents) {
        const count: Record<Style, number> = { straight: 0, curly: 0 };
        const first: Partial<Record<Style, { node: TextNode; index: number }>> = {};
        let opening: Style | undefined;
        for (const node of doc.nodes) {
          const text = node.text;
          QUOTE.lastIndex = 0;
          for (let m = QUOTE.exec(text); m; m = QUOTE.exec(text)) {
            // An apostrophe is between letters (« d'Or », « aujourd’hui »); a quote closing a word (« 'Babord' ») is not one.
            if (!isLetter(text[m.index - 1]) || !isLetter(text[m.index + 1])) continue;
            const style: Style = m[0] === "'" ? 'straight' : 'curly';
            count[style]++;
            first[style] ??= { node, index: m.index };
            opening ??= style;
          }
        }
        if (count.straight === 0 || count.curly === 0) continue;
        // The less used style; on a tie, the one that does not open the document.
        const minority: Style = count.straight < count.curly ? 'straight' : count.curly < count.straight ? 'curly' : opening === 'straight' ? 'curly' : 'straight';
        const majority: Style = minority === 'straight' ? 'curly' : 'straight';
        const at = first[minority] as { node: TextNode; index: number };
        const text = at.node.text;
        let start = at.index;
        while (start > 0 && /\p{L}/u.test(text[start - 1] as string)) start--;
        let end = at.index + 1;
        while (end < text.length && /[\p{L}-]/u.test(text[end] as string)) end++;
        context.report({
          node: at.node,
          start,
          end,
          message:
            `Apostrophes mélangées dans ce document : ${count[minority]} ${count[minority] === 1 ? LABEL[minority] : PLURAL[minority]} ` +
            `pour ${count[majority]} ${count[majority] === 1 ? LABEL[majority] : PLURAL[majority]} ; la première ici : ${q(text.slice(start, end))}. ` +
            `Employer partout l'apostrophe ${LABEL[majority]}.`,
        });
      }
    }
  },
};
