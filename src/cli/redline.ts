import type { Argv, CommandModule } from 'yargs';
import { ConvkitError } from '../errors.js';

interface RedlineArgs {
  readonly from: string;
  readonly to?: string;
  readonly data?: string;
  readonly templates?: string;
  readonly only?: readonly string[];
  readonly out: string;
  readonly format: string;
  readonly date?: string;
}

/**
 * `convkit redline --from REV|DIR [--to REV|DIR] [--only ID…] [--out DIR]`: for each changed
 * document, `DIR/redlines/<kind>/<id>.docx` with tracked changes and `.pdf` with marked changes.
 */
export function redlineCommand(setExitCode: (code: number) => void): CommandModule<object, RedlineArgs> {
  return {
    command: 'redline',
    describe: 'Produit, pour chaque document modifié, un DOCX avec suivi des modifications et un PDF annoté',
    builder: (y: Argv<object>): Argv<RedlineArgs> =>
      y
        .option('from', { type: 'string', demandOption: true, describe: 'Version de départ : révision git ou dossier' })
        .option('to', { type: 'string', describe: 'Version d’arrivée (défaut : la copie de travail)' })
        .option('data', { type: 'string', describe: 'Dossier des données (défaut : les données fournies avec convkit)' })
        .option('templates', { type: 'string', describe: 'Dossier des modèles (défaut : les modèles fournis avec convkit)' })
        .option('only', { type: 'string', array: true, describe: 'Identifiants des documents à produire (ex. --only caf-21)' })
        .option('out', { type: 'string', default: 'out', describe: 'Dossier de sortie (les fichiers vont dans redlines/)' })
        .option('format', { type: 'string', default: 'docx,pdf', describe: 'Formats : docx, pdf ou docx,pdf' })
        .option('date', { type: 'string', describe: 'Date des révisions AAAA-MM-JJ (défaut : la date du document, tirée des données)' }) as unknown as Argv<RedlineArgs>,
    handler: async (argv) => {
      const formats = argv.format.split(',').map((f) => f.trim());
      if (formats.length === 0 || formats.some((f) => f !== 'docx' && f !== 'pdf')) {
        throw new ConvkitError(`format inconnu : « ${argv.format} » (formats : docx, pdf ou docx,pdf)`);
      }
      if (argv.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(argv.date)) throw new ConvkitError(`date invalide : « ${argv.date} » (AAAA-MM-JJ)`);
      const { redline } = await import('../lifecycle/index.js');
      const { writtenLine } = await import('./generate.js');
      const written = await redline({
        from: argv.from,
        ...(argv.to !== undefined ? { to: argv.to } : {}),
        ...(argv.data !== undefined ? { dataDir: argv.data } : {}),
        ...(argv.templates !== undefined ? { templatesDir: argv.templates } : {}),
        ...(argv.only ? { only: argv.only } : {}),
        ...(argv.date !== undefined ? { date: argv.date } : {}),
        outDir: argv.out,
        formats: formats as ('docx' | 'pdf')[],
      });
      if (written.length === 0) process.stdout.write('Aucun document ne change : aucune version annotée à produire.\n');
      for (const f of written) process.stdout.write(`${writtenLine(f)}\n`);
      setExitCode(0);
    },
  };
}
