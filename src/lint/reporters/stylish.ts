import type { Formatter } from './common.js';
import { oneLine, range, summaryLine, totalsOf } from './common.js';

/**
 * The terminal report (default), grouped by file:
 *
 *     corpus.docx
 *       212:5-212:40  error    article 5 (Propriété), paragraphe 2 : « Source CAF 21 » dans la convention CARSAT…  source-mention
 *         ↳ autre.docx:3:1-3:9 (annexe 1, paragraphe 2)  autre mention
 *
 *     ✖ 11 problèmes (3 erreurs, 8 avertissements) ; 1 info à lire
 *
 * The place a reader finds (`Message.where`: article and paragraph, page and line) opens
 * the message column, after the position and severity that stay aligned. Severities are
 * printed as the config keywords (error, warning, info). No colours.
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
      const place = m.where ? `${oneLine(m.where)} : ` : '';
      out.push(`  ${(where[i] as string).padEnd(wWhere)}  ${m.severity.padEnd(wSeverity)}  ${place}${oneLine(m.message)}  ${m.ruleId}`);
      for (const r of m.related) {
        out.push(`    ↳ ${r.file}:${range(r)}${r.where ? ` (${oneLine(r.where)})` : ''}${r.message ? `  ${oneLine(r.message)}` : ''}`);
      }
    });
    out.push('');
  }
  out.push(summaryLine(totalsOf(results)));
  return `${out.join('\n')}\n`;
};
