import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/person-contact.js';
import { lineOf, miniConvention, runRule } from '../helpers.js';

const card = (phone: string, fn = "Chargée d'études", mail = 'lea.roux@obs.fr'): string =>
  miniConvention({ annexes: `ANNEXE 1 : référents\n\n- au sein du cabinet Obs\n\nLéa ROUX\n\n${fn}\n\n${phone}\n\n${mail}` });

describe('person-contact', () => {
  it('accepts the same card in every convention', () => {
    expect(runRule(rule, [card('03 83 11 22 33'), card('03.83.11.22.33'), card('03 83 11 22 33', "Chargée d' études")])).toEqual([]);
  });
  it('reports the odd phone number with the other places as related', () => {
    const odd = card('06 12 34 56 78');
    const f = runRule(rule, [card('03 83 11 22 33'), odd, card('03 83 11 22 33')]);
    const l = lineOf(odd, '06 12');
    expect(f.map((x) => [x.ruleId, x.file, x.line, x.column])).toEqual([['person-contact', 'doc2.txt', l, 1]]);
    expect(f[0]!.related.map((r) => r.file)).toEqual(['doc1.txt', 'doc3.txt']);
  });
  it('reports another e-mail and another function', () => {
    const odd = card('03 83 11 22 33', 'Directrice', 'lroux@obs.fr');
    const f = runRule(rule, [card('03 83 11 22 33'), card('03 83 11 22 33'), odd]);
    expect(f.map((x) => [x.line, x.column])).toEqual([
      [lineOf(odd, 'Directrice', lineOf(odd, 'Léa ROUX')), 1],
      [lineOf(odd, 'lroux@'), 1],
    ]);
  });
});
