import { z } from 'zod';
import {
  DeliberationSchema,
  EDITOR_INPUT_SCHEMAS,
  ObservatorySchema,
  OrganisationSchema,
  PartnerSchema,
  PeopleFileSchema,
  SignatorySchema,
} from '../schema/index.js';

/**
 * The data files an editor can check as the clerk types, by schema name: each file's
 * `# yaml-language-server: $schema=…/schemas/<name>.schema.json` modeline points at one.
 */
export const DATA_FILE_SCHEMAS = {
  observatory: { schema: ObservatorySchema, title: 'Observatoire (data/observatory.yaml)' },
  organisation: { schema: OrganisationSchema, title: 'Coordinateur ou prestataire (data/organisations/<id>.yaml)' },
  partner: { schema: PartnerSchema, title: 'Partenaire fournisseur de données (data/partners/<id>.yaml)' },
  signatory: { schema: SignatorySchema, title: 'Commune ou CCAS signataire de la charte (data/signatories/<id>.yaml)' },
  people: { schema: PeopleFileSchema, title: 'Personnes : référents et représentants (data/people/<nom>.yaml)' },
  deliberation: { schema: DeliberationSchema, title: 'Délibération (data/deliberations/<id>.yaml)' },
} as const satisfies Record<string, { schema: z.ZodType; title: string }>;

export type DataFileSchemaName = keyof typeof DATA_FILE_SCHEMAS;

/**
 * The JSON Schema of one kind of data file, generated from its zod schema. `io: 'input'`
 * describes what the clerk writes (fields with a default are optional). Draft-07 is the version
 * the YAML editors' language server (yaml-language-server, used by VS Code) fully supports.
 * Refinements that JSON Schema cannot express (a date that exists) are checked by
 * `convkit validate` only.
 */
export function dataFileJsonSchema(name: DataFileSchemaName): Record<string, unknown> {
  const { schema, title } = DATA_FILE_SCHEMAS[name];
  const generated = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-07',
    unrepresentable: 'any',
    // A field that normalises what the clerk types (a pasted phone) describes what it accepts.
    override: (ctx) => {
      const custom = EDITOR_INPUT_SCHEMAS.get(ctx.zodSchema as unknown as z.ZodType);
      if (!custom) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
      Object.assign(ctx.jsonSchema, structuredClone(custom));
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, title: `convkit : ${title}`, ...rest };
}

/**
 * Every committed `schemas/<name>.schema.json`, file name → exact text (2-space JSON, final
 * newline). Written by `scripts/write-json-schemas.mjs`; a test fails when the committed files
 * differ from this.
 */
export function dataFileJsonSchemaTexts(): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const name of Object.keys(DATA_FILE_SCHEMAS).sort() as DataFileSchemaName[]) {
    out.set(`${name}.schema.json`, `${JSON.stringify(dataFileJsonSchema(name), null, 2)}\n`);
  }
  return out;
}
