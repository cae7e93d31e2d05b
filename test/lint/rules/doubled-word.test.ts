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
