import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { TermsSchema } from './partner.js';

/** The observatory: what every document shares. */
export const ObservatorySchema = z.strictObject({
  /** « Observatoire de la Cohésion Sociale ». */
  name: z.string().min(1).describe('Nom de l’observatoire (« Observatoire de la Cohésion Sociale »)'),
  /** Running header of every page. */
  header: z.string().min(1).describe('En-tête de chaque page'),
  /** Organisation id of the coordinator (« le Grand Dijon »). */
  coordinator: Id.describe('Identifiant (data/organisations/) du coordinateur (« grand-dijon »)'),
  /** Organisation id of the contractor (Compas-tis). */
  contractor: Id.describe('Identifiant (data/organisations/) du prestataire (« compas-tis »)'),
  /** Name of the data tool (« Babord »). */
  tool: z.string().min(1).describe('Nom de l’outil de données (« Babord »)'),
  /** File formats in which data are collected. */
  dataFormats: z.array(z.string().min(1)).min(1).describe('Formats de fichiers des données recueillies'),
  /** Communes of the « Politique de la Ville », as printed in the preamble. */
  policyCommunes: z.array(z.string().min(1)).min(1).describe('Communes de la Politique de la Ville, telles qu’imprimées dans le préambule'),
  /** Where documents are signed (« Fait à Dijon »). */
  place: z.string().min(1).describe('Lieu de signature (« Fait à Dijon »)'),
  /** The deliberation approving the conventions: its id under data/deliberations and its date. */
  deliberation: z
    .strictObject({ id: Id.optional(), date: IsoDate, body: z.string().min(1) })
    .describe('Délibération qui approuve les conventions : identifiant (data/deliberations/), date, assemblée'),
  /** Person ids of the coordinator's and the contractor's referents, listed in every referent annex. */
  coordinatorReferents: z.array(Id).min(1).describe('Référents du coordinateur (identifiants de data/people/), listés dans chaque annexe des référents'),
  contractorReferents: z.array(Id).min(1).describe('Référents du prestataire (identifiants de data/people/), listés dans chaque annexe des référents'),
  /** Default terms of every convention. */
  terms: TermsSchema.describe('Durée et résiliation par défaut de chaque convention'),
});
export type Observatory = z.infer<typeof ObservatorySchema>;
