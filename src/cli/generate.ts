import type { CommandModule } from 'yargs';
import { ConvkitError } from '../errors.js';

/** Placeholder: replaced by the owner of this command. */
export function generateCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'generate',
    describe: 'non implémenté',
    handler: () => {
      throw new ConvkitError('commande « generate » non implémentée');
    },
  };
}
