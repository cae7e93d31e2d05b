const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10 };

/** An annex number: « 2 » → 2, « IV » → 4 (upper-case roman numerals only: « annexe i » is not a number). */
export function annexNumber(label: string): number | undefined {
  if (/^\d+$/.test(label)) return Number(label);
  if (!/^[IVX]+$/.test(label)) return undefined;
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const v = ROMAN[label[i] as string] as number;
    const next = ROMAN[label[i + 1] as string] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
