import { z } from 'zod';

/** Ids name files and output paths: lower-case ASCII, digits and dashes, never `..` or `/`. */
export const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'identifiant invalide : lettres minuscules, chiffres et tirets seulement (ex. « caf-21 »)',
  })
  .max(64)
  .describe('Identifiant : lettres minuscules, chiffres et tirets (ex. « caf-21 »)');

/** ISO calendar date « 2014-06-26 »; checked to be a real day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date attendue au format AAAA-MM-JJ' })
  .refine(
    (s) => {
      // A malformed string is reported by the regex alone, not also as « date inexistante ».
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    },
    { message: 'date inexistante' },
  )
  .describe('Date au format AAAA-MM-JJ (ex. « 2014-06-26 »)');

/** French phone number as printed: « 03 80 50 35 44 » (10 digits, grouped by two). */
export const Phone = z
  .string()
  .regex(/^0[1-9](?: \d{2}){4}$/, { message: 'numéro de téléphone attendu au format « 03 80 50 35 44 »' })
  .describe('Numéro de téléphone : dix chiffres groupés par deux (« 03 80 50 35 44 »)');

export const Email = z.email({ message: 'adresse électronique invalide' }).describe('Adresse électronique');

/** Grammatical gender of a name: drives agreement (« informé » / « informée »). */
export const Gender = z.enum(['m', 'f']).describe('Genre grammatical du nom : « m » (le Grand Dijon) ou « f » (la CAF)');

/**
 * How the name takes its article: « la CAF », « l'URSSAF », « le Grand Dijon », or no article
 * at all (« Pôle Emploi »). `elided` is used before a vowel or mute h.
 */
export const ArticleForm = z
  .enum(['le', 'la', 'elided', 'none'])
  .describe('Article du nom : « le », « la », « elided » (« l’URSSAF ») ou « none » (« Pôle Emploi »)');

/** A postal address, one entry per printed segment (« 40, avenue du Drapeau », « BP 17510 »). */
export const Address = z
  .array(z.string().min(1))
  .min(1)
  .describe('Adresse postale, une ligne par élément (« 40, avenue du Drapeau », « BP 17510 », « 21075 DIJON CEDEX »)');

/** A notice period in months (« deux mois », « un mois »). */
export const Months = z.number().int().min(1).max(24).describe('Durée en mois (1 à 24)');
