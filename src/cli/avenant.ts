import type { Argv, CommandModule } from 'yargs';
import { ConvkitError } from '../errors.js';

interface AvenantArgs {
  readonly partner: string;
  readonly from: string;
  readonly to?: string;
  readonly data?: string;
  readonly templates?: string;
  readonly out: string;
  readonly format: string;
}

/**
 * `convkit avenant <partner-id> --from REV|DIR [--to REV|DIR] [--out DIR]`: drafts the amendment
 * to the partner's convention, `DIR/avenants/<partner-id>-avenant-<n>.docx|pdf`.
 */
export function avenantCommand(setExitCode: (code: number) => void): CommandModule<object, AvenantArgs> {
  return {
    command: 'avenant <partner>',
    describe: 'Rédige l’avenant à la convention d’un partenaire à partir des changements entre deux versions',
    builder: (y: Argv<object>): Argv<AvenantArgs> =>
      y
        .positional('partner', { type: 'string', demandOption: true, describe: 'identifiant du partenaire (ex. caf-21)' })
        .option('from', { type: 'string', demandOption: true, describe: 'Version signée : révision git ou dossier' })
        .option('to', { type: 'string', describe: 'Nouvelle version (défaut : la copie de travail)' })
        .option('data', { type: 'string', describe: 'Dossier des données (défaut : les données fournies avec convkit)' })
        .option('templates', { type: 'string', describe: 'Dossier des modèles (défaut : les modèles fournis avec convkit)' })
        .option('out', { type: 'string', default: 'out', describe: 'Dossier de sortie (les fichiers vont dans avenants/)' })
        .option('format', { type: 'string', default: 'docx,pdf', describe: 'Formats : docx, pdf ou docx,pdf' }) as unknown as Argv<AvenantArgs>,
    handler: async (argv) => {
      const formats = argv.format.split(',').map((f) => f.trim());
      if (formats.length === 0 || formats.some((f) => f !== 'docx' && f !== 'pdf')) {
        throw new ConvkitError(`format inconnu : « ${argv.format} » (formats : docx, pdf ou docx,pdf)`);
      }
      const { avenant } = await import('../lifecycle/index.js');
      const { writtenLine } = await import('./generate.js');
      const written = await avenant(argv.partner, {
        from: argv.from,
        ...(argv.to !== undefined ? { to: argv.to } : {}),
        ...(argv.data !== undefined ? { dataDir: argv.data } : {}),
        ...(argv.templates !== undefined ? { templatesDir: argv.templates } : {}),
        outDir: argv.out,
        formats: formats as ('docx' | 'pdf')[],
      });
      for (const f of written) process.stdout.write(`${writtenLine(f)}\n`);
      setExitCode(0);
    },
  };
}
