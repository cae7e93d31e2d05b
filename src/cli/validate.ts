import type { CommandModule } from 'yargs';
import { ConvkitError } from '../errors.js';

/** Placeholder: replaced by the owner of this command. */
export function validateCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'validate',
    describe: 'non implémenté',
    handler: () => {
      throw new ConvkitError('commande « validate » non implémentée');
    },
  };
}
