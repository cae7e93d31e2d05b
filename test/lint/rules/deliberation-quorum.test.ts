import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/deliberation-quorum.js';
import { columnOf, lineOf, runRule } from '../helpers.js';
import { miniDeliberation } from '../delib-helper.js';

describe('deliberation-quorum', () => {
  it('accepts more than half of the members in office present', () => {
    expect(runRule(rule, miniDeliberation())).toEqual([]);
    expect(runRule(rule, miniDeliberation({ inOffice: 11 }))).toEqual([]);
  });
  it('reports exactly half, or less', () => {
    const text = miniDeliberation({ inOffice: 12 });
    const l = lineOf(text, 'Nombre de présents');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([['deliberation-quorum', l, columnOf(text, l, '6')]]);
  });
});
