import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/partner-context.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const para = (p: string): string => miniConvention({ articles: [['Accès aux données', [p]]] });

describe('partner-context', () => {
  it("accepts the partner's or the coordinator's agreement and property", () => {
    expect(runRule(rule, para("Les données ne seront transmises qu'avec l'accord de la CPAM de Meurthe-et-Moselle."))).toEqual([]);
    expect(runRule(rule, para("Le programme est soumis au Grand Nancy, les fichiers restent la propriété de la CPAM."))).toEqual([]);
  });
  it('accepts other organisations outside these phrases', () => {
    expect(runRule(rule, para("La Mission Locale assurera l'interface avec la CPAM."))).toEqual([]);
  });
  it("reports the agreement of an organisation that is not a party", () => {
    const text = para("Le Grand Nancy pourra transmettre les fichiers avec l'accord de la Mission Locale.");
    const l = lineOf(text, "avec l'accord");
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([['partner-context', l, columnOf(text, l, 'Mission Locale')]]);
  });
  it('reports the property of, or submission to, another body', () => {
    const text = para('Le calendrier est soumis à la CAF. Les données de la MSA seront intégrées.');
    const l = lineOf(text, 'soumis à la CAF');
    expect(runRule(rule, text).map((x) => [x.line, x.column])).toEqual([
      [l, columnOf(text, l, 'CAF')],
      [l, columnOf(text, l, 'MSA')],
    ]);
  });
  it('reads the place of a mention through the lexicon, also when it matches the party’s own designation', () => {
    // « CPAM de Meurthe-et-Moselle » is the party's alias: a mention that runs on with more
    // place words is the same body (its place begins with the party's); another place is not.
    const same = para("Les données ne seront transmises qu'avec l'accord de la CPAM de Meurthe-et-Moselle Saint-Nicolas Lunéville.");
    expect(runRule(rule, same)).toEqual([]);
    const other = para("Les données ne seront transmises qu'avec l'accord de la CPAM des Vosges.");
    const l = lineOf(other, "avec l'accord");
    expect(runRule(rule, other).map((x) => [x.line, x.column])).toEqual([[l, columnOf(other, l, 'CPAM des Vosges')]]);
  });
});
