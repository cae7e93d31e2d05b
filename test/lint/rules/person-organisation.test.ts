import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/person-organisation.js';
import { lineOf, miniConvention, runRule } from '../helpers.js';

const charter = (town: string, mayor: string): string =>
  `- Observatoire social -\n\nCharte des données\n\nLes communes respectent la charte.\n\nPour la Communauté urbaine du Grand Nancy\n\nPour la Ville de ${town},\n\nLe Président,\n\nLe Maire,\n\nAndré ROSSINOT\n\n${mayor}`;

describe('person-organisation', () => {
  it('accepts one person for one organisation everywhere', () => {
    expect(runRule(rule, [miniConvention(), charter('Toul', 'Alde HARMAND')])).toEqual([]);
  });
  it('reports a person signing for two organisations', () => {
    const c = charter('Toul', 'Claire DUVAL');
    const f = runRule(rule, [miniConvention(), c]);
    expect(f.map((x) => [x.ruleId, x.file, x.line, x.column])).toEqual([['person-organisation', 'doc2.txt', lineOf(c, 'Claire DUVAL'), 1]]);
    expect(f[0]!.related.length).toBeGreaterThan(0);
  });
});
