import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/placeholder-bracket.js';
import { lineOf, runRule } from '../helpers.js';

describe('placeholder-bracket', () => {
  it('accepts text without brackets and editorial brackets', () => {
    expect(runRule(rule, 'Paul MARTIN\n\nStatisticien\n\n« Le texte […] cité [sic]. »')).toEqual([]);
  });
  it('reports each bracketed field, with its column', () => {
    const text = 'Paul MARTIN\n\n[fonction], statisticien\n\nTél. : [téléphone]';
    expect(runRule(rule, text).map((x) => [x.ruleId, x.severity, x.line, x.column, x.endColumn])).toEqual([
      ['placeholder-bracket', 'warning', lineOf(text, '[fonction]'), 1, 11],
      ['placeholder-bracket', 'warning', lineOf(text, '[téléphone]'), 8, 19],
    ]);
  });
});
