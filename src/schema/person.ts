import { z } from 'zod';
import { Email, Gender, Id, Phone } from './common.js';

/**
 * A person, kept once and referenced by id from every annex, signature block and deliberation.
 * A value the sources leave blank (« [tél] », « [fonction] ») is simply absent: the document
 * then shows a visible blank and `convkit validate` warns.
 */
export const PersonSchema = z.strictObject({
  id: Id,
  civility: z.enum(['M.', 'Mme']),
  firstName: z.string().min(1).optional(),
  lastName: z.string().min(1),
  /** Id of the organisation (coordinator, contractor, partner, signatory) the person works for. */
  organisation: Id.optional(),
  function: z.string().min(1).optional(),
  phone: Phone.optional(),
  email: Email.optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PeopleFileSchema = z.strictObject({
  people: z.array(PersonSchema).min(1),
});
export type PeopleFile = z.infer<typeof PeopleFileSchema>;

/** Gender is derived from the civility. */
export function personGender(p: Pick<Person, 'civility'>): z.infer<typeof Gender> {
  return p.civility === 'Mme' ? 'f' : 'm';
}
