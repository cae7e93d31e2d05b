import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/misplaced-clause.js';
import { lineOf, miniConvention, runRule } from '../helpers.js';

const breach = "En cas de manquement aux dispositions de la convention, celle-ci peut être dénoncée avec un préavis d'un mois.";
const notice = 'Chaque partie peut mettre fin à la convention avec un préavis de deux mois.';
const disputes = 'Les litiges relèvent du tribunal administratif de Nancy.';
const good = miniConvention({ articles: [['Résiliation', [notice, breach]], ['Litiges', [disputes]]] });
const bad = miniConvention({ articles: [['Résiliation', [notice]], ['Litiges', [disputes, breach]]] });

describe('misplaced-clause', () => {
  it('accepts conventions sharing the skeleton', () => {
    expect(runRule(rule, [good, good, good])).toEqual([]);
  });
  it('reports a paragraph under another article than in the other conventions', () => {
    const f = runRule(rule, [good, good, bad]);
    expect(f.map((x) => [x.ruleId, x.file, x.line, x.column])).toEqual([['misplaced-clause', 'doc3.txt', lineOf(bad, 'En cas de manquement'), 1]]);
    expect(f[0]!.message).toContain('Résiliation');
  });
  it('does not report when the convention lacks the expected article', () => {
    const other = miniConvention({ articles: [['Litiges', [disputes, breach]]] });
    expect(runRule(rule, [good, good, other])).toEqual([]);
  });
  it('does not report when the titles share a subject (an article split in two)', () => {
    const split = miniConvention({ articles: [['Résiliation', [notice]], ['Résiliation pour manquement', [breach]]] });
    expect(runRule(rule, [good, good, split])).toEqual([]);
  });
});
