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
  // A body named with a common noun before its name (« le cabinet Martin Conseil ») in one
  // place and by its name alone (« Pour Martin Conseil, ») in another is one body (fuzz seed
  // 20261212, case 2285: the contractor's referent who also signs its engagement act).
  const withReferent = (organisation: string): string =>
    miniConvention({ annexes: `ANNEXE 1 : référents\n\nAu sein ${organisation} :\n\nPaul MARTIN\nConsultant\n03 83 00 00 00\npaul.martin@martin-conseil.fr` });
  const act = (signedFor: string): string =>
    `ACTE D'ENGAGEMENT\n\nLe prestataire s'engage à respecter la charte.\n\nFait à Nancy, le 3 mars 2015\n\nPour ${signedFor},\n\nLe Gérant,\n\nPaul MARTIN`;
  it('reads « le cabinet X » and « X » as one body', () => {
    expect(runRule(rule, [withReferent('du cabinet Martin Conseil'), act('Martin Conseil')])).toEqual([]);
    expect(runRule(rule, [withReferent('de la société Martin Conseil'), act('Martin Conseil')])).toEqual([]);
  });
  it('still reports the person for another body named after a common noun', () => {
    const other = act('Dupont Études');
    const f = runRule(rule, [withReferent('du cabinet Martin Conseil'), other]);
    expect(f.map((x) => [x.ruleId, x.file, x.line])).toEqual([['person-organisation', 'doc2.txt', lineOf(other, 'Paul MARTIN')]]);
  });
});
