import type { Member } from '../schema/deliberation.js';

type Named = Pick<Member, 'civility' | 'firstName' | 'lastName'>;

/** « Mme Christine MARTIN »: how the register prints a member, and how the data refers to one. */
export function memberName(m: Named): string {
  return `${m.civility} ${m.firstName} ${m.lastName}`;
}

/** « M. MILLOT »: the short form of the session header (president, secretary). */
export function memberShortName(m: Named): string {
  return `${m.civility} ${m.lastName}`;
}

/** « Christine MARTIN »: the name under a signature. */
export function memberSignatureName(m: Named): string {
  return `${m.firstName} ${m.lastName}`;
}

/**
 * Key used to match a reference (« pouvoir à Mme Christine MARTIN ») with a member: Unicode
 * NFC, any run of spaces (including no-break spaces) as one space, case ignored.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLocaleUpperCase('fr');
}
