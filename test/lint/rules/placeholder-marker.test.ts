import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/placeholder-marker.js';
import { columnOf, lineOf, runRule } from '../helpers.js';

describe('placeholder-marker', () => {
  it('accepts ordinary text, roman centuries and names with X', () => {
    expect(runRule(rule, 'Au XXe siècle, M. Xavier LEROUX signe la convention n° 12.')).toEqual([]);
  });
  it('reports « ANNEXE XX », « de X » and drafting instructions', () => {
    const text = 'ANNEXE XX\n\nLes fichiers de la MSA de X sont confiés à (préciser le nom du prestataire).\n\nSignature : .....';
    const l = lineOf(text, 'de X');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([
      ['placeholder-marker', 'warning', 1, 8],
      ['placeholder-marker', 'warning', l, columnOf(text, l, 'X sont')],
      ['placeholder-marker', 'warning', l, columnOf(text, l, '(préciser')],
      ['placeholder-marker', 'warning', lineOf(text, '.....'), columnOf(text, lineOf(text, '.....'), '.....')],
    ]);
  });
  it('gives info for a marker inside a quoted model of mention', () => {
    const text = 'Les études citent (« Source CPAM, date : XXXX »).';
    expect(runRule(rule, text).map((x) => [x.severity, x.line, x.column])).toEqual([['info', 1, columnOf(text, 1, 'XXXX')]]);
  });
});
