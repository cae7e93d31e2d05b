import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/blank-slot.js';
import { rule as placeholderMarker } from '../../../src/lint/rules/placeholder-marker.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const withText = (...paras: string[]): string => miniConvention({ articles: [['Objet', paras]] });

describe('blank-slot', () => {
  it('accepts filled values, a quoted ellipsis and a dotted leader', () => {
    const text = withText(
      'Vu la délibération du Conseil n° 2024-12 en date du 14 octobre 2024 ;',
      'Les parties conviennent (…) de se réunir le 3 mars.',
      'Le montant est de 1 000 euros (montant révisable).',
      'Téléphone : ………………',
    );
    expect(runRule(rule, text)).toEqual([]);
  });

  it('reports « délibération du. (date) » as one blank', () => {
    const text = withText('Le Président, habilité par délibération du. (date), signe la convention.');
    const line = lineOf(text, 'du. (date)');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.severity, x.line, x.column, x.endColumn])).toEqual([
      ['blank-slot', 'warning', line, columnOf(text, line, 'du. (date)'), columnOf(text, line, ', signe')],
    ]);
    expect(f[0]!.message).toContain('blanc à compléter (date)');
  });

  it('reports « en date du … ; », « n° … » and « (montant) », one finding each', () => {
    const text = withText('Vu la délibération n° … en date du … ;', 'La subvention est de (montant) euros.');
    const f = runRule(rule, text);
    const l1 = lineOf(text, 'en date du …');
    const l2 = lineOf(text, '(montant)');
    expect(f.map((x) => [x.line, x.column])).toEqual([
      [l1, columnOf(text, l1, 'n° …')],
      [l1, columnOf(text, l1, 'en date du …')],
      [l2, columnOf(text, l2, 'de (montant)')],
    ]);
  });

  it('reads « en date du … » wrapped onto the next line as one slot', () => {
    const text = withText('Vu la délibération du Conseil départemental en date\ndu … ;');
    const f = runRule(rule, text);
    expect(f.map((x) => x.message)).toEqual(['« en date du … » : blanc à compléter (date).']);
  });

  it('leaves the signature date line to signature-date', () => {
    const text = miniConvention({ signature: ['Fait à Nancy, le …', 'Pour la Communauté urbaine du Grand Nancy,\nLe Président,', 'Pour la CPAM de Meurthe-et-Moselle,\nLa Directrice,', 'André ROSSINOT', 'Claire DUVAL'].join('\n\n') });
    expect(runRule(rule, text)).toEqual([]);
  });

  it('does not double placeholder-marker on a dotted leader', () => {
    const text = withText('Délibération en date du ……………… ;');
    expect(runRule(rule, text)).toEqual([]);
    expect(runRule(placeholderMarker, text).map((x) => x.severity)).toEqual(['info']);
  });
});

describe('findBlanks reads the parenthesised blanks as the plain pattern does', () => {
  it('same ranges as PAREN scanning left to right', async () => {
    const { findBlanks, PAREN } = await import('../../../src/lint/text/blanks.js');
    const samples = [
      'délibération du. (date) et du (montant), le  .  (nom) (lieu)',
      'n° (numéro) au(date) de(signature) Du . (Date)',
      'du (foo) (date) ; (à compléter) ; le(à définir)',
      'sans blanc (ici) du',
    ];
    for (const s of samples) {
      const re = new RegExp(PAREN.source, PAREN.flags);
      const plain: [number, number][] = [];
      for (let m = re.exec(s); m; m = re.exec(s)) plain.push([m.index, m.index + m[0].length]);
      expect(findBlanks(s).map((b) => [b.start, b.end]), s).toEqual(plain);
    }
  });
});
