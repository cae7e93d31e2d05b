import { fold } from './normalize.js';

/**
 * People: recognising a person's name (« M. Alain MILLOT », « Nuray AKPINAR-ISTIQUAM »,
 * « Monsieur Bernard Tapie », « Mme PIRODDI »), keys to compare names, and contact fields.
 */

const CIVILITY = /^(?:M\.|Mme|Mlle|MM\.|Monsieur|Madame|Mademoiselle)\s+/;
const UPPER_WORD = /^[\p{Lu}][\p{Lu}'’-]*[\p{Lu}]$/u;
const CAP_WORD = /^[\p{Lu}][\p{Ll}'’]+(?:-[\p{Lu}][\p{Ll}'’]+)*$/u;
const PARTICLE = /^(?:de|du|des|d['’]|le|la|van|von|di|da|dal|del|ben|el)$/i;

/** A person's name split into its parts. */
export interface PersonName {
  readonly civility?: string;
  /** Given names as written (« Jean-François »). */
  readonly first: string;
  /** Family name as written (« AKPINAR-ISTIQUAM », « CARRELET DE LOISY »). */
  readonly last: string;
  /** Comparison key: folded « first|last » without civility (« nuray|akpinar-istiquam »). */
  readonly key: string;
}

/**
 * Parses a short text as a person's name, or returns undefined. Accepted: an optional
 * civility, capitalised given names, then a family name in capitals (« Alain MILLOT »,
 * « Mme PIRODDI »); or, after a civility, capitalised words (« Monsieur Bernard Tapie »).
 * `delimited`: the text is known to be a whole name (a cell of an attendance list), so no
 * limit of length or number of words applies (« M. Patrick DE LA TOUR D’AUVERGNE-LAURAGUAIS DU PLESSIS »).
 */
export function parsePersonName(raw: string, options: { readonly delimited?: boolean } = {}): PersonName | undefined {
  let text = raw.trim().replace(/[.,;]+$/, '').trim();
  // In running text a name is short; between known delimiters (a list cell, a signature's
  // name line) it is the whole text, however many words its particles make.
  const delimited = options.delimited === true;
  if (text.length === 0 || (!delimited && text.length > 60) || /[\d@[\]():«»]/.test(text)) return undefined;
  const civ = CIVILITY.exec(text);
  const civility = civ ? civ[0].trim() : undefined;
  if (civ) text = text.slice(civ[0].length);
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0 || (!delimited && words.length > 6)) return undefined;
  // Family name in capitals: the first all-capitals word (2+ letters) and what follows.
  const upperAt = words.findIndex((w) => UPPER_WORD.test(w) && w.replace(/[^\p{L}]/gu, '').length >= 2);
  if (upperAt >= 0) {
    const firsts = words.slice(0, upperAt);
    const lasts = words.slice(upperAt);
    if (!firsts.every((w) => CAP_WORD.test(w))) return undefined;
    if (!lasts.every((w) => UPPER_WORD.test(w) || PARTICLE.test(w))) return undefined;
    if (firsts.length === 0 && !civility) return undefined;
    if (firsts.length > 3) return undefined;
    return build(civility, firsts.join(' '), lasts.join(' '));
  }
  // « Monsieur Bernard Tapie »: needs a civility, two or three capitalised words.
  if (civility && words.length >= 2 && words.length <= 4 && words.every((w) => CAP_WORD.test(w) || PARTICLE.test(w))) {
    return build(civility, words.slice(0, -1).join(' '), words[words.length - 1] as string);
  }
  return undefined;
}

function build(civility: string | undefined, first: string, last: string): PersonName {
  const key = `${fold(first).replace(/\s+/g, ' ')}|${fold(last).replace(/[\s'’]+/g, ' ')}`;
  return civility ? { civility, first, last, key } : { first, last, key };
}

/** A French phone number (« 03 80 50 35 44 », « 03.80.50.35.44 », « +33 3 80 … »). */
export const PHONE = /(?:\+33\s?|0)[1-9](?:[\s.-]?\d{2}){4}/g;

/** An e-mail address. */
export const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Digits only: « 03 80 50 35 44 » → « 0380503544 » (with +33 turned into 0). */
export function phoneKey(phone: string): string {
  return phone.replace(/^\+33\s?/, '0').replace(/\D/g, '');
}

/** « Tél. : » (or « Tél : », « Téléphone : ») before a phone number on a referent card. */
const PHONE_LABEL = /^(?:t[ée]l(?:[ée]phone)?\.?\s*:\s*)/i;

/** True when the line holds only a phone number, possibly labelled « Tél. : ». */
export function isPhoneLine(s: string): boolean {
  const value = s.trim().replace(PHONE_LABEL, '');
  PHONE.lastIndex = 0;
  const m = PHONE.exec(value);
  return m !== null && m[0].length === value.length;
}

/** True when the line holds only an e-mail address. */
export function isEmailLine(s: string): boolean {
  return /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/.test(s.trim());
}
