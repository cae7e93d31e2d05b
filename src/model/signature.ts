import { frenchDate } from '../french/date.js';
import type { SignatureBlock } from './types.js';

/** What a blank date looks like in print: room to write it by hand. */
export const BLANK_DATE = '………………………';

const NUMBERS = ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'] as const;

/** « deux », « trois » … for small counts, digits beyond ten. */
export function countInWords(n: number): string {
  return NUMBERS[n - 1] ?? String(n);
}

/**
 * The sentence that opens a signature block, shared by every renderer so DOCX and PDF say the
 * same thing: « Fait à Dijon, le ………………………, en deux exemplaires originaux. »
 */
export function signatureLead(block: SignatureBlock): string {
  const date = block.date ? frenchDate(block.date) : BLANK_DATE;
  const originals =
    block.originals === undefined ? '' : `, en ${countInWords(block.originals)} exemplaires originaux`;
  return `Fait à ${block.place}, le ${date}${originals}.`;
}
