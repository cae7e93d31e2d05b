/**
 * fast-check arbitraries derived from the zod schemas (issue 16): the schemas are walked, not
 * a hand list of fields. Every field of every entity kind can be drawn: valid values for each
 * type (ids become references to other existing ids, dates, phones, e-mails, enums, numbers
 * within their bounds), realistic French strings for texts, lists grown and shrunk, optional
 * fields removed.
 */
import fc from 'fast-check';
import { z } from 'zod';
import { targetsOf } from '../../src/data/checks/raw-references.js';
import { isIdSchema, unwrapSchema } from '../../src/data/schema-walk.js';
import { Email, Phone } from '../../src/schema/common.js';
import type { EntityKind } from '../../src/data/types.js';

/** Existing ids by kind, the pool references are drawn from. */
export type IdPools = Readonly<Partial<Record<EntityKind, readonly string[]>>>;

type Path = readonly (string | number)[];

/** Optional, default, nullable, readonly, pipe: the schema inside, and whether it may be left out. */
export const unwrap = unwrapSchema;

function checksOf(s: z.ZodType): { check?: string; minimum?: number; maximum?: number; pattern?: RegExp; format?: string }[] {
  return ((s._zod.def as { checks?: { _zod: { def: object } }[] }).checks ?? []).map((c) => c._zod.def as { check?: string; minimum?: number; maximum?: number; pattern?: RegExp });
}

// ---------------------------------------------------------------------------------------------
// Realistic French strings

const NBSP = '\u00a0';
const WORDS = [
  'Caisse', 'd’Allocations', "d'Allocations", 'Familiales', 'Côte', 'd’Or', 'Saône-et-Loire', 'Émile', 'Élise', 'Hélène', 'François',
  'Mission', 'Locale', 'Communauté', 'Centre', 'Œuvre', 'Maison', 'l’Emploi', "l'Emploi", 'Bourgogne-Franche-Comté', 'Val-de-Saône',
  'Fontaine-lès-Dijon', 'Saint-Apollinaire', 'Chenôve', 'à', 'de', 'la', 'du', 'des', 'et', 'pour', 'sur', 'cohésion', 'sociale', 'délégué',
  'déléguée', 'Vice-Président', 'Directrice', 'général', 'adjointe', 'quartier', 'Île-de-France', 'Ça', 'Zoë', 'ÉTUDES', 'D’ARC',
];
const WORD = fc.constantFrom(...WORDS);
/** A piece of text: a word, or one of the punctuations a clerk types. */
/** No word twice in a row: a doubled word is a typo the linter rightly reports (doubled-word). */
const noDouble = (words: readonly string[]): boolean => words.every((w, i) => i === 0 || w.toLowerCase() !== (words[i - 1] as string).toLowerCase());
const PIECE = fc.oneof(
  { weight: 8, arbitrary: WORD },
  { weight: 1, arbitrary: WORD.map((w) => `«${NBSP}${w}${NBSP}»`) },
  { weight: 1, arbitrary: WORD.map((w) => `(${w})`) },
  { weight: 1, arbitrary: WORD.map((w) => `${w},`) },
  { weight: 1, arbitrary: WORD.map((w) => `${w}${NBSP}:`) },
  { weight: 1, arbitrary: fc.constantFrom('&', '–', '-', '<', '>', ';') },
);

/**
 * No word typed twice in a row in the text itself (« adjointe adjointe : », pieces that
 * differ only by their punctuation): a real typo that doubled-word reports, the same pattern.
 */
export const untyped = (text: string): boolean => !/(?<![\p{L}'’-])(\p{L}+)\s+\1(?![\p{L}'’-])/iu.test(text);

/** Realistic French text of 1 to 8 pieces, or a long (100 characters) name. */
export function frenchText(min = 1): fc.Arbitrary<string> {
  const text = fc.array(PIECE, { minLength: 1, maxLength: 8 }).filter(noDouble).map((p) => p.join(' ')).filter(untyped);
  const long = fc.array(WORD, { minLength: 20, maxLength: 30 }).filter(noDouble).map((w) => w.join(' ').slice(0, 100).trim());
  return fc.oneof({ weight: 9, arbitrary: text }, { weight: 1, arbitrary: long }).filter((s) => s.length >= min);
}

/** A person's family name as clerks write them: capitals, particles, hyphens, both apostrophes. */
export const FAMILY_NAME = fc
  .array(fc.constantFrom('DUBOIS', 'DE', 'LA', 'TOUR', 'D’AUVERGNE-LAURAGUAIS', "D'ARC", 'DU', 'PLESSIS', 'LE', 'GALL', 'N’DIAYE', 'ÉLOI', 'MÜLLER'), { minLength: 1, maxLength: 7 })
  .filter(noDouble)
  .map((w) => w.join(' '));
export const GIVEN_NAME = fc.constantFrom('Claire', 'Jean-François', 'Anne-Sophie', 'Lê Chinh', 'Zoë', 'Éloïse', 'Marc');

const DATE = fc.date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const PHONE = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 4, maxLength: 4 })).map(
  ([a, rest]) => `0${a} ${rest.map((n) => String(n).padStart(2, '0')).join(' ')}`,
);
const EMAIL = fc.tuple(fc.constantFrom('claire.dubois', 'jf-martin', 'accueil'), fc.constantFrom('caf.fr', 'ville-dijon.fr', 'grand-dijon.fr')).map(([a, b]) => `${a}@${b}`);
/** Phones and e-mails as people paste them (the schema normalises them: issue 9.2). */
const PASTED_PHONE = fc.tuple(PHONE, fc.constantFrom('plain', 'dots', 'dashes', 'intl', 'nbsp', 'packed', 'extension')).map(([p, form]) => {
  const digits = p.replace(/ /g, '');
  switch (form) {
    case 'dots':
      return p.replace(/ /g, '.');
    case 'dashes':
      return p.replace(/ /g, '-');
    case 'intl':
      return `+33 ${digits.slice(1, 2)} ${p.slice(3)}`;
    case 'nbsp':
      return p.replace(/ /g, '\u202f');
    case 'packed':
      return digits;
    case 'extension':
      return `${p} poste 12`;
    default:
      return p;
  }
});
const PASTED_EMAIL = fc.tuple(EMAIL, fc.boolean(), fc.boolean()).map(([e, upper, spaced]) => {
  const cased = upper ? e.replace(/^./, (c) => c.toUpperCase()).replace(/@(.)/, (_m, c: string) => `@${c.toUpperCase()}`) : e;
  return spaced ? `  ${cased} ` : cased;
});

/**
 * A representative's title as councils write them: a function, known to the signature
 * reader's list (ROLE in src/lint/text/signature.ts) or not (« Trésorier », « Élu référent »:
 * read by its place after the « Pour … , » heading), then a complement with commas,
 * parentheses, colons, apostrophes.
 */
export const TITLE = fc
  .tuple(
    fc.constantFrom(
      'Président', 'Présidente', 'Vice-Président', 'Directeur', 'Directrice générale', 'Maire', 'Adjointe au Maire', 'Conseiller délégué', 'Responsable',
      'Trésorier', 'Ordonnatrice', 'Élu référent', 'Premier magistrat', 'Commissaire', 'Gestionnaire',
    ),
    fc.constantFrom('', ', délégué à la cohésion sociale', ' (par intérim)', ', chargée de l’action sociale', " d'agglomération", ' : finances & solidarités', ', Vice-Président du CCAS'),
  )
  .map(([core, more]) => `${core}${more}`);

/** Names of fields drawn as a person's name or a title. */
const NAME_FIELDS: Readonly<Record<string, fc.Arbitrary<string>>> = { lastName: FAMILY_NAME, firstName: GIVEN_NAME, representativeTitle: TITLE };

// ---------------------------------------------------------------------------------------------
// Values from schemas

/** An arbitrary valid value of `schema` at `path` (its field names choose reference pools). */
export function valueOf(schema: z.ZodType, path: Path, pools: IdPools): fc.Arbitrary<unknown> {
  const s = unwrap(schema).schema;
  // Normalising schemas (a transform between what is typed and what is kept): drawn as typed.
  if (s === Phone) return PASTED_PHONE;
  if (s === Email) return PASTED_EMAIL;
  if (isIdSchema(s)) {
    const kinds = targetsOf(path);
    const pool = kinds.flatMap((k) => pools[k] ?? []);
    return pool.length > 0 ? fc.constantFrom(...pool) : fc.constantFrom('nouvel-id', 'x-21');
  }
  if (s instanceof z.ZodEmail) return EMAIL;
  if (s instanceof z.ZodString) {
    const checks = checksOf(s);
    const pattern = checks.find((c) => c.pattern)?.pattern?.source;
    if (pattern === '^\\d{4}-\\d{2}-\\d{2}$') return DATE;
    if (pattern?.startsWith('^0[1-9]')) return PHONE;
    if (pattern === '^\\d{14}$') return fc.stringMatching(/^\d{14}$/);
    if (pattern !== undefined) return fc.stringMatching(new RegExp(pattern));
    const key = [...path].reverse().find((k): k is string => typeof k === 'string');
    const named = key === undefined ? undefined : NAME_FIELDS[key];
    if (named) return named;
    return frenchText(checks.find((c) => c.check === 'min_length')?.minimum ?? 0);
  }
  if (s instanceof z.ZodEnum) return fc.constantFrom(...(s.options as readonly (string | number)[]));
  if (s instanceof z.ZodLiteral) return fc.constantFrom(...(s.values as Set<unknown>));
  if (s instanceof z.ZodBoolean) return fc.boolean();
  if (s instanceof z.ZodNumber) {
    const min = Number.isFinite(s.minValue) ? (s.minValue as number) : 0;
    const max = Number.isFinite(s.maxValue) ? (s.maxValue as number) : min + 100;
    return s.isInt ? fc.integer({ min, max: Math.min(max, min + 1000) }) : fc.double({ min, max, noNaN: true });
  }
  if (s instanceof z.ZodArray) {
    const min = checksOf(s).find((c) => c.check === 'min_length')?.minimum ?? 0;
    return fc.array(valueOf(s.element as z.ZodType, [...path, 0], pools), { minLength: min, maxLength: min + 3 });
  }
  if (s instanceof z.ZodObject) {
    const shape = s.shape as Record<string, z.ZodType>;
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    for (const [k, child] of Object.entries(shape)) {
      model[k] = valueOf(child, [...path, k], pools);
      if (!unwrap(child).optional) required.push(k);
    }
    return fc.record(model, { requiredKeys: required });
  }
  if (s instanceof z.ZodUnion) return fc.oneof(...(s.options as readonly z.ZodType[]).map((o) => valueOf(o, path, pools)));
  throw new Error(`schéma non pris en charge à ${path.join('.')} : ${s.constructor.name}`);
}

/** A field the property test may change: `*` stands for an index of an existing list item. */
export interface FieldTarget {
  readonly path: readonly (string | number | '*')[];
  readonly schema: z.ZodType;
  readonly optional: boolean;
}

/**
 * Every field of a schema, at every depth: each object key (the whole value), the keys inside
 * nested objects and inside the items of lists of objects (`*`). An entity's own `id` is left
 * out: renaming a file's id is a change of file, not of a field.
 */
export function fieldTargets(schema: z.ZodType, at: readonly (string | number | '*')[] = []): FieldTarget[] {
  const out: FieldTarget[] = [];
  const visit = (s0: z.ZodType, p: readonly (string | number | '*')[]): void => {
    const { schema: s } = unwrap(s0);
    const variants = s instanceof z.ZodUnion ? (s.options as readonly z.ZodType[]).map((o) => unwrap(o).schema) : [s];
    for (const v of variants) {
      if (v instanceof z.ZodObject) {
        for (const [k, child] of Object.entries(v.shape as Record<string, z.ZodType>)) {
          const here = [...p, k];
          if (k === 'id' && p.length <= 2) continue;
          if (!out.some((t) => t.path.join('.') === here.join('.'))) out.push({ path: here, schema: child, optional: unwrap(child).optional });
          visit(child, here);
        }
      } else if (v instanceof z.ZodArray) {
        const element = unwrap(v.element as z.ZodType).schema;
        if (element instanceof z.ZodObject || element instanceof z.ZodUnion) visit(element, [...p, '*']);
      }
    }
  };
  visit(schema, at);
  return out;
}
