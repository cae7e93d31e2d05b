import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { closest, oneLine, translateIssue, unknownFieldMessage, yamlErrorMessage } from '../../src/data/messages.js';

const issueOf = (schema: z.ZodType, value: unknown): z.core.$ZodIssue => {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) throw new Error('valeur acceptée');
  const [issue] = r.error.issues;
  if (!issue) throw new Error('aucun problème');
  return issue;
};

describe('translateIssue never says something false', () => {
  const S = z.strictObject({ name: z.string(), count: z.number().int(), flag: z.boolean().optional() });
  it('a missing field is « manquant »', () => {
    expect(translateIssue(issueOf(S, { count: 1 }))).toBe('champ obligatoire manquant (texte attendu)');
  });
  it('a present value of the wrong type is not « manquant »', () => {
    const m = translateIssue(issueOf(S, { name: 12, count: 1 }), { source: '012' });
    expect(m).toBe('type incorrect : texte attendu, nombre reçu (012) : mettez la valeur entre guillemets, « "012" »');
    expect(m).not.toMatch(/manquant/);
  });
  it('an empty value is « vide », with a hint only when the field is optional', () => {
    expect(translateIssue(issueOf(S, { name: null, count: 1 }))).toBe('valeur vide : texte attendu');
    expect(translateIssue(issueOf(S, { name: 'a', count: 1, flag: null }), { optional: true })).toBe(
      'valeur vide : booléen (true ou false) attendu (champ facultatif : supprimez la ligne si la valeur est inconnue)',
    );
  });
  it('a decimal where an integer is expected, a quoted number', () => {
    expect(translateIssue(issueOf(S, { name: 'a', count: 1.5 }))).toBe('type incorrect : nombre entier attendu, nombre décimal reçu (1.5)');
    expect(translateIssue(issueOf(S, { name: 'a', count: '2' }))).toBe('type incorrect : nombre attendu, texte reçu (« 2 ») : retirez les guillemets');
  });
  it('too small: an empty list, an empty text', () => {
    expect(translateIssue(issueOf(z.array(z.string()).min(1), []))).toBe('liste vide : au moins un élément attendu');
    expect(translateIssue(issueOf(z.string().min(1), ''))).toBe('texte vide');
  });
});

describe('helpers', () => {
  it('suggests a close field name, a swap of two letters counting as one edit', () => {
    expect(closest('emial', ['email', 'phone'])).toBe('email');
    expect(closest('Email', ['email'])).toBe('email');
    expect(closest('remarque', ['email', 'phone'])).toBeUndefined();
    expect(unknownFieldMessage('fonction', ['function', 'firstName'])).toBe('champ inconnu : « fonction » (vouliez-vous dire « function » ?)');
  });
  it('keeps a message on one line', () => {
    expect(oneLine('a\nb\tc\u0007')).toBe('a\\nb\\tc\\u0007');
    expect(unknownFieldMessage('a\nb', [])).toBe('champ inconnu : « a\\nb »');
  });
  it('words YAML errors in French, whatever the code', () => {
    expect(yamlErrorMessage('DUPLICATE_KEY', '', 'id')).toBe('YAML invalide : clé « id » en double ; un champ ne peut figurer qu’une fois par objet');
    expect(yamlErrorMessage('SOMETHING_NEW', 'Whatever')).toBe('YAML invalide : erreur de syntaxe');
  });
});
