import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/apostrophe-space.js';
import { columnOf, runRule } from '../helpers.js';

describe('apostrophe-space', () => {
  it('accepts elisions without space, both apostrophes', () => {
    expect(runRule(rule, "Chargée d'études, qu’il transmet à l'URSSAF.")).toEqual([]);
  });
  it('reports a space after an elided word', () => {
    const text = "Chargée d' études et responsable de l’ analyse, jusqu' à demain.";
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['apostrophe-space', 1, columnOf(text, 1, "d' ")],
      ['apostrophe-space', 1, columnOf(text, 1, 'l’ ')],
      ['apostrophe-space', 1, columnOf(text, 1, "jusqu' ")],
    ]);
  });
});
