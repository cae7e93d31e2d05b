import type { CommandModule } from 'yargs';
import { ConvkitError } from '../errors.js';

/** Placeholder: replaced by the owner of this command. */
export function packetCommand(_setExitCode: (code: number) => void): CommandModule {
  return {
    command: 'packet',
    describe: 'non implémenté',
    handler: () => {
      throw new ConvkitError('commande « packet » non implémentée');
    },
  };
}
