import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/source-mention.js';
import { columnOf, lineOf, miniConvention, runRule } from '../helpers.js';

const withSource = (s: string): string =>
  miniConvention({ articles: [['Propriété des données', [`Tout document devra faire figurer la mention de leur source (« Source ${s}, date : XXXX »).`]]] });

describe('source-mention', () => {
  it('accepts the partner named by acronym, full name or with a department number', () => {
    for (const s of ['CPAM 54', "Caisse Primaire d'Assurance Maladie", 'CPAM de Meurthe-et-Moselle']) expect(runRule(rule, withSource(s))).toEqual([]);
  });
  it('ignores a source the lexicon does not know', () => {
    expect(runRule(rule, withSource('Observatoire régional'))).toEqual([]);
  });
  it('reports another organisation cited as the source', () => {
    const text = withSource('CAF 54');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.severity, x.line, x.column])).toEqual([['source-mention', 'error', lineOf(text, 'Source CAF'), columnOf(text, lineOf(text, 'Source CAF'), 'CAF 54')]]);
    expect(f[0]!.message).toContain('CPAM de Meurthe-et-Moselle');
  });
  it('reports it in a Mission Locale convention citing Pôle Emploi', () => {
    const text = miniConvention({
      title: 'LE GRAND NANCY ET LA MISSION LOCALE DU GRAND NANCY',
      partner: 'La MISSION LOCALE du Grand Nancy – 1 rue Lyautey – 54000 NANCY - représentée par M. Paul BRUN, Président,',
      articles: [['Propriété', ['Chaque étude mentionne (« Source Pôle Emploi, date : 2015 »).']]],
    });
    const f = runRule(rule, text);
    expect(f.map((x) => [x.line, x.column])).toEqual([[lineOf(text, 'Source Pôle'), columnOf(text, lineOf(text, 'Source Pôle'), 'Pôle Emploi')]]);
  });
  const missionLocale = (source: string): string =>
    miniConvention({
      title: 'LE GRAND NANCY ET LA MISSION LOCALE DU BASSIN NANCÉIEN',
      partner: 'La MISSION LOCALE DU BASSIN NANCÉIEN – 1 rue Lyautey – 54000 NANCY - représentée par M. Paul BRUN, Président,',
      articles: [['Propriété', [`Chaque étude mentionne (« Source ${source}, date : 2015 »).`]]],
    });
  it('reports the same kind of body in another place', () => {
    const text = missionLocale('Mission Locale du Pays Haut');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.line, x.column])).toEqual([[lineOf(text, 'Source Mission'), columnOf(text, lineOf(text, 'Source Mission'), 'Mission Locale du Pays')]]);
  });
  it('accepts a suffix joined to the name by a hyphen (a programme, not a place)', () => {
    // « Maison de l'Emploi-PLIE », « Mission Locale-PAIO »: one compound name, written without
    // the place the parties block gives (fuzz seed 20261209: a designation removed).
    for (const s of ['Mission Locale-PAIO', 'Mission Locale–PAIO', 'MISSION LOCALE-Espace Jeunes']) expect(runRule(rule, missionLocale(s))).toEqual([]);
  });
});
