import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/parties-uncertain.js';
import { rule as sourceMention } from '../../../src/lint/rules/source-mention.js';
import { lineOf, miniConvention, runRule } from '../helpers.js';

describe('parties-uncertain', () => {
  it('is silent when the two parties are found', () => {
    expect(runRule(rule, miniConvention())).toEqual([]);
  });

  it('says once that a block with one party leaves the partner unknown, and partner rules stay silent', () => {
    const text = miniConvention({ partner: "d'autre part, avec la Caisse primaire", articles: [['Propriété', ['Chaque étude porte la mention (« Source CAF 54, date : 2015 »).']]] })
      .replace("d'une part,\n\net\n\n", '');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.severity, x.line])).toEqual([['info', lineOf(text, 'Entre')]]);
    expect(f[0]!.message).toMatch(/^Parties non identifiées/);
    expect(runRule(sourceMention, text)).toEqual([]);
  });

  it('reports a convention with articles and no parties block', () => {
    const text = 'CONVENTION DE PARTENARIAT\n\nArticle 1 – Objet\n\nLa présente convention organise un échange.\n';
    const f = runRule(rule, text);
    expect(f.map((x) => [x.line, x.column])).toEqual([[1, 1]]);
    expect(f[0]!.message).toContain('aucun bloc « Entre … »');
  });

  it('reports two parties that designate the same body', () => {
    const text = miniConvention({ partner: 'La COMMUNAUTÉ URBAINE DU GRAND NANCY – 22 viaduc Kennedy – 54000 NANCY -, représentée par M. André ROSSINOT, Président,' });
    expect(runRule(rule, text).map((x) => x.message)).toEqual([expect.stringContaining('même organisme')]);
  });
});
