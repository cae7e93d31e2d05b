import { z } from 'zod';
import { Address, ArticleForm, Gender, Id } from './common.js';

/** What every organisation has: names with their grammar, address, representative. */
export const OrganisationFields = {
  id: Id.describe('Identifiant, égal au nom du fichier sans « .yaml »'),
  /** Full legal name, without article: « Caisse d'Allocations Familiales de la Côte d'Or ». */
  legalName: z.string().min(1).describe('Nom officiel complet, sans article (« Caisse d’Allocations Familiales de la Côte d’Or »)'),
  /** Name used in the body of the text: « CAF de la Côte d'Or », « Pôle Emploi ». */
  shortName: z.string().min(1).describe('Nom employé dans le texte (« CAF de la Côte d’Or », « Pôle Emploi »)'),
  /** Gender and article of `shortName` (« le Grand Dijon », « l'URSSAF », « Pôle Emploi »). */
  gender: Gender,
  article: ArticleForm,
  /** Gender and article of `legalName` when they differ (« la Communauté … » but « le Grand Dijon »). */
  legalGender: Gender.optional().describe('Genre du nom officiel quand il diffère de celui du nom court'),
  legalArticle: ArticleForm.optional().describe('Article du nom officiel quand il diffère de celui du nom court'),
  address: Address.optional(),
  /** Person id of the representative who signs. */
  representative: Id.optional().describe('Identifiant (data/people/) de la personne qui signe'),
  /** Title of the representative in the signature block and the parties: « Président », « Directeur ». */
  representativeTitle: z
    .string()
    .min(1)
    .optional()
    .describe('Titre du signataire (« Président », « Directeur », « Maire ») ; il s’accorde avec la civilité du représentant (« Directrice » pour une femme)'),
  /** Print the title exactly as typed, without agreeing it with the representative's gender. */
  representativeTitleAsTyped: z
    .boolean()
    .optional()
    .describe('true : le titre est imprimé tel que saisi, sans accord avec la civilité du représentant (« Madame le Directeur »)'),
} as const;

/** The coordinator (« le Grand Dijon ») or the contractor (Compas-tis). */
export const OrganisationSchema = z.strictObject({
  ...OrganisationFields,
  /** « le Grand Dijon »: the designation the parties block defines (« ci-après désignée … »). */
  designation: z.string().min(1).optional().describe('Désignation dans les parties : « ci-après désigné(e) … » (« le Grand Dijon »)'),
  siret: z
    .string()
    .regex(/^\d{14}$/, { message: 'SIRET attendu : 14 chiffres' })
    .optional()
    .describe('Numéro SIRET, 14 chiffres sans espace (acte d’engagement du prestataire)'),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
