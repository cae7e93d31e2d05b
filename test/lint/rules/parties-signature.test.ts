import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/parties-signature.js';
import { columnOf, DEFAULT_PARTNER, lineOf, miniConvention, runRule } from '../helpers.js';

const sig = (partner: string, name = 'Claire DUVAL', role = 'La Directrice,'): string =>
  miniConvention({ signature: `A Nancy, le\n\nPour la Communauté urbaine du Grand Nancy,\nLe Président,\n\nPour ${partner}\n${role}\n\nAndré ROSSINOT\n\n${name}` });

describe('parties-signature', () => {
  it('accepts the parties as named in the « Entre » block', () => {
    expect(runRule(rule, sig('la CPAM de Meurthe-et-Moselle,'))).toEqual([]);
    expect(runRule(rule, sig("la Caisse Primaire d'Assurance Maladie de Meurthe-et-Moselle,"))).toEqual([]);
  });
  it('reports another body (another place) as an error', () => {
    const text = sig('la CPAM des Vosges,');
    const l = lineOf(text, 'Pour la CPAM des Vosges');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([['parties-signature', 'error', l, columnOf(text, l, 'la CPAM')]]);
  });
  it('warns about the same words written differently', () => {
    const text = sig('la CPAM Meurthe-et-Moselle,');
    expect(runRule(rule, text).map((x) => [x.severity, x.line])).toEqual([['warning', lineOf(text, 'Pour la CPAM Meurthe')]]);
  });
  it('reports a signatory other than the representative, and a missing party', () => {
    const text = sig('la CPAM de Meurthe-et-Moselle,', 'Jean PETIT');
    expect(runRule(rule, text).map((x) => [x.severity, x.line, x.column])).toEqual([['error', lineOf(text, 'Jean PETIT'), 1]]);
    const alone = miniConvention({ signature: 'A Nancy, le\n\nPour la Communauté urbaine du Grand Nancy,\nLe Président,\n\nAndré ROSSINOT' });
    expect(runRule(rule, alone).map((x) => [x.severity, x.line])).toEqual([['error', lineOf(alone, 'A Nancy, le')]]);
  });
  it('reads a title holding commas as the whole text of its signature line (issue 16.2)', () => {
    const partner = DEFAULT_PARTNER.replace('Directrice,', 'Vice-Présidente, déléguée à la cohésion sociale,');
    const same = miniConvention({
      partner,
      signature: 'A Nancy, le\n\nPour la Communauté urbaine du Grand Nancy,\nLe Président,\n\nPour la CPAM de Meurthe-et-Moselle,\nLa Vice-Présidente, déléguée à la cohésion sociale,\n\nAndré ROSSINOT\n\nClaire DUVAL',
    });
    expect(runRule(rule, same)).toEqual([]);
    const other = same.replace('La Vice-Présidente, déléguée à la cohésion sociale,', 'La Vice-Présidente, déléguée aux finances,');
    const l = lineOf(other, 'La Vice-Présidente, déléguée aux finances');
    expect(runRule(rule, other).map((x) => [x.severity, x.line, x.column])).toEqual([['warning', l, 1]]);
  });
  it('reads such a title wrapped onto the next line in the parties block (a PDF), and side by side in the signatures (found by the contract test)', () => {
    const partner = DEFAULT_PARTNER.replace('Directrice,', 'Vice-Présidente, déléguée à la\ncohésion sociale,');
    const text = miniConvention({
      partner,
      signature: 'A Nancy, le\n\nPour la Communauté urbaine du Grand Nancy,\tPour la CPAM de Meurthe-et-Moselle,\nLe Président,\tLa Vice-Présidente, déléguée à la cohésion sociale,\n\nAndré ROSSINOT\tClaire DUVAL',
    });
    expect(runRule(rule, text)).toEqual([]);
    const other = text.replace('La Vice-Présidente, déléguée à la cohésion sociale,', 'La Vice-Présidente, déléguée aux finances,');
    expect(runRule(rule, other).map((x) => [x.severity, x.message])).toEqual([
      ['warning', 'Qualité du signataire « La Vice-Présidente, déléguée aux finances, » différente de celle du bloc des parties (« Vice-Présidente »).'],
    ]);
  });
  it('reads a title left blank (« ……… ») as the title of its party (issue 16, found by the contract test)', () => {
    const blank = '………………………………';
    const text = miniConvention({
      signature: `A Nancy, le\n\nPour la Communauté urbaine du Grand Nancy,\n${blank}\n\nPour la CPAM de Meurthe-et-Moselle,\nLa Directrice,\n\nAndré ROSSINOT\n\nClaire DUVAL`,
    }).replace('ROSSINOT, Président,', `ROSSINOT, ${blank},`);
    expect(runRule(rule, text)).toEqual([]);
  });
});
