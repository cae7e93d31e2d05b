import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/partner-article.js';
import { columnOf, lineOf, runRule } from '../helpers.js';

describe('partner-article', () => {
  it('accepts usual articles', () => {
    expect(runRule(rule, "Pôle Emploi et la CAF transmettent à l'URSSAF et au CCAS les données de la MSA et du Grand Nancy.")).toEqual([]);
  });
  it('reports an article before a name used without one', () => {
    const text = 'Les conditions sont définies avec la Pôle Emploi.';
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([['partner-article', 1, columnOf(text, 1, 'la Pôle')]]);
  });
  it('reports a wrong gender and a missing elision', () => {
    const text = 'Le CAF transmet.\n\nLes données de la URSSAF et du Mission Locale.';
    const l = lineOf(text, 'URSSAF');
    expect(runRule(rule, text).map((x) => [x.line, x.column])).toEqual([
      [1, 1],
      [l, columnOf(text, l, 'la URSSAF')],
      [l, columnOf(text, l, 'du Mission')],
    ]);
  });
  it('ignores titles in capitals', () => {
    expect(runRule(rule, 'CONVENTION ENTRE LE GRAND NANCY ET LA PÔLE EMPLOI')).toEqual([]);
  });
});
