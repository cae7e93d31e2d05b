/** « la CAF » → « La CAF »; « à l'URSSAF » → « À l'URSSAF ». Only the first letter changes. */
export function capitalize(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const char = String.fromCodePoint(first);
  return char.toUpperCase() + text.slice(char.length);
}

/** « Caisse d'Allocations Familiales de la Côte d'Or » → « CAISSE D'ALLOCATIONS FAMILIALES DE LA CÔTE D'OR » (accents kept). */
export function upperCase(text: string): string {
  return text.toLocaleUpperCase('fr-FR');
}
