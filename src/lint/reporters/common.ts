import type { Message, Severity } from '../types.js';
import type { LintResult, ReportRule } from '../runner.js';

/** What every reporter receives besides the results. */
export interface ReportContext {
  /** Metadata of the rules of the run (the registry and the runner's pseudo-rules). */
  readonly rules: readonly ReportRule[];
}

/** A reporter: results in, the report's text out (deterministic). */
export type Formatter = (results: readonly LintResult[], context: ReportContext) => string;

export interface Totals {
  /** Errors and warnings: what must be looked at. Infos are not problems. */
  readonly problems: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Counts of every result together. */
export function totalsOf(results: readonly LintResult[]): Totals {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    infos += r.infoCount;
  }
  return { problems: errors + warnings, errors, warnings, infos };
}

/** « 1 erreur », « 0 erreur », « 3 erreurs » (French: singular for 0 and 1). */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n <= 1 ? singular : pluralForm}`;
}

/**
 * « ✖ 11 problèmes (3 erreurs, 8 avertissements) ; 2 infos à lire », « ✔ Aucun problème ; 4
 * infos à lire. » or « ✔ Aucun problème. »: errors and warnings are problems, infos (blanks
 * to fill, variants to confirm) are counted apart.
 */
export function summaryLine(t: Totals): string {
  const infos = t.infos > 0 ? ` ; ${plural(t.infos, 'info')} à lire` : '';
  if (t.problems === 0) return `✔ Aucun problème${infos}.`;
  return `✖ ${plural(t.problems, 'problème')} (${plural(t.errors, 'erreur')}, ${plural(t.warnings, 'avertissement')})${infos}`;
}

/** Totals of one result. */
export function totalsOfResult(r: Pick<LintResult, 'errorCount' | 'warningCount' | 'infoCount'>): Totals {
  return { problems: r.errorCount + r.warningCount, errors: r.errorCount, warnings: r.warningCount, infos: r.infoCount };
}

/** French label of a severity. */
export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'erreur', warning: 'avertissement', info: 'info' };

/** `12:5-12:40`. */
export function range(m: Pick<Message, 'line' | 'column' | 'endLine' | 'endColumn'>): string {
  return `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`;
}

/** One line of text (inner line breaks as spaces) for line-oriented output. */
export function oneLine(s: string): string {
  return s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}
