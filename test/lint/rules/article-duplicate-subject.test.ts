import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/article-duplicate-subject.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

describe('article-duplicate-subject', () => {
  it('accepts distinct subjects', () => {
    expect(runRule(rule, miniConvention())).toEqual([]);
  });
  it('reports an article whose title repeats part of an earlier title', () => {
    const text = miniConvention({ articles: [['Hébergement des données et sécurité des accès', ['Texte.']], ['Sécurité des accès', ['Texte.']]] });
    const l = lineOf(text, 'Article 2');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([['article-duplicate-subject', 'warning', l, columnOf(text, l, 'Sécurité')]]);
  });
  it('reports two identical titles', () => {
    const text = miniConvention({ articles: [['Durée de la convention', ['A.']], ['Financement', ['B.']], ['Durée de la convention', ['C.']]] });
    expect(runRule(rule, text).map((x) => x.line)).toEqual([lineOf(text, 'Article 3')]);
  });
});
