import { closest } from '../data/messages.js';
import { ConvkitError } from '../errors.js';

/**
 * The command the user probably meant by a mistyped word: the closest by edit distance (one
 * slip per three letters, a swap of two letters counting as one), or the only command it
 * begins (« gen » → « generate »).
 */
export function suggestCommand(word: string, names: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const near = closest(lower, names);
  if (near !== undefined) return near;
  const prefixed = lower.length >= 2 ? names.filter((n) => n.startsWith(lower)) : [];
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/**
 * Refuses a first argument that is not a command (nor an option) before anything is loaded,
 * naming the closest command: « commande inconnue : « generat » ; vouliez-vous dire
 * « convkit generate » ? ».
 *
 * @throws ConvkitError (exit status 2).
 */
export function checkCommandName(argv: readonly string[], names: readonly string[]): void {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || names.includes(first)) return;
  const guess = suggestCommand(first, names);
  const shown = first.replace(/[\u0000-\u001f\u007f]/g, '?');
  throw new ConvkitError(
    `commande inconnue : « ${shown} » ; ${guess !== undefined ? `vouliez-vous dire « convkit ${guess} » ?` : `commandes : ${names.join(', ')}`}\nVoir « convkit --help ».`,
  );
}
