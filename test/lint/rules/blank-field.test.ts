import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/blank-field.js';
import { lineOf, miniConvention, runRule } from '../helpers.js';

describe('blank-field', () => {
  it('accepts fields with values', () => {
    expect(runRule(rule, 'Nom : Compas-tis\n\nAdresse : 1 rue de la Paix\n\nSIRET : 123 456 789 00012')).toEqual([]);
  });
  it('reports bare field labels as warnings outside a model', () => {
    const text = 'Le prestataire :\n\nRaison sociale\n\nAdresse :';
    expect(runRule(rule, text).map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([
      ['blank-field', 'warning', lineOf(text, 'Raison sociale'), 1],
      ['blank-field', 'warning', lineOf(text, 'Adresse'), 1],
    ]);
  });
  it('gives info for the blanks of a model annex', () => {
    const text = miniConvention({ annexes: "ANNEXE 1 : modèle d'acte d'engagement\n\nNom, RS\n\nSIRET" });
    expect(runRule(rule, text).map((x) => [x.severity, x.line])).toEqual([
      ['info', lineOf(text, 'Nom, RS')],
      ['info', lineOf(text, 'SIRET')],
    ]);
  });
});
