import { startsWithVowelSound } from './elision.js';
import type { Gender } from './names.js';

/** What naming a person needs (a subset of the data schema's Person). */
export interface PersonName {
  readonly civility: 'M.' | 'Mme';
  readonly firstName?: string | undefined;
  readonly lastName: string;
}

/** « Alain MILLOT »; without a first name the civility stands in: « Mme PIRODDI ». */
export function displayName(p: PersonName): string {
  return p.firstName ? `${p.firstName} ${p.lastName}` : `${p.civility} ${p.lastName}`;
}

/** « M. Alain MILLOT », « Mme PIRODDI ». */
export function formalName(p: PersonName): string {
  return p.firstName ? `${p.civility} ${p.firstName} ${p.lastName}` : `${p.civility} ${p.lastName}`;
}

/** « Le Président », « La Conseillère municipale… », « L'Adjointe au Maire » (article by the holder's gender). */
export function titleWithArticle(title: string, gender: Gender): string {
  if (startsWithVowelSound(title)) return `L'${title}`;
  return gender === 'f' ? `La ${title}` : `Le ${title}`;
}
