import { describe, expect, it } from 'vitest';
import { rule } from '../../../src/lint/rules/common-misspelling.js';
import { columnOf, lineOf, runRule } from '../helpers.js';

describe('common-misspelling', () => {
  it('accepts correct spellings and the verb « se réfèrent »', () => {
    expect(runRule(rule, 'Le référent technique, entre autres, compte tenu de l’accès au-delà du délai ; les textes auxquels ils se réfèrent.')).toEqual([]);
  });
  it('reports the usual misspellings with their columns', () => {
    const text = 'Un réfèrent technique et des référénts.\n\nCompte-tenu du droit de timbre e de la taxe, entre autre au delà des ex salariés.';
    const l = lineOf(text, 'Compte-tenu');
    const f = runRule(rule, text);
    expect(f.map((x) => [x.ruleId, x.line, x.column])).toEqual([
      ['common-misspelling', 1, columnOf(text, 1, 'réfèrent')],
      ['common-misspelling', 1, columnOf(text, 1, 'référénts')],
      ['common-misspelling', l, 1],
      ['common-misspelling', l, columnOf(text, l, 'e de')],
      ['common-misspelling', l, columnOf(text, l, 'entre autre')],
      ['common-misspelling', l, columnOf(text, l, 'au delà')],
      ['common-misspelling', l, columnOf(text, l, 'ex salariés')],
    ]);
  });
  it('reports « , sont les » for « dont »', () => {
    const text = 'Échanger entre les partenaires, sont les communes, des données.';
    expect(runRule(rule, text).map((x) => x.column)).toEqual([columnOf(text, 1, 'sont')]);
  });
  it('leaves the words of e-mail and web addresses alone, and still reads the prose around them', () => {
    const text =
      'Contact : referent7@partenaire7.fr, Referent.Social@ccas-dijon.fr ou https://www.developement-local.fr/acces ; www.addresse.fr. Un réfèrent par commune.';
    expect(runRule(rule, text).map((x) => x.column)).toEqual([columnOf(text, 1, 'réfèrent')]);
    // Not an address: the slip is reported.
    expect(runRule(rule, 'Le referent de la commune.')).toHaveLength(1);
  });
});
