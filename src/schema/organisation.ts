import { z } from 'zod';
import { Address, ArticleForm, Gender, Id } from './common.js';

/** What every organisation has: names with their grammar, address, representative. */
export const OrganisationFields = {
  id: Id,
  /** Full legal name, without article: « Caisse d'Allocations Familiales de la Côte d'Or ». */
  legalName: z.string().min(1),
  /** Name used in the body of the text: « CAF de la Côte d'Or », « Pôle Emploi ». */
  shortName: z.string().min(1),
  /** Gender and article of `shortName` (« le Grand Dijon », « l'URSSAF », « Pôle Emploi »). */
  gender: Gender,
  article: ArticleForm,
  /** Gender and article of `legalName` when they differ (« la Communauté … » but « le Grand Dijon »). */
  legalGender: Gender.optional(),
  legalArticle: ArticleForm.optional(),
  address: Address.optional(),
  /** Person id of the representative who signs. */
  representative: Id.optional(),
  /** Title of the representative in the signature block and the parties: « Président », « Directeur ». */
  representativeTitle: z.string().min(1).optional(),
} as const;

/** The coordinator (« le Grand Dijon ») or the contractor (Compas-tis). */
export const OrganisationSchema = z.strictObject({
  ...OrganisationFields,
  /** « le Grand Dijon »: the designation the parties block defines (« ci-après désignée … »). */
  designation: z.string().min(1).optional(),
  siret: z.string().regex(/^\d{14}$/, { message: 'SIRET attendu : 14 chiffres' }).optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
