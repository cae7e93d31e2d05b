import { describe, expect, it } from 'vitest';
import { agree, pluralPronoun, pronoun } from '../../src/french/agreement.js';
import { joinFrench } from '../../src/french/list.js';
import { countOf, deCountOf, numberInWords } from '../../src/french/numbers.js';
import { displayName, formalName, titleWithArticle } from '../../src/french/person.js';

describe('agreement', () => {
  it.each([
    ['m', 'informé', undefined, 'informé'],
    ['f', 'informé', undefined, 'informée'],
    ['f', 'invité', undefined, 'invitée'],
    ['f', 'convié', undefined, 'conviée'],
    ['f', 'référent', undefined, 'référente'],
    ['f', 'animateur', 'animatrice', 'animatrice'],
    ['m', 'animateur', 'animatrice', 'animateur'],
    ['f', 'signataire', undefined, 'signataire'],
  ] as const)('%s « %s » → « %s »', (gender, masculine, feminine, expected) => {
    expect(agree(gender, masculine, feminine)).toBe(expected);
  });

  it('pronouns: il, elle, and ils unless every member is feminine', () => {
    expect(pronoun('m')).toBe('il');
    expect(pronoun('f')).toBe('elle');
    expect(pluralPronoun(['f', 'm'])).toBe('ils');
    expect(pluralPronoun(['f', 'f'])).toBe('elles');
    expect(pluralPronoun(['m'])).toBe('ils');
    expect(pluralPronoun([])).toBe('ils');
  });
});

describe('numbers in words', () => {
  it.each([
    [0, 'zéro'],
    [1, 'un'],
    [2, 'deux'],
    [11, 'onze'],
    [16, 'seize'],
    [17, 'dix-sept'],
    [20, 'vingt'],
    [21, 'vingt et un'],
    [24, 'vingt-quatre'],
    [31, 'trente et un'],
    [70, 'soixante-dix'],
    [71, 'soixante et onze'],
    [77, 'soixante-dix-sept'],
    [80, 'quatre-vingts'],
    [81, 'quatre-vingt-un'],
    [91, 'quatre-vingt-onze'],
    [99, 'quatre-vingt-dix-neuf'],
    [100, '100'],
    [2.5, '2.5'],
  ])('%d → « %s »', (n, words) => {
    expect(numberInWords(n)).toBe(words);
  });

  it('counts with « de » elide before « un » only', () => {
    expect(countOf(2, 'mois')).toBe('deux mois');
    expect(deCountOf(2, 'mois')).toBe('de deux mois');
    expect(deCountOf(1, 'mois')).toBe("d'un mois");
    expect(deCountOf(11, 'mois')).toBe('de onze mois');
    expect(deCountOf(8, 'mois')).toBe('de huit mois');
  });
});

describe('enumerations', () => {
  it('joins with commas and a final conjunction', () => {
    expect(joinFrench([])).toBe('');
    expect(joinFrench(['Dijon'])).toBe('Dijon');
    expect(joinFrench(['Dijon', 'Talant'])).toBe('Dijon et Talant');
    expect(joinFrench(['Chenôve', 'Dijon', 'Longvic', 'Quetigny', 'Talant'])).toBe('Chenôve, Dijon, Longvic, Quetigny et Talant');
    expect(joinFrench(['xls', 'Access', 'txt'], 'ou')).toBe('xls, Access ou txt');
  });
});

describe('people', () => {
  it('names and titles', () => {
    expect(displayName({ civility: 'M.', firstName: 'Alain', lastName: 'MILLOT' })).toBe('Alain MILLOT');
    expect(displayName({ civility: 'Mme', lastName: 'PIRODDI' })).toBe('Mme PIRODDI');
    expect(formalName({ civility: 'M.', firstName: 'Alain', lastName: 'MILLOT' })).toBe('M. Alain MILLOT');
    expect(titleWithArticle('Président', 'm')).toBe('Le Président');
    expect(titleWithArticle('Présidente', 'f')).toBe('La Présidente');
    expect(titleWithArticle('Adjointe au Maire', 'f')).toBe("L'Adjointe au Maire");
    expect(titleWithArticle('Maire', 'm')).toBe('Le Maire');
  });
});
