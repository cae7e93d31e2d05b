import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/annex-numbering.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const withAnnexes = (ns: string[]): string => miniConvention({ annexes: ns.map((n) => `ANNEXE ${n} : pièce ${n}\n\nContenu.`).join('\n\n') });

describe('annex-numbering', () => {
  it('accepts 1, 2, 3', () => {
    expect(runRule(rule, withAnnexes(['1', '2', '3']))).toEqual([]);
  });
  it('reports a gap and a repeat', () => {
    const text = withAnnexes(['1', '3', '3']);
    const l1 = lineOf(text, 'ANNEXE 3');
    const l2 = lineOf(text, 'ANNEXE 3', l1);
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['annex-numbering', l1, columnOf(text, l1, '3')],
      ['annex-numbering', l2, columnOf(text, l2, '3')],
    ]);
  });
  it('leaves « ANNEXE XX » to placeholder-marker but counts it', () => {
    expect(runRule(rule, withAnnexes(['1', 'XX', '3']))).toEqual([]);
  });
});

describe('annex-numbering with lettered annexes', () => {
  it('accepts A, B, C and reports a skipped letter with the letter expected; « ANNEXE A LA DÉLIBÉRATION » is no lettered annex', async () => {
    const { rule } = await import('../../../src/lint/rules/annex-numbering.js');
    const { miniConvention, runRule } = await import('../helpers.js');
    const ok = miniConvention({ articles: [['Objet', ['La convention a pour objet l’échange de données.']]], annexes: 'ANNEXE A – Référents\n\nTexte.\n\nANNEXE B – Données\n\nTexte.\n\nANNEXE C : Charte\n\nTexte.' });
    expect(runRule(rule, ok)).toEqual([]);
    const skip = miniConvention({ articles: [['Objet', ['La convention a pour objet l’échange de données.']]], annexes: 'ANNEXE A – Référents\n\nTexte.\n\nANNEXE C – Données\n\nTexte.' });
    expect(runRule(rule, skip).map((x) => x.message)).toEqual(['Annexe C : numéro attendu B.']);
    const { ANNEX } = await import('../../../src/lint/segment/recognisers.js');
    expect(ANNEX.exec('ANNEXE A LA DELIBERATION DU 26 JUIN 2014')).toBeNull();
    expect(ANNEX.exec('ANNEXE B')?.[1]).toBe('B');
    expect(ANNEX.exec('ANNEXE I – Indicateurs')?.[1]).toBe('I');
  });
});
