import { z } from 'zod';
import { IsoDate } from './common.js';
import { OrganisationFields } from './organisation.js';

/** A commune or CCAS that signs the data-use charter. */
export const SignatorySchema = z.strictObject({
  ...OrganisationFields,
  type: z.enum(['commune', 'ccas']),
  /** Date of signature once signed; absent: the date is left blank to fill by hand. */
  signedOn: IsoDate.optional(),
});
export type Signatory = z.infer<typeof SignatorySchema>;
