import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/article-numbering.js';
import { columnOf, lineOf, runRule } from '../helpers.js';

const doc = (labels: string[]): string => ['CONVENTION DE PARTENARIAT', ...labels.flatMap((l) => [`Article ${l} – Titre ${l}`, 'Texte.'])].join('\n\n');

describe('article-numbering', () => {
  it('accepts 1, 2, 3 and « premier »', () => {
    expect(runRule(rule, doc(['1', '2', '3']))).toEqual([]);
    expect(runRule(rule, doc(['premier', '2']))).toEqual([]);
  });
  it('reports a gap', () => {
    const text = doc(['1', '2', '4']);
    const l = lineOf(text, 'Article 4');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([['article-numbering', l, columnOf(text, l, '4')]]);
  });
  it('reports a repeat and an inversion', () => {
    const text = doc(['1', '3', '2', '3']);
    const f = runRule(rule, text);
    expect(f.map((x) => x.line)).toEqual([lineOf(text, 'Article 3'), lineOf(text, 'Article 2'), lineOf(text, 'Article 3', lineOf(text, 'Article 2'))]);
    expect(f[2]!.message).toContain('précédent');
  });
});
