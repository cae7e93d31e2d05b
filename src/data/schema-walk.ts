import { z } from 'zod';
import { Email, Phone } from '../schema/common.js';

/** What the schema says about the value at a path: used to word messages truthfully. */
export interface FieldInfo {
  /** The field may be left out (optional, or it has a default). */
  readonly optional: boolean;
  /** Field names admitted by the object(s) at the path (for « did you mean »). */
  readonly keys: readonly string[];
}

/**
 * Walks a zod schema along a data path (object keys, array indices), through optional, default,
 * nullable, readonly and pipe wrappers and every branch of a union. Unknown shapes end the walk
 * with an empty answer: this only refines messages, it never decides validity.
 */
export function fieldInfo(schema: z.ZodType, path: readonly (string | number)[]): FieldInfo {
  let current: { schema: z.ZodType; optional: boolean }[] = [unwrap(schema, false)];
  for (const k of path) {
    const next: { schema: z.ZodType; optional: boolean }[] = [];
    for (const { schema: s } of current.flatMap((c) => branches(c.schema))) {
      if (s instanceof z.ZodObject && typeof k === 'string') {
        const child = (s.shape as Record<string, z.ZodType>)[k];
        if (child) next.push(unwrap(child, false));
      } else if (s instanceof z.ZodArray && typeof k === 'number') {
        next.push(unwrap(s.element as z.ZodType, false));
      }
    }
    current = next;
    if (current.length === 0) return { optional: false, keys: [] };
  }
  const keys = new Set<string>();
  for (const { schema: s } of current.flatMap((c) => branches(c.schema))) {
    if (s instanceof z.ZodObject) for (const key of Object.keys(s.shape as object)) keys.add(key);
  }
  return { optional: current.some((c) => c.optional), keys: [...keys] };
}

/** A schema seen through its wrappers, with what the wrappers said. */
export interface Unwrapped {
  readonly schema: z.ZodType;
  /** A wrapper made the value optional (optional, default, prefault). */
  readonly optional: boolean;
  /** The first `.describe()` text met from the outside in. */
  readonly description?: string;
}

/**
 * A schema through its optional, default, nullable, readonly and pipe wrappers. The
 * normalising schemas (Phone, Email: what is typed → the house format) are leaves: their pipe
 * is not opened, so every walker (field messages, workspace forms, property tests) sees them as
 * the text fields they are.
 */
export function unwrapSchema(schema: z.ZodType): Unwrapped {
  let s = schema;
  let optional = false;
  let description = s.description;
  for (let guard = 0; guard < 20; guard++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault) {
      optional = true;
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodNullable || s instanceof z.ZodReadonly) {
      s = s.unwrap() as z.ZodType;
    } else if (s instanceof z.ZodPipe && s !== Phone && s !== Email) {
      s = s.in as z.ZodType;
    } else break;
    description ??= s.description;
  }
  return { schema: s, optional, ...(description ? { description } : {}) };
}

function unwrap(schema: z.ZodType, optional: boolean): { schema: z.ZodType; optional: boolean } {
  const u = unwrapSchema(schema);
  return { schema: u.schema, optional: optional || u.optional };
}

function branches(schema: z.ZodType): { schema: z.ZodType; optional: boolean }[] {
  if (schema instanceof z.ZodUnion) {
    return (schema.options as readonly z.ZodType[]).flatMap((o) => branches(unwrap(o, false).schema));
  }
  return [{ schema, optional: false }];
}

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.source;

/** The schema is the `Id` string (any `.describe()` copy of it): its regex check is Id's. */
export function isIdSchema(schema: z.ZodType): boolean {
  const s = unwrap(schema, false).schema;
  if (!(s instanceof z.ZodString)) return false;
  const checks = (s._zod.def.checks ?? []) as readonly { _zod: { def: { pattern?: unknown } } }[];
  return checks.some((c) => c._zod.def.pattern instanceof RegExp && c._zod.def.pattern.source === ID_PATTERN);
}

/** A value found in raw data where the schema expects an `Id`. */
export interface IdLeaf {
  readonly path: readonly (string | number)[];
  readonly value: unknown;
}

/**
 * Every value of raw (possibly invalid) data that sits where the schema expects an `Id`,
 * walking the data along the schema (objects, arrays, every branch of a union). Used to check
 * the references of a file the schema rejected for another reason.
 */
export function idLeaves(schema: z.ZodType, value: unknown, at: readonly (string | number)[] = []): IdLeaf[] {
  return leaves(schema, value, at, (shape, v) => shape.id && v !== undefined);
}

/** A free-text value of valid data: where it is and what it says. */
export interface TextLeaf {
  readonly path: readonly (string | number)[];
  readonly value: string;
}

/**
 * Every free-text string of a valid entity, walking the data along its schema: strings that
 * are neither an `Id`, an enumeration, a literal, a phone number, an e-mail address nor a date
 * pattern (the leaves a clerk types and the documents print as words).
 */
export function textLeaves(schema: z.ZodType, value: unknown): TextLeaf[] {
  return leaves(schema, value, [], (shape, v) => shape.text && typeof v === 'string') as TextLeaf[];
}

/**
 * The values of `value` where the schema, walked along it (objects, arrays, every branch of a
 * union), has a leaf that `take` accepts; union branches that share a field give one leaf.
 */
function leaves(
  schema: z.ZodType,
  value: unknown,
  at: readonly (string | number)[],
  take: (shape: SchemaShape, v: unknown) => boolean,
): { path: readonly (string | number)[]; value: unknown }[] {
  const out: { path: readonly (string | number)[]; value: unknown }[] = [];
  const seen = new Set<string>();
  const walk = (s: z.ZodType, v: unknown, p: readonly (string | number)[]): void => {
    const shape = shapeOf(s);
    if (take(shape, v)) {
      const key = p.join('\u0000');
      if (!seen.has(key)) {
        seen.add(key);
        out.push({ path: p, value: v });
      }
    } else if (Array.isArray(v)) {
      for (const element of shape.elements) v.forEach((item, i) => walk(element, item, [...p, i]));
    } else if (v !== null && typeof v === 'object') {
      for (const fields of shape.objects) {
        for (const [key, child] of Object.entries(v as Record<string, unknown>)) {
          const field = fields[key];
          if (field) walk(field, child, [...p, key]);
        }
      }
    }
  };
  walk(schema, value, at);
  return out;
}

/** What a schema admits, through its wrappers and union branches (computed once per schema). */
interface SchemaShape {
  /** A branch is an `Id`. */
  readonly id: boolean;
  /** A branch is free text: a string without pattern (not an Id nor a date). */
  readonly text: boolean;
  readonly objects: readonly Readonly<Record<string, z.ZodType>>[];
  readonly elements: readonly z.ZodType[];
}

const shapes = new WeakMap<z.ZodType, SchemaShape>();

function shapeOf(schema: z.ZodType): SchemaShape {
  let shape = shapes.get(schema);
  if (shape !== undefined) return shape;
  let id = false;
  let text = false;
  const objects: Record<string, z.ZodType>[] = [];
  const elements: z.ZodType[] = [];
  for (const { schema: b } of branches(unwrap(schema, false).schema)) {
    if (isIdSchema(b)) id = true;
    if (b instanceof z.ZodString) {
      const checks = (b._zod.def.checks ?? []) as readonly { _zod: { def: { pattern?: unknown } } }[];
      if (!checks.some((c) => c._zod.def.pattern instanceof RegExp)) text = true;
    } else if (b instanceof z.ZodObject) objects.push(b.shape as Record<string, z.ZodType>);
    else if (b instanceof z.ZodArray) elements.push(b.element as z.ZodType);
  }
  shape = { id, text, objects, elements };
  shapes.set(schema, shape);
  return shape;
}
