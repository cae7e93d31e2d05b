import { describe, expect, it } from 'vitest';
import { parseDesignation, withA, withArticle, withDe, type NameRef } from '../../src/french/names.js';
import { startsWithVowelSound } from '../../src/french/elision.js';

const ref = (name: string, article: NameRef['article'], gender: NameRef['gender'] = 'f'): NameRef => ({ name, article, gender });

describe('elision', () => {
  it.each([
    ['URSSAF', true],
    ['Union de Recouvrement', true],
    ['INSEE', true],
    ['Observatoire', true],
    ['Élysée', true],
    ['Île-de-France', true],
    ['Yonne', true],
    ['hôpital', true],
    ['Hôtel de Ville', true],
    ['habitat', true],
    ['Haute-Marne', false],
    ['Hauts-de-France', false],
    ['handicap', false],
    ['Havre', false],
    ['héros', false],
    ['onze', false],
    ['yaourt', false],
    ['CAF', false],
    ['Grand Dijon', false],
    ['', false],
  ])('« %s » starts with a vowel sound: %s', (word, expected) => {
    expect(startsWithVowelSound(word)).toBe(expected);
  });
});

describe('names with their article', () => {
  const cases: [NameRef, string, string, string][] = [
    [ref("CAF de la Côte d'Or", 'la'), "la CAF de la Côte d'Or", "de la CAF de la Côte d'Or", "à la CAF de la Côte d'Or"],
    [ref('URSSAF', 'elided'), "l'URSSAF", "de l'URSSAF", "à l'URSSAF"],
    [ref('Grand Dijon', 'le', 'm'), 'le Grand Dijon', 'du Grand Dijon', 'au Grand Dijon'],
    [ref('Pôle Emploi', 'none', 'm'), 'Pôle Emploi', 'de Pôle Emploi', 'à Pôle Emploi'],
    [ref('Mission Locale', 'la'), 'la Mission Locale', 'de la Mission Locale', 'à la Mission Locale'],
    // Names that are not in the corpus.
    [ref('Restos du Cœur', 'les', 'm'), 'les Restos du Cœur', 'des Restos du Cœur', 'aux Restos du Cœur'],
    [ref('Agence régionale de santé', 'la'), "l'Agence régionale de santé", "de l'Agence régionale de santé", "à l'Agence régionale de santé"],
    [ref('Office public de l’habitat', 'le', 'm'), "l'Office public de l’habitat", "de l'Office public de l’habitat", "à l'Office public de l’habitat"],
    [ref('Hôpital de Dijon', 'le', 'm'), "l'Hôpital de Dijon", "de l'Hôpital de Dijon", "à l'Hôpital de Dijon"],
    [ref('Haute-Marne', 'la'), 'la Haute-Marne', 'de la Haute-Marne', 'à la Haute-Marne'],
    [ref('Havre', 'le', 'm'), 'le Havre', 'du Havre', 'au Havre'],
    [ref('Orléans', 'none', 'm'), 'Orléans', "d'Orléans", 'à Orléans'],
    [ref('Enedis', 'none', 'm'), 'Enedis', "d'Enedis", 'à Enedis'],
    [ref('Hauts-de-France', 'les', 'm'), 'les Hauts-de-France', 'des Hauts-de-France', 'aux Hauts-de-France'],
  ];
  it.each(cases)('%o → « %s », « %s », « %s »', (name, article, de, a) => {
    expect(withArticle(name)).toBe(article);
    expect(withDe(name)).toBe(de);
    expect(withA(name)).toBe(a);
  });

  it('capitalises the first letter only, accents included', () => {
    expect(withArticle(ref('URSSAF', 'elided'), { capitalize: true })).toBe("L'URSSAF");
    expect(withA(ref('CAF', 'la'), { capitalize: true })).toBe('À la CAF');
    expect(withDe(ref('Grand Dijon', 'le', 'm'), { capitalize: true })).toBe('Du Grand Dijon');
    expect(withArticle(ref('Pôle Emploi', 'none', 'm'), { capitalize: true })).toBe('Pôle Emploi');
  });

  it('upper-cases the name, not the article, keeping accents', () => {
    expect(withArticle(ref("Caisse d'Allocations Familiales de la Côte d'Or", 'la'), { capitalize: true, upper: true })).toBe(
      "La CAISSE D'ALLOCATIONS FAMILIALES DE LA CÔTE D'OR",
    );
    expect(withArticle(ref('Pôle Emploi Côte d’Or', 'none', 'm'), { upper: true })).toBe('PÔLE EMPLOI CÔTE D’OR');
  });

  it('a bare string is a name without article', () => {
    expect(withDe('Dijon')).toBe('de Dijon');
    expect(withDe('Auxerre')).toBe("d'Auxerre");
    expect(withA('Dijon')).toBe('à Dijon');
  });
});

describe('designations', () => {
  it.each([
    ['le Grand Dijon', { name: 'Grand Dijon', gender: 'm', article: 'le' }],
    ['la Métropole', { name: 'Métropole', gender: 'f', article: 'la' }],
    ["l'Agence", { name: 'Agence', gender: 'f', article: 'elided' }],
    ['l’Office', { name: 'Office', gender: 'f', article: 'elided' }],
    ['les Restos du Cœur', { name: 'Restos du Cœur', gender: 'f', article: 'les' }],
    ["CAF de la Côte d'Or", { name: "CAF de la Côte d'Or", gender: 'f', article: 'none' }],
    ['le cabinet Compas-tis', { name: 'cabinet Compas-tis', gender: 'm', article: 'le' }],
  ])('« %s »', (text, expected) => {
    expect(parseDesignation(text, 'f')).toEqual(expected);
  });
});
