import { z } from 'zod';
import { Email, Gender, Id, Phone } from './common.js';

/**
 * A person, kept once and referenced by id from every annex, signature block and deliberation.
 * A value the sources leave blank (« [tél] », « [fonction] ») is simply absent: the document
 * then shows a visible blank and `convkit validate` warns.
 */
export const PersonSchema = z.strictObject({
  id: Id.describe('Identifiant de la personne, repris par les référents et représentants (ex. « sylvie-tartesse »)'),
  civility: z.enum(['M.', 'Mme']).describe('Civilité : « M. » ou « Mme »'),
  firstName: z.string().min(1).optional().describe('Prénom ; absent, un blanc à compléter figure dans les documents'),
  lastName: z.string().min(1).describe('Nom, en capitales comme dans les documents (« TARTESSE »)'),
  /** Id of the organisation (coordinator, contractor, partner, signatory) the person works for. */
  organisation: Id.optional().describe('Identifiant de l’organisation, du partenaire ou du signataire de la personne'),
  function: z.string().min(1).optional().describe('Fonction (« Chargée d’études ») ; absente, un blanc à compléter figure dans l’annexe des référents'),
  phone: Phone.optional(),
  email: Email.optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PeopleFileSchema = z.strictObject({
  people: z.array(PersonSchema).min(1).describe('Les personnes de ce fichier : référents et représentants'),
});
export type PeopleFile = z.infer<typeof PeopleFileSchema>;

/** Gender is derived from the civility. */
export function personGender(p: Pick<Person, 'civility'>): z.infer<typeof Gender> {
  return p.civility === 'Mme' ? 'f' : 'm';
}
