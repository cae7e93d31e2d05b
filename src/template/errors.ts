import { ConvkitError, formatLocated } from '../errors.js';

/** A template problem at a place in a template file; the engine adds the file. */
export class TemplateError extends Error {
  readonly line?: number;
  readonly column?: number;
  file?: string;

  constructor(message: string, place: { line?: number; column?: number; file?: string } = {}) {
    super(message);
    this.name = 'TemplateError';
    if (place.line !== undefined) this.line = place.line;
    if (place.column !== undefined) this.column = place.column;
    if (place.file !== undefined) this.file = place.file;
  }
}

/** Handlebars' `loc` (1-based line, 0-based column) → our place (both 1-based). */
export function placeOf(loc: unknown): { line?: number; column?: number } {
  const start = (loc as { start?: { line?: unknown; column?: unknown } } | undefined)?.start;
  if (!start || typeof start.line !== 'number') return {};
  return { line: start.line, ...(typeof start.column === 'number' ? { column: start.column + 1 } : {}) };
}

/**
 * Any error raised while compiling or running a template → a TemplateError located in `file`
 * (kept when an inner partial already located it). Handlebars' own errors carry the line in
 * `lineNumber`/`column` or, for parse errors, in the message (« Parse error on line 3 »).
 */
export function locate(error: unknown, file: string): TemplateError {
  if (error instanceof TemplateError) {
    if (error.file === undefined) error.file = file;
    return error;
  }
  const e = error as { message?: unknown; lineNumber?: unknown; column?: unknown };
  const raw = typeof e.message === 'string' ? e.message : String(error);
  let line = typeof e.lineNumber === 'number' ? e.lineNumber : undefined;
  let column = typeof e.column === 'number' ? e.column + 1 : undefined;
  const parse = /Parse error on line (\d+)/.exec(raw);
  if (line === undefined && parse) line = Number(parse[1]);
  const strict = /^"([^"]+)" not defined in/.exec(raw);
  const unknownHelper = /unknown helper (\S+)/.exec(raw);
  const partial = /The partial (\S+) could not be found/.exec(raw);
  const message = strict
    ? `variable inconnue « ${strict[1]} »`
    : unknownHelper
      ? `helper inconnu « ${unknownHelper[1]} »`
      : partial
        ? `partiel introuvable « ${partial[1]} »`
        : parse
          ? `syntaxe Handlebars invalide : ${raw.split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim()}`
          : `erreur de modèle : ${raw.split('\n')[0] ?? raw}`;
  return new TemplateError(message, { file, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) });
}

/** The user-facing error: « templates/partials/article-5.hbs:12:4 : variable inconnue « x » ». */
export function toConvkitError(error: TemplateError): ConvkitError {
  const location = {
    file: error.file ?? 'modèle',
    ...(error.line !== undefined ? { line: error.line } : {}),
    ...(error.column !== undefined ? { column: error.column } : {}),
  };
  return new ConvkitError(formatLocated(error.message, location), { locations: [location], cause: error });
}
