import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/referent-incomplete.js';
import { lineOf, miniConvention, runRule } from '../helpers.js';

describe('referent-incomplete', () => {
  it('accepts a complete card', () => {
    expect(runRule(rule, miniConvention({ annexes: 'ANNEXE 1 : référents\n\nPaul MARTIN\nStatisticien\n03 83 00 00 00\npaul.martin@cpam.fr' }))).toEqual([]);
  });
  it('reports missing fields as info', () => {
    const text = miniConvention({ annexes: 'ANNEXE 1 : référents\n\nMme DUPRÉ\n\n[tél]\n\nmdupre@cpam.fr\n\nPaul MARTIN\n\nStatisticien\n\n03 83 00 00 00' });
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([
      ['referent-incomplete', 'info', lineOf(text, 'Mme DUPRÉ'), 1],
      ['referent-incomplete', 'info', lineOf(text, 'Paul MARTIN'), 1],
    ]);
    expect(f[0]!.message).toContain('prénom, fonction, téléphone');
    expect(f[1]!.message).toContain('courriel');
  });
  it('counts a field left as a dotted blank (« Fonction : ……… ») as missing, not as its value', () => {
    const text = miniConvention({ annexes: 'ANNEXE 1 : référents\n\nPaul MARTIN\nFonction : ………………\nTél. : ………………\npaul.martin@cpam.fr' });
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([['referent-incomplete', 'info', lineOf(text, 'Paul MARTIN'), 1]]);
    expect(f[0]!.message).toContain('fonction, téléphone à compléter');
  });
  it('reads a card laid out as a table row, one field per cell (a PDF\'s table, a .txt export)', () => {
    const text = miniConvention({
      annexes: 'ANNEXE 1 : référents\n\nPaul MARTIN\tFonction : ………………\tTél. : ………………\tpaul.martin@cpam.fr\nJeanne DURAND\tStatisticienne\t03 83 00 00 00\tjeanne.durand@cpam.fr',
    });
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([['referent-incomplete', 'info', lineOf(text, 'Paul MARTIN'), 1]]);
    expect(f[0]!.message).toBe('Fiche de « Paul MARTIN » incomplète : fonction, téléphone à compléter.');
  });
});
