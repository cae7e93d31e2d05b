import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { TermsSchema } from './partner.js';

/** The observatory: what every document shares. */
export const ObservatorySchema = z.strictObject({
  /** « Observatoire de la Cohésion Sociale ». */
  name: z.string().min(1),
  /** Running header of every page. */
  header: z.string().min(1),
  /** Organisation id of the coordinator (« le Grand Dijon »). */
  coordinator: Id,
  /** Organisation id of the contractor (Compas-tis). */
  contractor: Id,
  /** Name of the data tool (« Babord »). */
  tool: z.string().min(1),
  /** File formats in which data are collected. */
  dataFormats: z.array(z.string().min(1)).min(1),
  /** Communes of the « Politique de la Ville », as printed in the preamble. */
  policyCommunes: z.array(z.string().min(1)).min(1),
  /** Where documents are signed (« Fait à Dijon »). */
  place: z.string().min(1),
  /** The deliberation approving the conventions: its id under data/deliberations and its date. */
  deliberation: z.strictObject({ id: Id.optional(), date: IsoDate, body: z.string().min(1) }),
  /** Person ids of the coordinator's and the contractor's referents, listed in every referent annex. */
  coordinatorReferents: z.array(Id).min(1),
  contractorReferents: z.array(Id).min(1),
  /** Default terms of every convention. */
  terms: TermsSchema,
});
export type Observatory = z.infer<typeof ObservatorySchema>;
