const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };

/**
 * An annex number: « 2 » → 2, « IV » → 4, « B » → 2 (upper case only: « annexe i », « l'annexe a
 * été… » are no numbers). A single letter is a roman numeral when it is I, V or X, else its
 * rank in the alphabet (annexes A, B, C…).
 */
export function annexNumber(label: string): number | undefined {
  if (/^\d+$/.test(label)) return Number(label);
  if (isAnnexLetter(label)) return label.charCodeAt(0) - 64;
  if (!/^[IVX]+$/.test(label)) return undefined;
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const v = ROMAN[label[i] as string] as number;
    const next = ROMAN[label[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** « A », « B »…: an annex label that is a letter (I, V and X read as roman numerals). */
export function isAnnexLetter(label: string): boolean {
  return /^[A-HJ-UWYZ]$/.test(label);
}

/** The letter of an annex of rank `n` (1 → « A »), for messages about lettered annexes. */
export function annexLetter(n: number): string {
  return n >= 1 && n <= 26 ? String.fromCharCode(64 + n) : String(n);
}
