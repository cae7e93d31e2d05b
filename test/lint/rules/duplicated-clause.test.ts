import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/duplicated-clause.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

describe('duplicated-clause', () => {
  it('accepts distinct sentences and a paragraph continued below', () => {
    const text = miniConvention({ articles: [['Objet', ['Les parties coopèrent. Elles partagent leurs analyses.', 'Enfin, elles se réunissent une fois par an.']]] });
    expect(runRule(rule, text)).toEqual([]);
  });
  it('reports a truncated fragment repeating the start of a sentence of the paragraph', () => {
    const text = miniConvention({ articles: [['Objet', ["Ainsi, les parties s'engagent à partager leurs analyses. Ainsi, la partie s'engage", 'Le suivi est annuel.']]] });
    const l = lineOf(text, 'Ainsi, la partie');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.line, x.column])).toEqual([['duplicated-clause', l, columnOf(text, l, 'Ainsi, la partie')]]);
    expect(f[0]!.related).toHaveLength(1);
  });
  it('reports a fragment repeating the next paragraph', () => {
    const text = miniConvention({ articles: [['Durée', ['La convention dure deux ans. Elle peut être renouvelée par', 'Elle peut être renouvelée par avenant signé des parties.']]] });
    const l = lineOf(text, 'La convention dure');
    expect(runRule(rule, text).map((x) => [x.line, x.column])).toEqual([[l, columnOf(text, l, 'Elle peut')]]);
  });
  it('reports a sentence repeated in the same article, not across articles', () => {
    const s = 'Chaque partie peut dénoncer la convention par lettre recommandée.';
    const text = miniConvention({ articles: [['Durée', [s, `Un avenant est possible. ${s}`]], ['Litiges', [s]]] });
    const l = lineOf(text, 'Un avenant');
    expect(runRule(rule, text).map((x) => [x.line, x.column])).toEqual([[l, columnOf(text, l, 'Chaque partie')]]);
  });
});
