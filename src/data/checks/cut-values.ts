/**
 * Values that end with a link word (« Grand Dijon pour », « Île-de-France et », « boulevard
 * des »): a name, a title, a list item or a paragraph never ends with « et », « de », « pour »…
 * The value was cut while typing, and the documents, which print words after it, would read
 * wrong: « … Île-de-France et et Saint-Apollinaire » in a list of communes (fuzz seed 20261210,
 * case 3745: `policyCommunes`), « Grand Dijon pour pour … » (the linter's `doubled-word`).
 *
 * One check for every free-text field of every entity, derived from the schemas
 * (`textLeaves`): a field added to a schema is checked without a line here. Warnings at the
 * field, with the fix. People's own names are left out: the register prints them as they are,
 * followed by punctuation, and a particle may close a family name in other languages.
 */
import { ObservatorySchema, OrganisationSchema, PartnerSchema, PersonSchema, SignatorySchema, DeliberationSchema } from '../../schema/index.js';
import { fold } from '../../lint/text/organisations.js';
import { textLeaves } from '../schema-walk.js';
import type { DataProblem, DatasetView, EntityKind } from '../types.js';
import type { z } from 'zod';

/** Words a value never ends with (folded: lower case, no accent). */
const TRAILING_LINKS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'ou', 'pour', 'par', 'sur', 'a', 'au', 'aux', 'en', 'avec', 'dans', 'entre', 'vers', 'chez']);

/** Fields that are not printed as running text, or are people's own names. */
const NOT_CHECKED: ReadonlySet<string> = new Set(['firstName', 'lastName', 'published', 'note']);

/** The link word a value ends with (« et », « d’ », « à, »: punctuation after it aside), or undefined. */
export function trailingLink(value: string): string | undefined {
  const last = value.replace(/[\s,;:.…]+$/u, '').split(/\s+/u).at(-1) ?? '';
  if (TRAILING_LINKS.has(fold(last.normalize('NFC'))) || /^[dl]['’]$/iu.test(last)) return last;
  return undefined;
}

export function cutValueProblems(d: DatasetView): DataProblem[] {
  const out: DataProblem[] = [];
  const visit = (kind: EntityKind, id: string, schema: z.ZodType, entity: unknown): void => {
    for (const leaf of textLeaves(schema, entity)) {
      const key = leaf.path.at(-1);
      if (typeof key === 'string' && NOT_CHECKED.has(key)) continue;
      const last = trailingLink(leaf.value);
      if (last === undefined) continue;
      out.push({
        severity: 'warning',
        code: 'inconsistent',
        message: `« ${leaf.value.trim()} » se termine par « ${last} » : la valeur semble tronquée, et les documents la font suivre d’autres mots (« … ${last} pour … », « … ${last} et … » : convkit lint relèverait un mot répété ou une phrase coupée). Complétez-la ou retirez « ${last} »`,
        location: d.sources.locate(kind, id, leaf.path) ?? { file: d.root },
      });
    }
  };
  if (d.observatory) visit('observatory', 'observatory', ObservatorySchema, d.observatory);
  for (const o of d.organisations.values()) visit('organisation', o.id, OrganisationSchema, o);
  for (const p of d.partners) visit('partner', p.id, PartnerSchema, p);
  for (const s of d.signatories) visit('signatory', s.id, SignatorySchema, s);
  for (const p of d.people.values()) visit('person', p.id, PersonSchema, p);
  for (const x of d.deliberations) visit('deliberation', x.id, DeliberationSchema, x);
  return out;
}
