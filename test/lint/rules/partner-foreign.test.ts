import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/partner-foreign.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const withText = (...paras: string[]): string => miniConvention({ articles: [['Données', paras]] });

describe('partner-foreign', () => {
  it('accepts the partner in every role, by acronym, name or alias', () => {
    const text = withText(
      'Les données sont fournies par la CPAM de Meurthe-et-Moselle.',
      "Elles sont transmises par la Caisse Primaire d'Assurance Maladie chaque année.",
      'Le Directeur de la CPAM désigne un référent ; les services du Grand Nancy les exploitent.',
    );
    expect(runRule(rule, text)).toEqual([]);
  });

  it('reports another body providing the data, at the body', () => {
    const text = withText('Les données sont fournies par la MSA de Lorraine chaque trimestre.');
    const line = lineOf(text, 'fournies par la MSA');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.severity, x.line, x.column, x.endColumn])).toEqual([
      ['partner-foreign', 'error', line, columnOf(text, line, 'MSA'), columnOf(text, line, ' chaque')],
    ]);
    expect(f[0]!.message).toContain('attendu « CPAM de Meurthe-et-Moselle »');
  });

  it("reports another body's director", () => {
    const text = withText("Les tableaux sont validés par le Directeur de la CAF avant publication.");
    expect(runRule(rule, text).map((x) => [x.line, x.column])).toEqual([[lineOf(text, 'Directeur de la CAF'), columnOf(text, lineOf(text, 'Directeur de la CAF'), 'CAF')]]);
  });

  it('reports the same kind of body for another place', () => {
    const text = withText('Les données sont transmises par la CPAM des Vosges.');
    expect(runRule(rule, text).map((x) => x.line)).toEqual([lineOf(text, 'CPAM des Vosges')]);
  });

  it('leaves an authority, a number qualifier and agreement phrases alone', () => {
    const text = withText(
      "Les données sont élaborées par l'INSEE et transmises par la Région.",
      'Les données sont fournies par la CPAM 54.',
      "Toute diffusion est soumise à l'accord de la CAF.",
    );
    expect(runRule(rule, text)).toEqual([]);
  });
});
