/**
 * Phone numbers and e-mail addresses as people paste them, brought to the house format:
 * « 03 80 50 35 44 », « 03 80 50 35 44 poste 12 », « prenom.nom@exemple.fr ». Pure functions:
 * the data schema (src/schema/common.ts) applies them, so every consumer sees the house format.
 */

/** The house format of a phone number, with an optional extension. */
export const HOUSE_PHONE = /^0[1-9](?: \d{2}){4}(?: poste \d{1,6})?$/;

/** A normalised value, or why it is refused (with the value to paste when one can be guessed). */
export type Normalised = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

/** Every kind of space (no-break, thin, narrow no-break, tab…) as one ordinary space. */
function plainSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u2007\u2009\u202f\u200b\ufeff]+/gu, ' ').trim();
}

/** « 0380503544 » → « 03 80 50 35 44 ». */
function grouped(tenDigits: string): string {
  return tenDigits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

const EXTENSION = /^(.*?)[ ,;]*\b(?:poste|p\.|ext\.?|extension)\s*(?::\s*)?(\d{1,6})$/iu;

/**
 * Brings a phone number to « 03 80 50 35 44 »: accepts dots, dashes, slashes, any kind of space
 * or none between the digits, « +33 3 … », « +33 (0)3 … », « 0033 3 … », and a trailing
 * extension (« poste 12 », « p. 12 », « ext. 12 ») kept as « poste 12 ».
 */
export function normalisePhone(input: string): Normalised {
  const text = plainSpaces(input);
  if (text === '') return { ok: false, reason: 'numéro de téléphone vide' };
  const ext = EXTENSION.exec(text);
  const main = ext ? (ext[1] ?? '') : text;
  const extension = ext ? ` poste ${ext[2] ?? ''}` : '';
  const expected = 'format attendu : « 03 80 50 35 44 », suivi au besoin de « poste 12 »';
  if (!/^[+\d][\d .\-/()]*$/u.test(main)) {
    return { ok: false, reason: `numéro de téléphone illisible : seuls les chiffres, espaces, points, tirets et une extension « poste 12 » sont admis ; ${expected}` };
  }
  let digits: string;
  const international = /^(?:\+|00)(\d{1,3})/.exec(main.replace(/[ .\-/()]/g, ''));
  if (international) {
    const all = main.replace(/[ .\-/]/g, '');
    const france = /^(?:\+|00)33(?:\(0\))?(\d+)$/.exec(all);
    if (!france) {
      return { ok: false, reason: 'numéro étranger : seuls les numéros français sont pris en charge (« +33 3 80 50 35 44 » ou « 03 80 50 35 44 »)' };
    }
    digits = `0${(france[1] ?? '').replace(/^0/, '')}`;
  } else {
    if (/[()]/.test(main)) return { ok: false, reason: `numéro de téléphone illisible (parenthèses) ; ${expected}` };
    digits = main.replace(/\D/g, '');
  }
  if (digits.length === 9 && /^[1-9]/.test(digits)) {
    return { ok: false, reason: `numéro de 9 chiffres : il manque sans doute le 0 initial ; écrivez « ${grouped(`0${digits}`)}${extension} »` };
  }
  if (digits.length !== 10) {
    return { ok: false, reason: `numéro de téléphone de ${digits.length} chiffre${digits.length > 1 ? 's' : ''} au lieu de 10 ; ${expected}` };
  }
  if (!/^0[1-9]/.test(digits)) return { ok: false, reason: `un numéro français commence par 0 suivi d’un chiffre de 1 à 9 ; ${expected}` };
  return { ok: true, value: `${grouped(digits)}${extension}` };
}

/**
 * The number YAML reads from an unquoted « 0380503544 » (380503544: the leading zero is lost)
 * back to the phone number; undefined when the number cannot be one.
 */
export function phoneFromNumber(n: number): string | undefined {
  if (!Number.isSafeInteger(n) || n < 100_000_000 || n > 999_999_999) return undefined;
  return grouped(`0${n}`);
}

/**
 * Trims an e-mail address (any kind of space), removes « mailto: » and surrounding « < > », and
 * lower-cases it (« Sylvie.Tartesse@Compas-TIS.com » → « sylvie.tartesse@compas-tis.com »). A
 * name before the address (« Sylvie TARTESSE <…> ») is refused with the address to paste.
 */
export function normaliseEmail(input: string): Normalised {
  let text = plainSpaces(input);
  const named = /^(.*?)<\s*([^<>\s]+@[^<>\s]+)\s*>$/u.exec(text);
  if (named && (named[1] ?? '').trim() !== '') {
    return { ok: false, reason: `écrivez seulement l’adresse, sans le nom : « ${(named[2] ?? '').toLowerCase()} »` };
  }
  if (named) text = named[2] ?? '';
  text = text.replace(/^mailto:/i, '').trim();
  return { ok: true, value: text.toLowerCase() };
}
