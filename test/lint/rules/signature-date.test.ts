import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/signature-date.js';
import { segmentFile } from '../../../src/lint/segment.js';
import { lineOf, miniConvention, runRule, sourceFromString } from '../helpers.js';

const SIGNERS = 'Pour la Communauté urbaine du Grand Nancy,\nLe Président,\n\nPour la CPAM de Meurthe-et-Moselle,\nLa Directrice,\n\nAndré ROSSINOT\n\nClaire DUVAL';

describe('signature-date', () => {
  it('accepts a dated signature', () => {
    const text = miniConvention({ signature: 'A Nancy, le 3 juillet 2015\n\nPour la Communauté urbaine du Grand Nancy,\nLe Président,\n\nAndré ROSSINOT' });
    expect(runRule(rule, text)).toEqual([]);
  });
  it('accepts a dated lead sentence « Fait à Nancy, le 3 juillet 2015, en deux exemplaires originaux. »', () => {
    const text = miniConvention({ signature: `Fait à Nancy, le 3 juillet 2015, en deux exemplaires originaux.\n\n${SIGNERS}` });
    expect(runRule(rule, text)).toEqual([]);
  });
  it('reports a blank date as info', () => {
    const text = miniConvention();
    expect(runRule(rule, text).map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([['signature-date', 'info', lineOf(text, 'A Nancy, le'), 1]]);
  });
  it('reports the blank date of a lead sentence « Fait à Nancy, le ………, en deux exemplaires originaux. » as info', () => {
    const lead = 'Fait à Nancy, le ………………………, en deux exemplaires originaux.';
    const text = miniConvention({ signature: `${lead}\n\n${SIGNERS}` });
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.severity, x.line, x.column, x.endColumn])).toEqual([['signature-date', 'info', lineOf(text, 'Fait à Nancy'), 1, lead.length + 1]]);
    expect(f[0]!.message).toMatch(/^Date de signature à compléter/);
  });
  it('reports « Fait à ………, le ……… » outside a signature block (an engagement act) as a blank place and date', () => {
    const text = 'Par le présent acte, le prestataire s’engage.\n\nFait à ………………………………, le ………………………….\n\nPour le prestataire de services,\n\n………………………………';
    const f = runRule(rule, text);
    expect(f.map((x) => [x.severity, x.line, x.column])).toEqual([['info', 3, 1]]);
    expect(f[0]!.message).toMatch(/^Lieu et date de signature à compléter/);
  });
  it('reports « Fait à le » and a lone « Le » in a charter', () => {
    const text = 'Fait à le\n\n- Observatoire social -\n\nCharte des données\n\nLes communes respectent la charte.\n\nLe\n\nPour la Ville de Toul,\n\nLe Maire,\n\nAlde HARMAND';
    expect(runRule(rule, text).map((x) => x.line).sort((a, b) => a - b)).toEqual([1, 9]);
  });
  it('takes the lead sentence as the date line of the signature block (blank or dated)', () => {
    for (const [lead, blank] of [
      ['Fait à Nancy, le ………………………, en deux exemplaires originaux.', true],
      ['Fait à Nancy, le 3 juillet 2015, en un exemplaire original.', false],
    ] as const) {
      const doc = segmentFile(sourceFromString(miniConvention({ signature: `${lead}\n\n${SIGNERS}` }))).documents[0];
      expect(doc?.kind).toBe('convention');
      const sig = doc?.kind === 'convention' ? doc.signature : undefined;
      expect([sig?.date?.text, sig?.dateBlank, sig?.parties.length]).toEqual([lead, blank, 2]);
    }
  });
});
