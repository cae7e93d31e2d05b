import { frenchDate } from '../french/date.js';
import type { SignatureBlock } from './types.js';

/** What a blank date looks like in print: room to write it by hand. */
export const BLANK_DATE = '………………………';

const NUMBERS = ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'] as const;

/** « deux », « trois » … for small counts, digits beyond ten. */
export function countInWords(n: number): string {
  return NUMBERS[n - 1] ?? String(n);
}

/** « en un exemplaire original », « en deux exemplaires originaux »: singular for one copy. */
export function originalsPhrase(n: number): string {
  return n === 1 ? 'en un exemplaire original' : `en ${countInWords(n)} exemplaires originaux`;
}

/**
 * The sentence that opens a signature block, shared by every renderer so DOCX and PDF say the
 * same thing: « Fait à Dijon, le ………………………, en deux exemplaires originaux. »
 */
export function signatureLead(block: SignatureBlock): string {
  const date = block.date ? frenchDate(block.date) : BLANK_DATE;
  const originals = block.originals === undefined ? '' : `, ${originalsPhrase(block.originals)}`;
  return `Fait à ${block.place}, le ${date}${originals}.`;
}
