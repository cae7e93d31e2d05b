import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/fixed-term.js';
import { columnOf, runRule } from '../helpers.js';

describe('fixed-term', () => {
  it('accepts the terms in any case, and other words after them', () => {
    expect(runRule(rule, "L'Observatoire de la Cohésion sociale suit la politique de la ville et la Loi Informatique et Libertés ; les politiques sociales.")).toEqual([]);
  });
  it('reports an extra word, a missing word and a change of number', () => {
    const text = "L'Observatoire de la Cohésion de Sociale, les communes Politiques de la Ville, le service Politique de Ville, la Loi Informatique et Liberté.";
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['fixed-term', 1, columnOf(text, 1, 'Observatoire')],
      ['fixed-term', 1, columnOf(text, 1, 'Politiques')],
      ['fixed-term', 1, columnOf(text, 1, 'Politique de Ville')],
      ['fixed-term', 1, columnOf(text, 1, 'Loi')],
    ]);
  });
});
