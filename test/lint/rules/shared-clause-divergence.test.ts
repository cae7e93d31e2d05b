import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/shared-clause-divergence.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const clause = 'Chaque partenaire sera destinataire des documents produits chaque année et invité aux réunions de présentation des travaux du comité.';
const conv = (p: string, title = 'Partage des travaux et mobilisation des partenaires'): string => miniConvention({ articles: [[title, [p]]] });

describe('shared-clause-divergence', () => {
  it('accepts identical copies, and copies differing only by the partner or a misspelling', () => {
    expect(runRule(rule, [conv(clause), conv(clause), conv(clause.replace('invité', 'invitée'))])).toEqual([]);
  });
  it('warns about a slip (a function word added) in one copy', () => {
    const odd = conv(clause.replace('de présentation des', 'de la présentation des'));
    const f = runRule(rule, [conv(clause), conv(clause), odd]);
    const l = lineOf(odd, 'Chaque partenaire');
    expect(f.map((x) => [x.ruleId, x.severity, x.file, x.line, x.column])).toEqual([['shared-clause-divergence', 'warning', 'doc3.txt', l, columnOf(odd, l, 'la présentation')]]);
    expect(f[0]!.related).toHaveLength(2);
  });
  it('gives info for a different content word (a possible partner-specific variant)', () => {
    const odd = conv(clause.replace('chaque année', 'chaque semestre'));
    expect(runRule(rule, [conv(clause), conv(clause), odd]).map((x) => x.severity)).toEqual(['info']);
  });
  it('compares article titles too', () => {
    const odd = conv(clause, 'Partage des travaux et de mobilisation des partenaires');
    const f = runRule(rule, [conv(clause), conv(clause), odd]);
    expect(f.map((x) => [x.severity, x.line])).toEqual([['warning', lineOf(odd, 'Article 1')]]);
  });
});
