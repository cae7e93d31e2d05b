import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/deliberation-unread.js';
import { rule as attendance } from '../../../src/lint/rules/deliberation-attendance.js';
import { runRule } from '../helpers.js';

const extract = (present: string): string =>
  ['Délibération n° 2024-003', 'Nombre de conseillers en exercice : 5 – présents : 3 – votants : 3', `Étaient présents : ${present}`, 'Absents : M. Paul ROUX, Mme Anne VIAL.', 'Pour : 3'].join('\n\n');

describe('deliberation-unread', () => {
  it('is silent when the lists are read', () => {
    expect(runRule(rule, extract('M. Jean BRUN, Mme Lise NOIR et M. Yves BLANC.'))).toEqual([]);
  });
  it('says once that a list could not be read, and the counting rules stay silent on it', () => {
    const text = extract('le Maire, ses adjoints et tous les conseillers sauf deux.');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.line, x.column, x.severity])).toEqual([['deliberation-unread', 5, 1, 'info']]);
    expect(runRule(attendance, text)).toEqual([]);
  });
});
