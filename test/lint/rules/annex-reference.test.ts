import { describe, expect, it } from 'vitest';
import { rule, expectedKind } from '../../../src/lint/rules/annex-reference.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const annexes = ['ANNEXE 1 : liste des référents', '- au sein de la CPAM', 'Paul MARTIN\nStatisticien\n03 83 00 00 00\npaul.martin@cpam.fr', 'ANNEXE 2 : liste des données transmises', '- nombre de bénéficiaires'].join('\n\n');
const conv = (p: string): string => miniConvention({ articles: [['Collecte', [p]]], annexes });

describe('annex-reference', () => {
  it('accepts references to existing annexes of the right kind', () => {
    expect(runRule(rule, conv('La CPAM désigne des référents (cf. annexe 1) et fournit les données dont la liste figure en annexe 2.'))).toEqual([]);
  });
  it('reports a reference to a missing annex', () => {
    const text = conv('La charte signée par les communes (cf annexe 3) s’applique.');
    const l = lineOf(text, 'cf annexe 3');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([['annex-reference', l, columnOf(text, l, 'annexe 3')]]);
  });
  it('reports a reference to an annex of another kind', () => {
    const text = conv('Seules les communes qui auront signé la charte (cf annexe 2) recevront les données.');
    const f = runRule(rule, text);
    expect(f.map((x) => x.line)).toEqual([lineOf(text, 'cf annexe 2')]);
    expect(f[0]!.message).toContain('la charte');
  });
  it('reads what the sentence asks for', () => {
    expect(expectedKind('La CPAM aura désigné un ou des référents (')).toBe('referents');
    expect(expectedKind('les données dont la liste est définie en')).toBe('data-list');
    expect(expectedKind('Le prestataire signe l’acte d’engagement en')).toBe('engagement-act');
  });
});

describe('annex-reference with roman numerals', () => {
  const annexes = 'ANNEXE I – Liste des indicateurs\n\n- nombre d\'allocataires';
  it('accepts « annexe I » when annex I exists, and reports « annexe II »', async () => {
    const { rule } = await import('../../../src/lint/rules/annex-reference.js');
    const { lineOf, miniConvention, runRule } = await import('../helpers.js');
    const ok = miniConvention({ articles: [['Données', ["La CPAM transmet les indicateurs énumérés à l'annexe I."]]], annexes });
    expect(runRule(rule, ok)).toEqual([]);
    const bad = miniConvention({ articles: [['Données', ["La CPAM transmet les indicateurs énumérés à l'annexe II."]]], annexes });
    const f = runRule(rule, bad);
    expect(f.map((x) => [x.line, x.message])).toEqual([[lineOf(bad, "l'annexe II"), "Renvoi à l'annexe II, qui n'existe pas dans cette convention (annexes : I)."]]);
  });
});

describe('annex-reference with lettered annexes (« ANNEXE A – … »)', () => {
  const annexes = ['ANNEXE A – liste des référents', '- au sein de la CPAM', 'Paul MARTIN\nStatisticien\n03 83 00 00 00\npaul.martin@cpam.fr', 'ANNEXE B : liste des données transmises', '- nombre de bénéficiaires'].join('\n\n');
  const lettered = (p: string): string => miniConvention({ articles: [['Collecte', [p]]], annexes });

  it('accepts references to existing lettered annexes of the right kind, and « l’annexe a été… » is no reference', () => {
    expect(runRule(rule, lettered('La CPAM désigne des référents (cf. annexe A) et fournit les données dont la liste figure en annexe B. Cette annexe a été revue.'))).toEqual([]);
  });

  it('reports a missing letter, a number in a lettered document, and a letter of another kind', () => {
    const text = lettered('Voir l’annexe C ; les données dont la liste figure en annexe 2 ; la charte (cf annexe B).');
    expect(runRule(rule, text).map((x) => x.message)).toEqual([
      "Renvoi à l'annexe C, qui n'existe pas dans cette convention (annexes : A, B).",
      "Renvoi à l'annexe 2, qui n'existe pas dans cette convention (annexes : A, B).",
      expect.stringContaining("Le renvoi à l'annexe B concerne la charte"),
    ]);
  });
});
