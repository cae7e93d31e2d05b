import type { Argv, CommandModule } from 'yargs';
import { ConvkitError } from '../errors.js';

interface DiffArgs {
  readonly from: string;
  readonly to?: string;
  readonly data?: string;
  readonly templates?: string;
  readonly format: string;
  readonly output?: string;
}

/**
 * `convkit diff --from REV|DIR [--to REV|DIR] [--format stylish|json|html] [--output FILE]`:
 * builds both versions in memory and reports, per document, what changed and why. Exit 0
 * when no document changes, 1 when some do, 2 on error. Heavy modules load in the handler.
 */
export function diffCommand(setExitCode: (code: number) => void): CommandModule<object, DiffArgs> {
  return {
    command: 'diff',
    describe: 'Compare deux versions des données et des modèles : documents modifiés, articles, mots, et pourquoi',
    builder: (y: Argv<object>): Argv<DiffArgs> =>
      y
        .option('from', { type: 'string', demandOption: true, describe: 'Version de départ : révision git (HEAD~1, v2024) ou dossier' })
        .option('to', { type: 'string', describe: 'Version d’arrivée (défaut : la copie de travail)' })
        .option('data', { type: 'string', describe: 'Dossier des données (défaut : les données fournies avec convkit)' })
        .option('templates', { type: 'string', describe: 'Dossier des modèles (défaut : les modèles fournis avec convkit)' })
        .option('format', { type: 'string', default: 'stylish', describe: 'Format : stylish, json ou html' })
        .option('output', { type: 'string', describe: 'Fichier où écrire le rapport (défaut : la sortie standard)' }) as unknown as Argv<DiffArgs>,
    handler: async (argv) => {
      const { diff, diffExitCode, formatDiff, DIFF_FORMATS } = await import('../lifecycle/index.js');
      const format = argv.format as (typeof DIFF_FORMATS)[number];
      if (!DIFF_FORMATS.includes(format)) throw new ConvkitError(`format inconnu : « ${argv.format} » (formats : ${DIFF_FORMATS.join(', ')})`);
      const result = await diff({
        from: argv.from,
        ...(argv.to !== undefined ? { to: argv.to } : {}),
        ...(argv.data !== undefined ? { dataDir: argv.data } : {}),
        ...(argv.templates !== undefined ? { templatesDir: argv.templates } : {}),
      });
      const text = formatDiff(result, format);
      if (argv.output) {
        const { writeFileAtomic } = await import('../io/atomic.js');
        await writeFileAtomic(argv.output, text);
      } else {
        process.stdout.write(text);
      }
      setExitCode(diffExitCode(result));
    },
  };
}
