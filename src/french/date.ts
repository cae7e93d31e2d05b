const MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
] as const;

const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;

function parts(iso: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`date ISO attendue (AAAA-MM-JJ) : « ${iso} »`);
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  // A real calendar day: « 2014-02-30 » must not print as « 30 février 2014 ».
  const check = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`date inexistante : « ${iso} »`);
  }
  return { y, m, d };
}

/**
 * « 26 juin 2014 », « 1er juillet 2015 » (ordinal for the first day, month in lower case).
 * Spaces are non-breaking so that a date never breaks across lines.
 */
export function frenchDate(iso: string): string {
  const { y, m, d } = parts(iso);
  const month = MONTHS[m - 1];
  if (!month) throw new RangeError(`date inexistante : « ${iso} »`);
  return `${d === 1 ? '1er' : String(d)}\u00a0${month}\u00a0${y}`;
}

/** « jeudi 26 juin 2014 ». */
export function frenchDateWithWeekday(iso: string): string {
  const { y, m, d } = parts(iso);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday ?? ''} ${frenchDate(iso)}`;
}

/** « 31/12/2015 ». */
export function numericDate(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** « le 26 juin 2014 », « le 1er juillet 2015 ». */
export function onDate(iso: string): string {
  return `le ${frenchDate(iso)}`;
}
