import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/parties-title.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

describe('parties-title', () => {
  it('accepts a title naming the parties of the « Entre » block (alias or full name)', () => {
    expect(runRule(rule, miniConvention())).toEqual([]);
    expect(runRule(rule, miniConvention({ title: 'LA COMMUNAUTÉ URBAINE DU GRAND NANCY ET LA CPAM DE MEURTHE-ET-MOSELLE' }))).toEqual([]);
  });
  it('reports a party of the title missing from the « Entre » block', () => {
    const text = miniConvention({ title: "LE GRAND NANCY, LE CCAS DE TOUL ET LA CAISSE PRIMAIRE D'ASSURANCE MALADIE" });
    const l = lineOf(text, 'CCAS DE TOUL');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([['parties-title', 'error', l, columnOf(text, l, 'LE CCAS')]]);
  });
  it('warns when the title forgets a party', () => {
    const text = miniConvention({ title: 'LE GRAND NANCY' });
    expect(runRule(rule, text).map((x) => [x.severity, x.line])).toEqual([['warning', lineOf(text, 'LE GRAND NANCY')]]);
  });
});
