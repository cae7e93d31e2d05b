import type { Argv, CommandModule } from 'yargs';
import { ConvkitError } from '../errors.js';

interface ImpactArgs {
  readonly target: string;
  readonly data?: string;
  readonly templates?: string;
  readonly format: string;
}

/**
 * `convkit impact <entity-id|template-file>`: the documents and articles a person, an
 * organisation, a partner, a signatory or a template partial reaches (from provenance).
 */
export function impactCommand(setExitCode: (code: number) => void): CommandModule<object, ImpactArgs> {
  return {
    command: 'impact <target>',
    describe: 'Liste les documents et articles qu’atteint une personne, un organisme, un partenaire ou un modèle',
    builder: (y: Argv<object>): Argv<ImpactArgs> =>
      y
        .positional('target', { type: 'string', demandOption: true, describe: 'identifiant (celine-rouot, caf-21) ou modèle (partials/article-suivi.hbs)' })
        .option('data', { type: 'string', describe: 'Dossier des données (défaut : les données fournies avec convkit)' })
        .option('templates', { type: 'string', describe: 'Dossier des modèles (défaut : les modèles fournis avec convkit)' })
        .option('format', { type: 'string', default: 'stylish', describe: 'Format : stylish ou json' }) as unknown as Argv<ImpactArgs>,
    handler: async (argv) => {
      if (argv.format !== 'stylish' && argv.format !== 'json') throw new ConvkitError(`format inconnu : « ${argv.format} » (formats : stylish, json)`);
      const { impact, formatImpact } = await import('../lifecycle/index.js');
      const result = await impact(argv.target, {
        ...(argv.data !== undefined ? { dataDir: argv.data } : {}),
        ...(argv.templates !== undefined ? { templatesDir: argv.templates } : {}),
      });
      process.stdout.write(formatImpact(result, argv.format));
      setExitCode(0);
    },
  };
}
