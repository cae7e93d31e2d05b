/**
 * When a French word takes the elided article (« l' », « d' ») instead of the full one.
 *
 * Elision happens before a vowel sound: a vowel, or an h that is « muet » (« l'hôpital »,
 * « l'habitat »), never before an « h aspiré » (« le handicap », « la Haute-Marne »). A few
 * words starting with a vowel letter do not elide either (« le onze », « le yaourt »).
 */

/** Words (lower case, without accents on the h) whose initial h is aspirated: no elision. */
const ASPIRATE_H = new Set([
  'hache', 'haie', 'haine', 'hall', 'halle', 'halte', 'hamac', 'hameau', 'hanche', 'handicap',
  'hangar', 'hanneton', 'harcèlement', 'hardi', 'hareng', 'haricot', 'harpe', 'hasard', 'hausse',
  'haut', 'haute', 'hauteur', 'hauts', 'havre', 'hennissement', 'hérisson', 'hernie', 'héron',
  'héros', 'hêtre', 'hibou', 'hiérarchie', 'hockey', 'hollande', 'homard', 'hongrie', 'honte',
  'hors', 'hotte', 'houille', 'housse', 'huit', 'huitième', 'hurlement', 'hutte', 'hainaut',
]);

/** Words starting with a vowel letter that keep the full article. */
const NO_ELISION = new Set(['onze', 'onzième', 'oui', 'ouate', 'yacht', 'yaourt', 'yoga', 'yéti', 'yack', 'yod']);

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/i;

/** The first word of a name, lower-cased, without surrounding punctuation. */
function firstWord(text: string): string {
  const match = /^[«"“(\s]*([\p{L}]+)/u.exec(text);
  return (match?.[1] ?? '').toLowerCase();
}

/**
 * True when `text` starts with a vowel sound, so that « le », « la », « de », « que »… elide:
 * « l'URSSAF », « d'Orléans », « l'hôpital »; false for « le Havre », « la Haute-Savoie ».
 */
export function startsWithVowelSound(text: string): boolean {
  const word = firstWord(text);
  if (word === '') return false;
  if (word.startsWith('h')) {
    // « Haute-Marne », « Hauts-de-France »: the first part of a compound decides.
    return !ASPIRATE_H.has(word);
  }
  if (NO_ELISION.has(word)) return false;
  return VOWEL.test(word);
}
