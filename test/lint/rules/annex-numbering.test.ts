import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/annex-numbering.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const withAnnexes = (ns: string[]): string => miniConvention({ annexes: ns.map((n) => `ANNEXE ${n} : pièce ${n}\n\nContenu.`).join('\n\n') });

describe('annex-numbering', () => {
  it('accepts 1, 2, 3', () => {
    expect(runRule(rule, withAnnexes(['1', '2', '3']))).toEqual([]);
  });
  it('reports a gap and a repeat', () => {
    const text = withAnnexes(['1', '3', '3']);
    const l1 = lineOf(text, 'ANNEXE 3');
    const l2 = lineOf(text, 'ANNEXE 3', l1);
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['annex-numbering', l1, columnOf(text, l1, '3')],
      ['annex-numbering', l2, columnOf(text, l2, '3')],
    ]);
  });
  it('leaves « ANNEXE XX » to placeholder-marker but counts it', () => {
    expect(runRule(rule, withAnnexes(['1', 'XX', '3']))).toEqual([]);
  });
});
