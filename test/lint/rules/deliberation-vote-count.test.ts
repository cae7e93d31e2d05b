import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/deliberation-vote-count.js';
import { columnOf, lineOf, runRule } from '../helpers.js';
import { miniDeliberation } from '../delib-helper.js';

describe('deliberation-vote-count', () => {
  it('accepts present + proxies = for + against + abstentions', () => {
    expect(runRule(rule, miniDeliberation())).toEqual([]);
    expect(runRule(rule, miniDeliberation({ pour: 5, contre: 2, abstention: 1 }))).toEqual([]);
  });
  it('reports a vote that does not add up', () => {
    const text = miniDeliberation({ pour: 8 });
    const l = lineOf(text, 'POUR');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([['deliberation-vote-count', l, columnOf(text, l, '8')]]);
  });
  it('checks a declared number of voters', () => {
    const text = miniDeliberation().replace('SCRUTIN', 'VOTANTS : 9\n\nSCRUTIN');
    expect(runRule(rule, text).map((x) => x.line)).toEqual([lineOf(text, 'VOTANTS')]);
  });
});
