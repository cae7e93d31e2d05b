import type { Formatter } from './common.js';
import { oneLine, range, summaryLine, totalsOf } from './common.js';

/**
 * The terminal report (default), grouped by file:
 *
 *     corpus.txt
 *       12:5-12:40  error    « Source CAF 21 » dans la convention CARSAT…  source-mention
 *         ↳ autre.txt:3:1-3:9  autre mention
 *
 *     ✖ 12 problèmes (3 erreurs, 8 avertissements, 1 info)
 *
 * Severities are printed as the config keywords (error, warning, info). No colours.
 */
export const formatStylish: Formatter = (results) => {
  const out: string[] = [];
  for (const result of results) {
    if (result.messages.length === 0) continue;
    out.push(result.filePath);
    const where = result.messages.map(range);
    const wWhere = Math.max(...where.map((w) => w.length));
    const wSeverity = Math.max(...result.messages.map((m) => m.severity.length));
    result.messages.forEach((m, i) => {
      out.push(`  ${(where[i] as string).padEnd(wWhere)}  ${m.severity.padEnd(wSeverity)}  ${m.where !== undefined ? `(${m.where}) ` : ''}${oneLine(m.message)}  ${m.ruleId}`);
      for (const r of m.related) {
        out.push(`    ↳ ${r.file}:${range(r)}${r.message ? `  ${oneLine(r.message)}` : ''}`);
      }
    });
    out.push('');
  }
  out.push(summaryLine(totalsOf(results)));
  return `${out.join('\n')}\n`;
};
