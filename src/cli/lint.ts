import type { Argv, CommandModule } from 'yargs';
import { ConvkitError } from '../errors.js';
import type { LintConfig } from '../lint/config.js';
import { FORMAT_NAMES, type FormatName } from '../lint/reporters/names.js';

interface LintArgs {
  readonly files?: readonly string[];
  readonly format: FormatName;
  readonly output?: string;
  readonly config?: string;
}

/**
 * `convkit lint [files…] [--format stylish|json|sarif|html] [--output FILE] [--config FILE]`.
 * Exit status through `setExitCode`: 0 no error-level finding, 1 at least one, 2 the run
 * failed (a ConvkitError thrown here: unreadable file, bad option, bad config; or a rule
 * that crashed, reported as an `internal-error` message).
 */
export function lintCommand(setExitCode: (code: number) => void): CommandModule<object, LintArgs> {
  return {
    command: 'lint [files..]',
    describe: 'Vérifie des documents (.txt, .md, .docx, .odt, .pdf, ou les dossiers qui les contiennent)',
    builder: (y: Argv<object>): Argv<LintArgs> =>
      y
        .positional('files', { type: 'string', array: true, describe: 'Fichiers ou dossiers à vérifier' })
        .option('format', {
          alias: 'f',
          choices: FORMAT_NAMES,
          default: 'stylish' as FormatName,
          describe: 'Format du rapport',
        })
        .option('output', { alias: 'o', type: 'string', describe: 'Écrit le rapport dans ce fichier (sinon sur la sortie standard)' })
        .option('config', {
          alias: 'c',
          type: 'string',
          describe: 'Fichier de configuration (JSON ou YAML) ; par défaut .convkitrc.json, convkit.config.yaml… du dossier courant',
        }) as unknown as Argv<LintArgs>,
    handler: async (argv) => {
      const inputs = (argv.files ?? []).filter((f) => f !== '');
      if (inputs.length === 0) {
        throw new ConvkitError('Indiquez au moins un fichier ou un dossier à vérifier : convkit lint <fichiers…>\nVoir « convkit lint --help ».');
      }
      if (argv.output !== undefined && argv.output === '') throw new ConvkitError('Option --output : indiquez un nom de fichier.');
      // Loaded on use (see index.ts): the readers, the rules, the runner and the reporters.
      const [{ findConfigFile, loadConfig }, { readSourceFiles }, { formatters, summaryLine, totalsOf, writeReport }, { INTERNAL_ERROR_RULE, lint, RUNNER_RULES }, { rules }] =
        await Promise.all([
          import('../lint/config.js'),
          import('../lint/read/index.js'),
          import('../lint/reporters/index.js'),
          import('../lint/runner.js'),
          import('../lint/rules/index.js'),
        ]);
      const ruleIds = rules.map((r) => r.meta.id);
      const configFile = argv.config ?? (await findConfigFile(process.cwd()));
      const config: LintConfig = configFile !== undefined ? await loadConfig(configFile, ruleIds) : {};
      const sources = await readSourceFiles(inputs);
      const results = lint(sources, config, rules);
      const report = formatters[argv.format](results, { rules: [...rules.map((r) => r.meta), ...RUNNER_RULES] });
      const totals = totalsOf(results);
      if (argv.output !== undefined) {
        await writeReport(argv.output, report);
        process.stderr.write(`convkit : rapport écrit dans ${argv.output} : ${summaryLine(totals)}\n`);
      } else {
        process.stdout.write(report);
      }
      const crashed = results.some((r) => r.messages.some((m) => m.ruleId === INTERNAL_ERROR_RULE.id));
      setExitCode(crashed ? 2 : totals.errors > 0 ? 1 : 0);
    },
  };
}
