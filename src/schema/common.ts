import { z } from 'zod';

/** Ids name files and output paths: lower-case ASCII, digits and dashes, never `..` or `/`. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'identifiant invalide : lettres minuscules, chiffres et tirets seulement (ex. « caf-21 »)',
  })
  .max(64);

/** ISO calendar date « 2014-06-26 »; checked to be a real day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date attendue au format AAAA-MM-JJ' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    },
    { message: 'date inexistante' },
  );

/** French phone number as printed: « 03 80 50 35 44 » (10 digits, grouped by two). */
export const Phone = z
  .string()
  .regex(/^0[1-9](?: \d{2}){4}$/, { message: 'numéro de téléphone attendu au format « 03 80 50 35 44 »' });

export const Email = z.email({ message: 'adresse électronique invalide' });

/** Grammatical gender of a name: drives agreement (« informé » / « informée »). */
export const Gender = z.enum(['m', 'f']);

/**
 * How the name takes its article: « la CAF », « l'URSSAF », « le Grand Dijon », or no article
 * at all (« Pôle Emploi »). `elided` is used before a vowel or mute h.
 */
export const ArticleForm = z.enum(['le', 'la', 'elided', 'none']);

/** A postal address, one entry per printed segment (« 40, avenue du Drapeau », « BP 17510 »). */
export const Address = z.array(z.string().min(1)).min(1);

/** A notice period in months (« deux mois », « un mois »). */
export const Months = z.number().int().min(1).max(24);
