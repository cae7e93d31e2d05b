import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/signature-date.js';
import { lineOf, miniConvention, runRule } from '../helpers.js';

describe('signature-date', () => {
  it('accepts a dated signature', () => {
    const text = miniConvention({ signature: 'A Nancy, le 3 juillet 2015\n\nPour la Communauté urbaine du Grand Nancy,\nLe Président,\n\nAndré ROSSINOT' });
    expect(runRule(rule, text)).toEqual([]);
  });
  it('reports a blank date as info', () => {
    const text = miniConvention();
    expect(runRule(rule, text).map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([['signature-date', 'info', lineOf(text, 'A Nancy, le'), 1]]);
  });
  it('reports « Fait à le » and a lone « Le » in a charter', () => {
    const text = 'Fait à le\n\n- Observatoire social -\n\nCharte des données\n\nLes communes respectent la charte.\n\nLe\n\nPour la Ville de Toul,\n\nLe Maire,\n\nAlde HARMAND';
    expect(runRule(rule, text).map((x) => x.line).sort((a, b) => a - b)).toEqual([1, 9]);
  });
});
