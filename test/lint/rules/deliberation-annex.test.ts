import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/deliberation-annex.js';
import { columnOf, lineOf, runRule } from '../helpers.js';

const extract = (annexes: readonly string[], body = "L'avenant n° 1, joint en annexe 1, prolonge la convention. Les indicateurs sont précisés en annexe 2."): string =>
  ['EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS', 'Séance du 4 avril 2024', body, 'Adoptée à l’unanimité.', ...annexes.flatMap((a) => [a, 'Texte joint.'])].join('\n\n');

describe('deliberation-annex', () => {
  it('accepts annexes numbered in order and referred to; an extract without annexes is not judged', () => {
    expect(runRule(rule, extract(['ANNEXE 1 – Avenant n° 1', 'ANNEXE 2 – Indicateurs transmis']))).toEqual([]);
    expect(runRule(rule, extract(['Annexe n° I : avenant', 'Annexe n° II : indicateurs']))).toEqual([]);
    expect(runRule(rule, extract([]))).toEqual([]);
  });
  it('reports an annex numbered out of order and a reference to an annex not attached', () => {
    const text = extract(['ANNEXE 1 – Avenant n° 1', 'ANNEXE 3 – Indicateurs transmis']);
    const body = lineOf(text, 'joint en annexe');
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['deliberation-annex', body, columnOf(text, body, 'annexe 2')],
      ['deliberation-annex', lineOf(text, 'ANNEXE 3'), 1],
    ]);
  });
});
