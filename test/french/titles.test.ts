import { describe, expect, it } from 'vitest';
import { agreeTitle, titleGender } from '../../src/french/titles.js';
import { titleWithArticle } from '../../src/french/person.js';

describe('titles agree with the person who holds them', () => {
  it.each([
    ['Directeur', 'f', 'Directrice'],
    ['Directeur régional', 'f', 'Directrice régionale'],
    ['DIRECTEUR GÉNÉRAL', 'f', 'DIRECTRICE GÉNÉRALE'],
    ['Vice-Président', 'f', 'Vice-Présidente'],
    ['Président de la Communauté', 'f', 'Présidente de la Communauté'],
    ['Adjointe au Maire', 'm', 'Adjoint au Maire'],
    ["Conseillère municipale en charge de l'action sociale et de la santé", 'm', "Conseiller municipal en charge de l'action sociale et de la santé"],
    ['Chef du service Politique de la Ville', 'f', 'Cheffe du service Politique de la Ville'],
    ['Maire', 'f', 'Maire'],
    ['Directrice', 'f', 'Directrice'],
    ['Président', 'm', 'Président'],
    ['Responsable du pôle général', 'f', 'Responsable du pôle général'],
  ] as const)('%s (%s) → %s', (title, gender, expected) => {
    expect(agreeTitle(title, gender)).toBe(expected);
  });

  it('tells the gender a title shows by itself', () => {
    expect(titleGender('Directeur')).toBe('m');
    expect(titleGender('Adjointe au Maire')).toBe('f');
    expect(titleGender('Maire')).toBeUndefined();
    expect(titleGender('Secrétaire générale')).toBe('f');
  });

  it('the article follows', () => {
    expect(titleWithArticle(agreeTitle('Directeur', 'f'), 'f')).toBe('La Directrice');
    expect(titleWithArticle(agreeTitle('Adjointe au Maire', 'm'), 'm')).toBe("L'Adjoint au Maire");
  });
});
