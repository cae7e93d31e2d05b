import type { NameRef } from '../../french/names.js';
import { TemplateError, placeOf } from '../errors.js';

/** What Handlebars passes as the last argument of a helper. */
export interface HelperOptions {
  readonly hash: Readonly<Record<string, unknown>>;
  readonly loc?: unknown;
  readonly name?: string;
}

/** A helper of the clause library: one per file under src/template/helpers/. */
export interface HelperDef {
  readonly name: string;
  /** One line for docs/templates.md and error messages. */
  readonly description: string;
  readonly fn: (...args: unknown[]) => unknown;
}

/** Splits Handlebars helper arguments into positional parameters and options. */
export function splitArgs(args: readonly unknown[]): { params: unknown[]; options: HelperOptions } {
  const options = (args[args.length - 1] ?? { hash: {} }) as HelperOptions;
  return { params: args.slice(0, -1), options };
}

/** Fails at the helper's place in the template. */
export function helperError(options: HelperOptions, message: string): never {
  throw new TemplateError(message, placeOf(options.loc));
}

/** True for a `{ name, gender, article }` object. */
export function isNameRef(value: unknown): value is NameRef {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && (v.gender === 'm' || v.gender === 'f') && typeof v.article === 'string';
}

/** A name argument: a NameRef or a plain string (a name without article). */
export function nameArg(helper: string, value: unknown, options: HelperOptions): NameRef | string {
  if (typeof value === 'string' || isNameRef(value)) return value;
  return helperError(options, `« ${helper} » attend un nom (texte ou { name, gender, article }), reçu ${describe(value)}`);
}

/** A text argument. */
export function textArg(helper: string, value: unknown, options: HelperOptions): string {
  if (typeof value === 'string') return value;
  return helperError(options, `« ${helper} » attend un texte, reçu ${describe(value)}`);
}

/** A whole-number argument. */
export function intArg(helper: string, value: unknown, options: HelperOptions): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  return helperError(options, `« ${helper} » attend un nombre entier, reçu ${describe(value)}`);
}

/** A boolean hash option (`cap=true`). */
export function flag(options: HelperOptions, key: string): boolean {
  return options.hash[key] === true;
}

function describe(value: unknown): string {
  if (value === undefined) return 'une valeur absente';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'une liste';
  return typeof value === 'object' ? 'un objet' : `« ${String(value)} »`;
}
