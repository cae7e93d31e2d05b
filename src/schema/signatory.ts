import { z } from 'zod';
import { IsoDate } from './common.js';
import { OrganisationFields } from './organisation.js';

/** A commune or CCAS that signs the data-use charter. */
export const SignatorySchema = z.strictObject({
  ...OrganisationFields,
  type: z.enum(['commune', 'ccas']).describe('« commune » ou « ccas »'),
  /** Date of signature once signed; absent: the date is left blank to fill by hand. */
  signedOn: IsoDate.optional().describe('Date de signature de la charte ; absente, la date est laissée en blanc pour être écrite à la main'),
});
export type Signatory = z.infer<typeof SignatorySchema>;
