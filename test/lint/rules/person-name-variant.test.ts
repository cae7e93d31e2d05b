import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/person-name-variant.js';
import { lineOf, miniConvention, runRule } from '../helpers.js';

const sig = (name: string): string =>
  miniConvention({ signature: `A Nancy, le\n\nPour la Communauté urbaine du Grand Nancy,\nLe Président,\n\nPour la CPAM de Meurthe-et-Moselle,\nLa Directrice,\n\nAndré ROSSINOT\n\n${name}` });

describe('person-name-variant', () => {
  it('accepts different people with close names (different given names or short names)', () => {
    expect(runRule(rule, [sig('Claire DUVAL'), sig('Claire DUVAL')])).toEqual([]);
    expect(runRule(rule, [sig('Céline ROUOT'), sig('Céline TONOT')])).toEqual([]);
  });
  it('reports the less frequent spelling of one person', () => {
    const odd = sig('Claire DUVALL');
    // The representative « Mme Claire DUVAL » of each convention counts too.
    const f = runRule(rule, [sig('Claire DUVAL'), odd]);
    expect(f.map((x) => [x.ruleId, x.file, x.line, x.column])).toEqual([['person-name-variant', 'doc2.txt', odd.split('\n').indexOf('Claire DUVALL') + 1, 1]]);
  });
  it('allows two letters apart for long compound names', () => {
    const f = runRule(rule, [sig('Claire BERTHOLET-MARCHAND'), sig('Claire BERTHOLET-MARCHAND'), sig('Claire BERTOLET-MARCAND')]);
    expect(f.map((x) => x.file)).toEqual(['doc3.txt']);
  });
});
