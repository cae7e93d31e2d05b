import { writeFile, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { ConvkitError } from '../../errors.js';
import type { FormatName } from './names.js';
import type { Formatter } from './common.js';
import { formatStylish } from './stylish.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatHtml } from './html.js';

export type { Formatter, ReportContext, Totals } from './common.js';
export { summaryLine, totalsOf } from './common.js';
export { formatStylish } from './stylish.js';
export { formatJson, JSON_SEVERITY } from './json.js';
export { formatSarif, formatSarifWith, SARIF_LEVEL, artifactUri, type SarifOptions } from './sarif.js';
export { formatHtml, escapeHtml } from './html.js';

export { FORMAT_NAMES, type FormatName } from './names.js';

/** Every reporter by its `--format` name. */
export const formatters: Readonly<Record<FormatName, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  html: formatHtml,
};

/**
 * Writes a report atomically: to a temporary file in the same directory, then renamed over
 * `file`, so a reader never sees a half-written report. Errors are French ConvkitErrors.
 */
export async function writeReport(file: string, content: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, content, 'utf8');
    await rename(temp, file);
  } catch (cause) {
    await rm(temp, { force: true }).catch(() => undefined);
    const code = (cause as { code?: unknown } | null)?.code;
    const why = code === 'ENOENT' ? 'dossier introuvable' : code === 'EACCES' || code === 'EPERM' ? 'écriture non autorisée' : 'écriture impossible';
    throw new ConvkitError(`${file} : impossible d’écrire le rapport (${why}).`, { locations: [{ file }], cause });
  }
}
