import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/doubled-word.js';
import { columnOf, runRule } from '../helpers.js';

describe('doubled-word', () => {
  it('accepts « nous nous » and distinct words', () => {
    expect(runRule(rule, 'Nous nous engageons à transmettre les données de la CPAM.')).toEqual([]);
  });
  it('reports a word typed twice, across case', () => {
    const text = 'Les données de de la CPAM sont transmises. La la convention.';
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['doubled-word', 1, columnOf(text, 1, 'de de')],
      ['doubled-word', 1, columnOf(text, 1, 'La la')],
    ]);
  });
});

describe('doubled-word and blanks', () => {
  it('does not take « XXX XXX » for a doubled word', async () => {
    const { rule } = await import('../../../src/lint/rules/doubled-word.js');
    const { runRule } = await import('../helpers.js');
    expect(runRule(rule, 'Une subvention de XXX XXX euros est versée.\n')).toEqual([]);
  });
});
