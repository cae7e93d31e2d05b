import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/partner-slot.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const partners = [
  ['CPAM', "LA CAISSE PRIMAIRE D'ASSURANCE MALADIE – 9 bd Joffre – 54000 NANCY - ci-après désignée « la CPAM », représentée par Mme Claire DUVAL, Directrice,", 'la CPAM'],
  ['MSA', 'LA MUTUALITÉ SOCIALE AGRICOLE – 15 avenue Foch – 54000 NANCY - ci-après désignée « la MSA », représentée par M. Louis GARNIER, Directeur,', 'la MSA'],
  ['CARSAT', "LA CAISSE D'ASSURANCE RETRAITE ET DE LA SANTÉ AU TRAVAIL NORD-EST – 81 rue de Metz – 54000 NANCY - ci-après désignée « la CARSAT Nord-Est », représentée par M. Marc PETIT, Directeur,", 'la CARSAT Nord-Est'],
] as const;

const conv = (partner: string, name: string): string =>
  miniConvention({
    partner,
    title: 'LE GRAND NANCY ET UN PARTENAIRE',
    articles: [['Collecte', [`Le cabinet transmettra les données aux communes dans les conditions de partage qui auront été définies au préalable avec ${name}.`]]],
  });

describe('partner-slot', () => {
  it('accepts copies that each name their own partner', () => {
    expect(runRule(rule, partners.map(([, p, n]) => conv(p, n)))).toEqual([]);
  });
  it('reports a copy naming another organisation where the others name their partner', () => {
    const texts = [conv(partners[0][1], partners[0][2]), conv(partners[1][1], partners[1][2]), conv(partners[2][1], "la Maison de l'Emploi et de la Formation")];
    const f = runRule(rule, texts);
    const l = lineOf(texts[2]!, 'définies au préalable');
    expect(f.map((x) => [x.ruleId, x.severity, x.file, x.line, x.column])).toEqual([['partner-slot', 'error', 'doc3.txt', l, columnOf(texts[2]!, l, 'Maison')]]);
    expect(f[0]!.related.map((r) => r.file)).toEqual(['doc1.txt', 'doc2.txt']);
  });
  it('does not judge a single convention', () => {
    expect(runRule(rule, conv(partners[2][1], 'la Mission Locale'))).toEqual([]);
  });
});
