import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/contact-in-text.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const annexes = ['ANNEXE 1 : liste des référents', '- au sein de la CPAM', 'Paul MARTIN', 'Statisticien', '03 83 00 00 00', 'paul.martin@cpam.fr'].join('\n\n');
const withText = (para: string): string => miniConvention({ articles: [['Suivi', [para]]], annexes });

describe('contact-in-text', () => {
  it('accepts the same phone and e-mail in the text and in the card', () => {
    expect(runRule(rule, withText('Le suivi est assuré par M. Paul MARTIN (03.83.00.00.00, paul.martin@cpam.fr).'))).toEqual([]);
  });

  it('reports a phone in an article that differs from the card, with the card as related place', () => {
    const text = withText('Le suivi est assuré par M. Paul MARTIN (03 83 00 00 01).');
    const line = lineOf(text, 'M. Paul MARTIN');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([['contact-in-text', 'warning', line, columnOf(text, line, '03 83 00 00 01')]]);
    expect(f[0]!.related.map((r) => r.line)).toEqual([lineOf(text, '03 83 00 00 00')]);
    expect(f[0]!.message).toContain('dans sa fiche de référent');
  });

  it('compares mentions in the text of two files of a packet when there is no card', () => {
    const a = miniConvention({ articles: [['Suivi', ['Contact : Mme Claire WEBER (03 89 20 78 41, claire.weber@msa.fr).']]] });
    const b = miniConvention({ articles: [['Suivi', ['Contact : Mme Claire WEBER (03 89 20 78 41, claire.webber@msa.fr).']]] });
    const f = runRule(rule, [a, b]);
    expect(f.map((x) => [x.file, x.line, x.message.includes('courriel')])).toEqual([['doc2.txt', lineOf(b, 'Claire WEBER'), true]]);
  });

  it('does not attach the details of the next person to the previous one', () => {
    const text = withText('Le suivi est assuré par M. Paul MARTIN et par Mme Anne DURAND (03 83 11 11 11).');
    expect(runRule(rule, text)).toEqual([]);
  });
});
