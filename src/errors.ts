/** Where a problem is: the file and, when known, the line, column and field path. */
export interface Location {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Field path in the data: « partners.caf-21.referents[1] » or « referents[1] ». */
  readonly field?: string;
}

/** Formats « data/partners/caf-21.yaml:12:5 : champ « referents[1] » : message ». */
export function formatLocated(message: string, loc?: Location): string {
  if (!loc) return message;
  let where = loc.file;
  if (loc.line !== undefined) where += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) where += `:${loc.column}`;
  const field = loc.field ? `champ « ${loc.field} » : ` : '';
  return `${where} : ${field}${message}`;
}

/**
 * An error the user can act on, with a French message. The CLI prints it without a stack
 * trace and exits with `exitCode` (2: the run itself failed, bad input or bad option).
 */
export class ConvkitError extends Error {
  readonly exitCode: number;
  readonly locations: readonly Location[];

  constructor(message: string, options: { locations?: readonly Location[]; exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ConvkitError';
    this.exitCode = options.exitCode ?? 2;
    this.locations = options.locations ?? [];
  }
}

/** Several located problems at once (every invalid field of every data file). */
export class ConvkitErrors extends ConvkitError {
  readonly problems: readonly { readonly message: string; readonly location?: Location }[];

  constructor(problems: readonly { readonly message: string; readonly location?: Location }[], summary?: string) {
    super(summary ?? problems.map((p) => formatLocated(p.message, p.location)).join('\n'));
    this.name = 'ConvkitErrors';
    this.problems = problems;
  }
}
