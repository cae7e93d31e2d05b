import type { z } from 'zod';

/** Turns a zod issue into a French sentence for the clerk (the field path is printed apart). */
export function translateIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `champ obligatoire manquant (${expected} attendu)` : `type incorrect : ${expected} attendu`;
    }
    case 'unrecognized_keys':
      return `champ inconnu : ${issue.keys.map((k) => `« ${k} »`).join(', ')}`;
    case 'invalid_value':
      return `valeur non autorisée : attendu ${issue.values.map((v) => `« ${String(v)} »`).join(' ou ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `liste trop courte : au moins ${String(issue.minimum)} élément(s)`
        : issue.origin === 'string'
          ? 'texte vide'
          : `valeur trop petite : minimum ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `texte trop long : au plus ${String(issue.maximum)} caractères`
        : `valeur trop grande : maximum ${String(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'email' ? 'adresse électronique invalide' : issue.message ?? 'format invalide';
    case 'invalid_union':
      return 'valeur invalide : aucune des formes admises ne correspond';
    case 'custom':
      return issue.message ?? 'valeur invalide';
    default:
      return issue.message ?? 'valeur invalide';
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'texte',
  number: 'nombre',
  int: 'nombre entier',
  boolean: 'booléen (true / false)',
  array: 'liste',
  object: 'objet',
};
