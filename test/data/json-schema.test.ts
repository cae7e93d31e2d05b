import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_SCHEMAS, dataFileJsonSchemaTexts } from '../../src/data/json-schema.js';
import { BUNDLED_DATA } from './fixture.js';

const SCHEMAS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schemas');
const REGENERATE = 'npm run build && node scripts/write-json-schemas.mjs';

describe('committed JSON Schemas (schemas/*.schema.json)', () => {
  it(`equal a fresh generation from the zod schemas (if not: ${REGENERATE})`, () => {
    const fresh = dataFileJsonSchemaTexts();
    const committed = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json')).sort();
    expect(committed, `schemas/ en trop ou manquants ; régénérez : ${REGENERATE}`).toEqual([...fresh.keys()].sort());
    for (const [name, text] of fresh) {
      expect(readFileSync(path.join(SCHEMAS_DIR, name), 'utf8'), `schemas/${name} périmé ; régénérez : ${REGENERATE}`).toBe(text);
    }
  });

  it('are JSON with a draft-07 $schema, a title, and no required field that has a default', () => {
    for (const name of Object.keys(DATA_FILE_SCHEMAS)) {
      const schema = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, `${name}.schema.json`), 'utf8')) as Record<string, unknown>;
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      expect(String(schema.title)).toMatch(/^convkit : /);
    }
    const partner = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, 'partner.schema.json'), 'utf8')) as { required: string[] };
    // io: 'input': fields with a default (clauses, engagementAct) may be left out by the clerk.
    expect(partner.required).not.toContain('clauses');
    expect(partner.required).not.toContain('engagementAct');
    expect(partner.required).toContain('referents');
  });

  it('are named by every data file modeline, and every bundled data file validates against its schema', () => {
    const files = listYaml(BUNDLED_DATA);
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(text)?.[1];
      expect(modeline, `${file} : modeline yaml-language-server manquante`).toBeDefined();
      const target = path.resolve(path.dirname(file), modeline ?? '');
      expect(path.dirname(target)).toBe(SCHEMAS_DIR);
      const schema = JSON.parse(readFileSync(target, 'utf8')) as JsonSchema;
      expect(validate(schema, parse(text), path.relative(BUNDLED_DATA, file)), file).toEqual([]);
    }
  });

  it('reject what the loader rejects (the tiny validator below is not vacuous)', () => {
    const schema = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, 'people.schema.json'), 'utf8')) as JsonSchema;
    expect(validate(schema, { people: [{ id: 'x', civility: 'Mme', lastName: 'X', emial: 'a' }] }, 'p')).toEqual(['p/people/0 : champ inconnu emial']);
    expect(validate(schema, { people: [{ id: 'X Y', civility: 'Mme', lastName: 'X', phone: 380 }] }, 'p')).toEqual([
      'p/people/0/id : motif',
      'p/people/0/phone : aucune forme admise',
    ]);
  });

  it('let the editor accept the phones and e-mails convkit normalises, and flag what it refuses', () => {
    const schema = JSON.parse(readFileSync(path.join(SCHEMAS_DIR, 'people.schema.json'), 'utf8')) as JsonSchema;
    const person = (extra: Record<string, unknown>): unknown => ({ people: [{ id: 'x', civility: 'Mme', lastName: 'X', ...extra }] });
    for (const phone of ['03 80 50 35 44', '03.80.50.35.44', '+33 3 80 50 35 44', '03-80-50-35-44', '03\u00a080\u202f50\u200935\u00a044', '0380503544', 380503544, '03 80 50 35 44 poste 12']) {
      expect(validate(schema, person({ phone }), 'p'), String(phone)).toEqual([]);
    }
    for (const phone of ['03 80 5', 'abc', 380, '+41 22 123 45 67']) {
      expect(validate(schema, person({ phone }), 'p'), String(phone)).toEqual(['p/people/0/phone : aucune forme admise']);
    }
    expect(validate(schema, person({ email: ' Sylvie.Tartesse@Compas-TIS.com ' }), 'p')).toEqual([]);
    expect(validate(schema, person({ email: 'jean@' }), 'p')).toEqual(['p/people/0/email : motif']);
  });
});

function listYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listYaml(path.join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
}

/** The subset of draft-07 that zod emits for these schemas; returns the violations found. */
function validate(s: JsonSchema, v: unknown, at: string): string[] {
  if (s.anyOf || s.oneOf) {
    const options = s.anyOf ?? s.oneOf ?? [];
    const passing = options.filter((o) => validate(o, v, at).length === 0).length;
    return (s.oneOf ? passing === 1 : passing >= 1) ? [] : [`${at} : aucune forme admise`];
  }
  const out: string[] = [];
  const typeOk =
    s.type === undefined ||
    (s.type === 'object' && v !== null && typeof v === 'object' && !Array.isArray(v)) ||
    (s.type === 'array' && Array.isArray(v)) ||
    (s.type === 'string' && typeof v === 'string') ||
    (s.type === 'boolean' && typeof v === 'boolean') ||
    (s.type === 'integer' && Number.isInteger(v)) ||
    (s.type === 'number' && typeof v === 'number');
  if (!typeOk) return [`${at} : type ${s.type ?? ''} attendu`];
  if (s.enum && !s.enum.includes(v)) out.push(`${at} : enum`);
  if (s.const !== undefined && s.const !== v) out.push(`${at} : const`);
  if (typeof v === 'string') {
    if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) out.push(`${at} : motif`);
    if (s.minLength !== undefined && [...v].length < s.minLength) out.push(`${at} : minLength`);
    if (s.maxLength !== undefined && [...v].length > s.maxLength) out.push(`${at} : maxLength`);
  }
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum) out.push(`${at} : minimum`);
    if (s.maximum !== undefined && v > s.maximum) out.push(`${at} : maximum`);
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) out.push(`${at} : minItems`);
    if (s.items) v.forEach((x, i) => out.push(...validate(s.items as JsonSchema, x, `${at}/${i}`)));
  }
  if (s.type === 'object' && v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in o)) out.push(`${at} : champ obligatoire ${r}`);
    for (const [k, x] of Object.entries(o)) {
      const p = s.properties?.[k];
      if (p) out.push(...validate(p, x, `${at}/${k}`));
      else if (s.additionalProperties === false) out.push(`${at} : champ inconnu ${k}`);
    }
  }
  return out;
}
