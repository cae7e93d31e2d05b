const UNITS = [
  'zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix',
  'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize',
] as const;
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'] as const;

/**
 * A whole number from 0 to 99 in French words (traditional hyphenation): « un », « vingt et
 * un », « soixante-dix », « quatre-vingts », « quatre-vingt-onze ». Other numbers are written
 * in digits.
 */
export function numberInWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n <= 16) return UNITS[n] ?? String(n);
  if (n < 20) return `dix-${UNITS[n - 10] ?? ''}`;
  if (n >= 80) {
    const rest = n - 80;
    return rest === 0 ? 'quatre-vingts' : `quatre-vingt-${numberInWords(rest)}`;
  }
  if (n >= 70) {
    const rest = n - 60;
    return rest === 11 ? 'soixante et onze' : `soixante-${numberInWords(rest)}`;
  }
  const tens = TENS[Math.floor(n / 10)] ?? '';
  const unit = n % 10;
  if (unit === 0) return tens;
  if (unit === 1) return `${tens} et un`;
  return `${tens}-${UNITS[unit] ?? ''}`;
}

/** « deux mois », « un mois »: a count in words followed by its (invariable) unit. */
export function countOf(n: number, unit: string): string {
  return `${numberInWords(n)} ${unit}`;
}

/** « de deux mois », « d'un mois » (elision before « un » only; « de onze mois », « de huit mois »). */
export function deCountOf(n: number, unit: string): string {
  const words = countOf(n, unit);
  return words.startsWith('un ') || words.startsWith('une ') ? `d'${words}` : `de ${words}`;
}
