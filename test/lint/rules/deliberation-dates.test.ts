import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/deliberation-dates.js';
import { frenchNumber } from '../../../src/lint/text/deliberation.js';
import { columnOf, lineOf, runRule } from '../helpers.js';

const extract = (o: { session?: string; convocation?: string; posted?: string; decided?: string } = {}): string =>
  [
    'Délibération n° 2024-017',
    `Conseil municipal du ${o.session ?? 'jeudi 14 mars 2024'}`,
    `Date de convocation : ${o.convocation ?? '7 mars 2024'}`,
    'Nombre de conseillers en exercice : 15 – présents : 12 – votants : 14',
    'Le Conseil municipal, après en avoir délibéré, approuve la convention conclue le 2 février 2023 avec la CAF de la Somme, modifiée le 20 mars 2024.',
    'Pour : 14 Contre : 0 Abstentions : 0',
    `Délibéré en séance le ${o.decided ?? '14 mars 2024'}.`,
    `Affiché le ${o.posted ?? '18 mars 2024'}.`,
  ].join('\n\n');

describe('deliberation-dates', () => {
  it('accepts agreeing dates, and dates of other acts cited in the text', () => {
    expect(runRule(rule, extract())).toEqual([]);
    expect(runRule(rule, extract({ session: '14/03/2024', convocation: '1er mars 2024' }))).toEqual([]);
  });
  it('reports a convocation after the session, a posting before it, a second session date', () => {
    const text = extract({ convocation: '15 mars 2024', posted: '13 mars 2024', decided: '21 mars 2024' });
    expect(runRule(rule, text).map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['deliberation-dates', lineOf(text, 'convocation'), columnOf(text, lineOf(text, 'convocation'), '15 mars')],
      ['deliberation-dates', lineOf(text, 'Délibéré'), columnOf(text, lineOf(text, 'Délibéré'), '21 mars')],
      ['deliberation-dates', lineOf(text, 'Affiché'), columnOf(text, lineOf(text, 'Affiché'), '13 mars')],
    ]);
  });
  it('reads the prefecture acknowledgement stamp (ACTES) as a transmission: never before the session', () => {
    const stamp = (d: string): string =>
      `${extract()}\n\nAccusé de réception en préfecture\n080-218000016-20240314-DEL2024-017-DE\nEnvoyé en préfecture le ${d}\nDate de télétransmission : ${d}\nDate de réception préfecture : ${d}`;
    expect(runRule(rule, stamp('15/03/2024'))).toEqual([]);
    const text = stamp('13/03/2024');
    const f = runRule(rule, text);
    expect(f.map((x) => x.message)).toEqual([
      'Affichage ou transmission le 13/03/2024, avant la séance (jeudi 14 mars 2024).',
      'Affichage ou transmission le 13/03/2024, avant la séance (jeudi 14 mars 2024).',
      'Affichage ou transmission le 13/03/2024, avant la séance (jeudi 14 mars 2024).',
    ]);
    expect(f.map((x) => x.line)).toEqual([lineOf(text, 'Envoyé'), lineOf(text, 'télétransmission'), lineOf(text, 'réception préfecture')]);
    // The stamp at the top of the first page, above the extract's title, is read too.
    const above = `Accusé de réception en préfecture\n080-218000016-20240314-DEL2024-017-DE\nDate de télétransmission : 13/03/2024\n\n${extract()}`;
    expect(runRule(rule, above).map((x) => [x.line, x.message])).toEqual([[3, 'Affichage ou transmission le 13/03/2024, avant la séance (jeudi 14 mars 2024).']]);
    expect(runRule(rule, above.replace('13/03/2024', '15/03/2024'))).toEqual([]);
  });
  it('reads a session and a convocation written in words', () => {
    const text = [
      'EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS',
      "L'an deux mille vingt-quatre, le trente et un janvier, le Conseil municipal, dûment convoqué le premier février deux mille vingt-quatre, s'est réuni en mairie.",
    ].join('\n\n');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.line, x.column])).toEqual([[3, columnOf(text, 3, 'premier février')]]);
    expect(frenchNumber('deux mille vingt-quatre')).toBe(2024);
    expect(frenchNumber('quatre-vingt-dix-neuf')).toBe(99);
    expect(frenchNumber('trente et un')).toBe(31);
    expect(frenchNumber('demain')).toBeUndefined();
  });
});
