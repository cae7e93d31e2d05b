import type { Argv, CommandModule } from 'yargs';
import type { DataCheck } from '../data/load.js';
import { defaultDataDir } from '../generate/default-dir.js';
import { oneLine } from '../data/messages.js';
import type { DataProblem } from '../data/types.js';
import { formatLocated } from '../errors.js';

interface ValidateArgs {
  readonly data?: string;
  readonly format: 'text' | 'json';
  readonly strict: boolean;
}

/**
 * `convkit validate [--data DIR] [--format text|json] [--strict]`: checks every data file and
 * prints each problem on one French line (`fichier:ligne:colonne : champ « … » : message`),
 * warnings prefixed « avertissement », then a summary line. Exit status: 2 when there is an
 * error; with `--strict`, 1 when there are warnings only; 0 otherwise.
 */
export function validateCommand(setExitCode: (code: number) => void): CommandModule<object, ValidateArgs> {
  return {
    command: 'validate',
    describe: 'Vérifie les données : chaque problème avec son fichier, sa ligne, sa colonne et son champ',
    builder: (yargs: Argv<object>): Argv<ValidateArgs> =>
      yargs
        .option('data', { type: 'string', describe: 'Dossier des données (par défaut : les données fournies avec convkit)', normalize: false })
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'Format du rapport' })
        .option('strict', { type: 'boolean', default: false, describe: 'Les avertissements font aussi échouer (statut 1)' }),
    handler: async (argv) => {
      // Loaded on use (see index.ts): the schema (zod) and the YAML reader.
      const { checkDataset } = await import('../data/load.js');
      const data = argv.data ?? defaultDataDir();
      const check = await checkDataset(data);
      const errors = check.problems.filter((p) => p.severity === 'error').length;
      const warnings = check.problems.length - errors;
      process.stdout.write(argv.format === 'json' ? jsonReport(data, check, errors, warnings) : textReport(check, errors, warnings));
      if (errors > 0) setExitCode(2);
      else if (argv.strict && warnings > 0) setExitCode(1);
    },
  };
}

/** One line per problem, then « 3 erreurs, 17 avertissements (24 fichiers lus) ». */
export function textReport(check: DataCheck, errors: number, warnings: number): string {
  const lines = check.problems.map(problemLine);
  lines.push(`${summary(errors, warnings)} (${plural(check.files.length, 'fichier lu', 'fichiers lus')})`);
  return `${lines.join('\n')}\n`;
}

/**
 * « data/partners/caf-21.yaml:12:5 : champ « referents[1] » : personne inconnue : « x » » (the
 * format of `formatLocated`), warnings with « avertissement : » after the place; always one line.
 */
export function problemLine(p: DataProblem): string {
  if (p.severity === 'error') return oneLine(formatLocated(p.message, p.location));
  const { field, ...place } = p.location;
  const where = formatLocated('', place).replace(/ : $/, '');
  return oneLine(`${where} : avertissement : ${field ? `champ « ${field} » : ` : ''}${p.message}`);
}

/** « 3 erreurs, 17 avertissements », « 0 erreur, 1 avertissement ». */
export function summary(errors: number, warnings: number): string {
  return `${plural(errors, 'erreur', 'erreurs')}, ${plural(warnings, 'avertissement', 'avertissements')}`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function jsonReport(data: string, check: DataCheck, errors: number, warnings: number): string {
  const report = {
    data,
    valid: errors === 0,
    errors,
    warnings,
    files: check.files,
    problems: check.problems.map((p) => ({
      severity: p.severity,
      code: p.code ?? null,
      file: p.location.file,
      line: p.location.line ?? null,
      column: p.location.column ?? null,
      field: p.location.field ?? null,
      message: p.message,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
