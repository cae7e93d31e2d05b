import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/charter-divergence.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const paras = ['Les communes utilisent les données avec l’accord des fournisseurs.', 'Les communes respectent le secret statistique.', 'Les communes et leurs CCAS désignent un référent.'];
const charter = (title: string, ps: readonly string[] = paras): string =>
  ['- Observatoire social -', title, ...ps, 'Pour la Communauté urbaine du Grand Nancy', 'Le Président,', 'André ROSSINOT'].join('\n\n');
const T = 'Charte d’utilisation des données statistiques';

describe('charter-divergence', () => {
  it('accepts identical copies', () => {
    expect(runRule(rule, [charter(T), charter(T), charter(T)])).toEqual([]);
  });
  it('reports a copy with another title', () => {
    const odd = charter('Charte des données');
    const f = runRule(rule, [charter(T), charter(T), odd]);
    expect(f.map((x) => [x.ruleId, x.file, x.line, x.column])).toEqual([['charter-divergence', 'doc3.txt', lineOf(odd, 'Charte des'), 1]]);
  });
  it('reports a word added in one copy', () => {
    const odd = charter(T, [paras[0]!, paras[1]!, 'Les communes et leurs CCAS désignent chacun un référent.']);
    const l = lineOf(odd, 'désignent chacun');
    expect(runRule(rule, [charter(T), odd, charter(T)]).map((x) => [x.file, x.line, x.column])).toEqual([['doc2.txt', l, columnOf(odd, l, 'chacun')]]);
  });
  it('reports two paragraphs merged into one', () => {
    const odd = charter(T, [`${paras[0]} ${paras[1]}`, paras[2]!]);
    const f = runRule(rule, [charter(T), charter(T), odd]);
    expect(f.map((x) => [x.file, x.line, x.column])).toEqual([['doc3.txt', lineOf(odd, 'accord des fournisseurs'), 1]]);
    expect(f[0]!.message).toContain('fusionnés');
  });
  it('compares a signed copy and annexed copies alike when only the conventions name the coordinator', () => {
    // The conventions' « Entre … » block teaches their file the name « la Communauté de
    // l'agglomération nancéienne »; a charter signed alone, in a file of its own, must not read
    // « nancéienne » as an extra word (organisations are recognised run-wide).
    const body = ['La charte est conclue par la Communauté de l’agglomération nancéienne avec les communes.', ...paras];
    const coordinator = 'La COMMUNAUTÉ DE L’AGGLOMÉRATION NANCÉIENNE – 22 viaduc Kennedy – 54000 NANCY -, représentée par M. André ROSSINOT, Président, ci-après désignée « le Grand Nancy »,';
    const convention = miniConvention({ annexes: `ANNEXE 1 : charte\n\n${charter(T, body)}` }).replace(/^La COMMUNAUTÉ URBAINE DU GRAND NANCY.*$/m, coordinator);
    expect(convention).toContain('NANCÉIENNE –');
    const signed = charter(T, body);
    expect(runRule(rule, [convention, convention, signed, signed])).toEqual([]);
    // The same copies with a real difference are still reported, in the signed copy.
    const odd = charter(T, [body[0]!.replace('avec les communes', 'avec toutes les communes'), ...paras]);
    const l = lineOf(odd, 'toutes les communes');
    expect(runRule(rule, [convention, convention, odd]).map((x) => [x.file, x.line, x.column])).toEqual([['doc3.txt', l, columnOf(odd, l, 'toutes')]]);
  });
});
