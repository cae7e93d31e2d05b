import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/partner-gender.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const PE = 'PÔLE EMPLOI LORRAINE – 2 rue Lyautey – 54000 NANCY - ci-après désigné « Pôle Emploi », représenté par M. Jean DUPONT, Directeur,';
const conv = (paras: string[], partner = PE): string => miniConvention({ title: 'LE GRAND NANCY ET PÔLE EMPLOI LORRAINE', partner, articles: [['Partage', paras]] });

describe('partner-gender', () => {
  it('accepts agreement with a masculine and a feminine partner', () => {
    expect(runRule(rule, conv(["Pôle Emploi sera informé des études qui pourraient être initiées, et associé aux travaux. Il pourra être sollicité. Pôle Emploi demeure propriétaire des données qu'il partage."]))).toEqual([]);
    expect(runRule(rule, miniConvention({ articles: [['Partage', ['La CPAM sera informée et invitée aux réunions. Elle pourra être sollicitée.']]] }))).toEqual([]);
  });
  it('reports feminine participles for a masculine partner', () => {
    const text = conv(['Pôle Emploi sera destinataire des documents produits par le Grand Nancy et invitée aux réunions.', 'Pôle Emploi sera informée des études.']);
    const l1 = lineOf(text, 'invitée');
    const l2 = lineOf(text, 'informée');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['partner-gender', l1, columnOf(text, l1, 'invitée')],
      ['partner-gender', l2, columnOf(text, l2, 'informée')],
    ]);
  });
  it('reports the party block and a pronoun', () => {
    const text = conv(["La CPAM contribuera aux travaux. Il pourra être sollicité."], PE.replace('désigné', 'désignée'));
    const lp = lineOf(text, 'PÔLE EMPLOI LORRAINE –');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.line, x.column])).toEqual([
      [lp, columnOf(text, lp, 'désignée')],
      [lineOf(text, 'Il pourra'), columnOf(text, lineOf(text, 'Il pourra'), 'Il pourra')],
      [lineOf(text, 'Il pourra'), columnOf(text, lineOf(text, 'Il pourra'), 'sollicité')],
    ]);
  });
  it('leaves alone a partner whose gender it cannot know (unknown head noun), whichever agreement it takes', () => {
    const hospital = "L'HÔPITAL DE BEAUNE – 2 rue de l'Hôtel-Dieu – 21200 BEAUNE - ci-après désigné « l'Hôpital de Beaune », représenté par M. Paul MARTIN, Directeur,";
    const text = miniConvention({ title: "LE GRAND NANCY ET L'HÔPITAL DE BEAUNE", partner: hospital, articles: [['Partage', ["L'Hôpital de Beaune sera informé des études et associé aux travaux."]]] });
    expect(runRule(rule, text)).toEqual([]);
  });
  it('leaves a participle that agrees with another body named between (fuzz seed 20261212, case 3404)', () => {
    // « déléguée » may speak of the CPAM, named after the subject: only a reader can tell.
    const text = conv(['Pôle Emploi pourra transmettre les données de la CPAM de Meurthe-et-Moselle, et déléguée aux réunions.']);
    expect(runRule(rule, text)).toEqual([]);
    // Agreeing with neither body (both masculine), it is still reported.
    const both = conv(['Pôle Emploi pourra transmettre les données du Grand Nancy, et déléguée aux réunions.']);
    const l = lineOf(both, 'déléguée');
    expect(runRule(rule, both).map((x) => [x.line, x.column])).toEqual([[l, columnOf(both, l, 'déléguée')]]);
  });
  it('never reads a capitalised word as a participle (a name: « … et Communauté … », fuzz seed 20261213, case 1828)', () => {
    // The CPAM (feminine) is the subject; « Communauté » ends like a masculine participle.
    const cpam = (sentence: string): string => miniConvention({ articles: [['Partage', [sentence]]] });
    expect(runRule(rule, cpam('La CPAM sera destinataire des données et Communauté Mission aura accès aux études.'))).toEqual([]);
    // A participle in lower case after « et » is still read as one.
    expect(runRule(rule, cpam('La CPAM sera destinataire des données et informé des études.')).map((x) => x.ruleId)).toEqual(['partner-gender']);
  });
});
