import yargs from 'yargs';
import { ConvkitError } from '../errors.js';
import { generateCommand } from './generate.js';
import { validateCommand } from './validate.js';
import { lintCommand } from './lint.js';
import { packetCommand } from './packet.js';
import { checkCommandName } from './suggest.js';

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
    // A mistyped command (« generat ») is named with the closest one before anything else runs.
    checkCommandName(argv);
    await yargs([...argv])
      .scriptName('convkit')
      .locale('fr')
      .usage('$0 <commande> [options]')
      .command(generateCommand(setExitCode))
      .command(validateCommand(setExitCode))
      .command(lintCommand(setExitCode))
      .command(packetCommand(setExitCode))
      .demandCommand(1, 'Indiquez une commande : generate, validate, lint ou packet.')
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
