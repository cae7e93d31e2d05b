import { z } from 'zod';
import { HOUSE_PHONE, normaliseEmail, normalisePhone, phoneFromNumber } from '../french/contact.js';

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

/**
 * JSON Schemas that editors should see for the *input* of a field whose zod schema transforms
 * what the clerk types (a phone pasted as « 03.80.50.35.44 »): what JSON Schema cannot derive
 * from a transform. Read by src/data/json-schema.ts.
 */
export const EDITOR_INPUT_SCHEMAS = new Map<z.ZodType, Record<string, unknown>>();

/**
 * French phone number, normalised to the house format « 03 80 50 35 44 » (« … poste 12 » with an
 * extension) from what people paste: « 03.80.50.35.44 », « +33 3 80 50 35 44 »,
 * « 03-80-50-35-44 », no-break or thin spaces, « 0380503544 », and the number YAML reads from an
 * unquoted 0380503544. Anything else is refused with the reason (and the value to paste when it
 * can be guessed).
 */
export const Phone = z
  .preprocess(
    (v, ctx) => {
      if (typeof v !== 'number') return v;
      const phone = phoneFromNumber(v);
      if (phone !== undefined) return phone;
      ctx.addIssue({ code: 'custom', message: 'numéro de téléphone invalide : dix chiffres attendus, « 03 80 50 35 44 »', input: v });
      return z.NEVER;
    },
    z.string().transform((s, ctx) => {
      const r = normalisePhone(s);
      if (r.ok) return r.value;
      ctx.addIssue({ code: 'custom', message: r.reason, input: s });
      return z.NEVER;
    }),
  )
  .pipe(z.string().regex(HOUSE_PHONE, { message: 'numéro de téléphone attendu au format « 03 80 50 35 44 »' }))
  .describe('Numéro de téléphone : dix chiffres groupés par deux (« 03 80 50 35 44 »), suivis au besoin de « poste 12 »');
EDITOR_INPUT_SCHEMAS.set(Phone, {
  description:
    'Numéro de téléphone (« 03 80 50 35 44 », au besoin suivi de « poste 12 ») ; convkit accepte aussi « 03.80.50.35.44 », « 03-80-50-35-44 », « +33 3 80 50 35 44 », « 0380503544 » et le ramène à « 03 80 50 35 44 »',
  anyOf: [
    {
      type: 'string',
      pattern: '^\\s*(?:(?:\\+|00)33[\\s.\\-]*(?:\\(0\\)[\\s.\\-]*)?[1-9]|0[1-9])(?:[\\s.\\-/]*\\d){8}(?:[\\s,;]*(?:[Pp]oste|[Pp]\\.|[Ee]xt\\.?|[Ee]xtension)\\s*:?\\s*\\d{1,6})?\\s*$',
    },
    { type: 'integer', minimum: 100000000, maximum: 999999999 },
  ],
});

/**
 * E-mail address, trimmed (any kind of space), without « mailto: » or « < > », in lower case:
 * « Sylvie.Tartesse@Compas-TIS.com » becomes « sylvie.tartesse@compas-tis.com ».
 */
export const Email = z
  .string()
  .transform((s, ctx) => {
    const r = normaliseEmail(s);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.reason, input: s });
    return z.NEVER;
  })
  .pipe(z.email({ message: 'adresse électronique invalide' }))
  .describe('Adresse électronique');
EDITOR_INPUT_SCHEMAS.set(Email, {
  description: 'Adresse électronique (« prenom.nom@exemple.fr ») ; convkit retire les espaces autour et la met en minuscules',
  type: 'string',
  pattern: '^\\s*(?:mailto:)?<?[^\\s@<>]+@[^\\s@<>]+\\.[A-Za-z]{2,}>?\\s*$',
});

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
