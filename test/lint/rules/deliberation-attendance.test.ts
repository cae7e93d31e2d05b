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
});
