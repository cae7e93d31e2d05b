import type { Gender } from './names.js';

/**
 * Agrees a word with a gender: « informé » / « informée ». The feminine defaults to the
 * masculine plus « e » (nothing added when it already ends in « e »); irregular words pass it
 * explicitly (« animateur » / « animatrice »).
 */
export function agree(gender: Gender, masculine: string, feminine?: string): string {
  if (gender === 'm') return masculine;
  if (feminine !== undefined) return feminine;
  return masculine.endsWith('e') ? masculine : `${masculine}e`;
}

/** « il » / « elle ». */
export function pronoun(gender: Gender): 'il' | 'elle' {
  return gender === 'f' ? 'elle' : 'il';
}

/** Plural pronoun for a group: « elles » only when every member is feminine, else « ils ». */
export function pluralPronoun(genders: readonly Gender[]): 'ils' | 'elles' {
  return genders.length > 0 && genders.every((g) => g === 'f') ? 'elles' : 'ils';
}
