import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/participle-agreement.js';
import { columnOf, runRule } from '../helpers.js';

describe('participle-agreement', () => {
  it('accepts agreed participles and masculine singular antecedents', () => {
    expect(runRule(rule, "Le cabinet fournit les données qu'il aura collectées et qu'il aura vérifiées, le fichier qu'il a reçu, les travaux qu'il a menés.")).toEqual([]);
  });
  it('reports participles not agreed with a plural or feminine antecedent, chained relatives included', () => {
    const text = "Le cabinet fournit les études qu'il aura réalisé et qu'il aura validé, puis la synthèse qu'elle a rédigé et les fichiers qu'il a transmis.";
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['participle-agreement', 1, columnOf(text, 1, 'réalisé')],
      ['participle-agreement', 1, columnOf(text, 1, 'validé')],
      ['participle-agreement', 1, columnOf(text, 1, 'rédigé')],
    ]);
  });
});
