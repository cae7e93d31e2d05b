import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/attached-list.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

describe('attached-list', () => {
  it('accepts a list attached as an annex', () => {
    const text = miniConvention({ articles: [['Territoire', ["L'analyse porte sur les communes de la métropole (liste ci-jointe)."]]], annexes: 'ANNEXE 1 : liste des communes\n\n- Nancy' });
    expect(runRule(rule, text)).toEqual([]);
  });
  it('accepts « liste en annexe » of referents when a referents annex exists', () => {
    const text = miniConvention({
      articles: [['Accès', ['L’accès est réservé aux personnes désignées référentes (liste en annexe).']]],
      annexes: 'ANNEXE 1 : référents\n\n- au sein de la CPAM\n\nPaul MARTIN\n\npaul.martin@cpam.fr',
    });
    expect(runRule(rule, text)).toEqual([]);
  });
  it('reports a list said to be attached that no annex holds', () => {
    const text = miniConvention({ articles: [['Territoire', ["L'analyse porte sur les quartiers prioritaires (liste ci-jointe), par IRIS."]]], annexes: 'ANNEXE 1 : liste des données\n\n- âge' });
    const l = lineOf(text, 'ci-jointe');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([['attached-list', l, columnOf(text, l, '(liste')]]);
  });
});
