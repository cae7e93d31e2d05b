import type { Severity } from '../types.js';
import type { Formatter } from './common.js';

/** ESLint's numeric severities, plus 3 for info (textlint's convention). */
export const JSON_SEVERITY: Readonly<Record<Severity, 1 | 2 | 3>> = { error: 2, warning: 1, info: 3 };

/**
 * ESLint/textlint-compatible JSON: an array of
 * `{ filePath, messages: [{ ruleId, severity, message, line, column, endLine, endColumn, related }], errorCount, warningCount, infoCount }`
 * with severity 2 = error, 1 = warning, 3 = info; `related` (extra key) lists the other
 * places of a cross-document finding.
 */
export const formatJson: Formatter = (results) => {
  const out = results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: JSON_SEVERITY[m.severity],
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      ...(m.where !== undefined ? { where: m.where } : {}),
      related: m.related.map((x) => ({
        file: x.file,
        line: x.line,
        column: x.column,
        endLine: x.endLine,
        endColumn: x.endColumn,
        ...(x.message !== undefined ? { message: x.message } : {}),
      })),
    })),
    errorCount: r.errorCount,
    warningCount: r.warningCount,
    infoCount: r.infoCount,
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
};
