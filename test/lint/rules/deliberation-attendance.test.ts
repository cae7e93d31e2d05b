import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/deliberation-attendance.js';
import { columnOf, lineOf, runRule } from '../helpers.js';
import { miniDeliberation } from '../delib-helper.js';

describe('deliberation-attendance', () => {
  it('accepts counts matching the lists (substitutes count as present)', () => {
    expect(runRule(rule, miniDeliberation())).toEqual([]);
    const text = miniDeliberation({ present: 7, pour: 8, substitutes: 'Mme Anne ROCHE', absentList: 'M. Henri HOUX pouvoir à Mme Lise BLANC\tMme Julie IMBERT pouvoir à M. Marc CARON\nM. Karl JOLY suppléé par Mme Anne ROCHE' });
    expect(runRule(rule, text)).toEqual([]);
  });
  it('reports declared present and in-office numbers that do not match the lists', () => {
    const text = miniDeliberation({ present: 7, inOffice: 10 });
    const l1 = lineOf(text, 'en exercice');
    const l2 = lineOf(text, 'Nombre de présents');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['deliberation-attendance', l1, columnOf(text, l1, '10')],
      ['deliberation-attendance', l2, columnOf(text, l2, '7')],
    ]);
  });
  it('reads a two-column table: « pouvoir à … », « suppléé par … », « suppléante de … » in the cell after the member', () => {
    // One cell per paragraph, as the .docx reader gives a table's cells (an empty cell gives no node).
    const absentList = 'M. Henri HOUX\n\npouvoir à Mme Lise BLANC\n\nMme Julie IMBERT\n\npouvoir à M. Marc CARON\n\nM. Karl JOLY\n\nsuppléé par Mme Anne ROCHE';
    const text = miniDeliberation({ present: 7, pour: 8, substitutes: 'Mme Anne ROCHE\n\nsuppléante de M. Karl JOLY', absentList });
    expect(runRule(rule, text)).toEqual([]);
    // A missing absent member is still seen: 6 present + 2 absent ≠ 9 in office.
    const short = miniDeliberation({ present: 7, pour: 8, substitutes: 'Mme Anne ROCHE\n\nsuppléante de M. Karl JOLY', absentList: 'M. Henri HOUX\n\npouvoir à Mme Lise BLANC\n\nMme Julie IMBERT\n\npouvoir à M. Marc CARON' });
    const l = lineOf(short, 'en exercice');
    expect(runRule(rule, short).map((x) => [x.ruleId, x.line, x.column])).toEqual([['deliberation-attendance', l, columnOf(short, l, '9')]]);
  });
});

describe('deliberation-attendance on lists written in running text', () => {
  const extract = (present: string, declared: number): string =>
    [
      'Délibération n° 2024-011',
      `Nombre de conseillers en exercice : 7 – présents : ${declared} – votants : ${declared + 1}`,
      `Étaient présents : ${present}`,
      'Absents excusés : Mme Anne VIAL (pouvoir à M. Jean BRUN), M. Paul ROUX, Mme Eva SOLER.',
      `Pour : ${declared + 1}`,
    ].join('\n\n');
  it('counts names, not the offices written after them', () => {
    expect(runRule(rule, extract('M. Jean BRUN, Maire, Mme Lise NOIR, 1re adjointe, M. Yves BLANC et Mme Léa GRIS.', 4))).toEqual([]);
  });
  it('reports a declared number that the list does not hold', () => {
    const text = extract('M. Jean BRUN, Maire, Mme Lise NOIR, M. Yves BLANC et Mme Léa GRIS.', 5);
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([['deliberation-attendance', 3, columnOf(text, 3, '5 –')]]);
  });
});
