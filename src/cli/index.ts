import yargs from 'yargs';
import { ConvkitError } from '../errors.js';
import { generateCommand } from './generate.js';
import { validateCommand } from './validate.js';
import { lintCommand } from './lint.js';
import { packetCommand } from './packet.js';
import { diffCommand } from './diff.js';
import { impactCommand } from './impact.js';
import { redlineCommand } from './redline.js';
import { avenantCommand } from './avenant.js';

/**
 * Runs the CLI and resolves to the exit status: 0 success, 1 lint found errors, 2 the run failed.
 * Commands report their own status through `setExitCode`.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  const setExitCode = (c: number): void => {
    code = Math.max(code, c);
  };
  try {
    await yargs([...argv])
      .scriptName('convkit')
      .locale('fr')
      .usage('$0 <commande> [options]')
      .command(generateCommand(setExitCode))
      .command(validateCommand(setExitCode))
      .command(lintCommand(setExitCode))
      .command(packetCommand(setExitCode))
      .command(diffCommand(setExitCode))
      .command(impactCommand(setExitCode))
      .command(redlineCommand(setExitCode))
      .command(avenantCommand(setExitCode))
      .demandCommand(1, 'Indiquez une commande : generate, validate, lint, packet, diff, impact, redline ou avenant.')
      .strict()
      .fail((msg, err) => {
        if (err) throw err;
        throw new ConvkitError(`${msg}\nVoir « convkit --help ».`);
      })
      .help()
      .alias('h', 'help')
      .version()
      .parseAsync();
  } catch (error) {
    if (error instanceof ConvkitError) {
      process.stderr.write(`convkit : ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
  return code;
}
