import type { CommandModule } from 'yargs';
import { ConvkitError } from '../errors.js';

/** Placeholder: replaced by the owner of this command. */
export function lintCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'lint',
    describe: 'non implémenté',
    handler: () => {
      throw new ConvkitError('commande « lint » non implémentée');
    },
  };
}
