import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/deliberation-proxy-count.js';
import { columnOf, lineOf, runRule } from '../helpers.js';
import { miniDeliberation } from '../delib-helper.js';

describe('deliberation-proxy-count', () => {
  it('accepts a declared count equal to the listed proxies', () => {
    expect(runRule(rule, miniDeliberation())).toEqual([]);
  });
  it('reports a different count, at the declared number', () => {
    const text = miniDeliberation({ proxies: 3 });
    const l = lineOf(text, 'Nombre de procurations');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([['deliberation-proxy-count', 'error', l, columnOf(text, l, '3')]]);
    expect(f[0]!.message).toContain('3');
  });
  it('counts proxies written in the cell after the member (a two-column table)', () => {
    const absentList = 'M. Henri HOUX\n\npouvoir à Mme Lise BLANC\n\nMme Julie IMBERT\n\npouvoir à M. Marc CARON\n\nM. Karl JOLY';
    expect(runRule(rule, miniDeliberation({ absentList }))).toEqual([]);
    const text = miniDeliberation({ absentList, proxies: 3 });
    const l = lineOf(text, 'Nombre de procurations');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([['deliberation-proxy-count', l, columnOf(text, l, '3')]]);
  });
});
