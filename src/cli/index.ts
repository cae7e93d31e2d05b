import yargs, { type CommandModule } from 'yargs';
import { ConvkitError } from '../errors.js';
import { generateCommand } from './generate.js';
import { validateCommand } from './validate.js';
import { lintCommand } from './lint.js';
import { packetCommand } from './packet.js';
import { diffCommand } from './diff.js';
import { impactCommand } from './impact.js';
import { redlineCommand } from './redline.js';
import { avenantCommand } from './avenant.js';
import { serveCommand } from './serve.js';

/*
 * Cold start (issue 10): every module imported here is loaded by EVERY run, `--help` included,
 * so a command module is a light descriptor: its name, its `describe`, its `builder` (options)
 * and a handler whose work is loaded on use with `await import()`:
 *
 * ```ts
 * // src/cli/serve.ts — top-level imports: node builtins, yargs types, small constant modules only
 * export function serveCommand(setExitCode: (code: number) => void): CommandModule<object, ServeArgs> {
 *   return {
 *     command: 'serve',
 *     describe: '…',
 *     builder: (y) => y.option('port', { type: 'number', default: 8080, describe: '…' }),
 *     handler: async (argv) => {
 *       const { startServer } = await import('../server/index.js'); // the heavy part, on use
 *       …
 *     },
 *   };
 * }
 * ```
 *
 * then register it in `main` below with `.command(serveCommand(setExitCode))`. Never import
 * pdf-lib, fontkit, docx, zod, yaml, handlebars, the linter or the generator at the top of a
 * command module (type-only imports are free). test/cli/lazy-load.test.ts records what `--help`, `validate` and a DOCX-only
 * `generate` load and fails when one of them pulls in the PDF stack, docx or the linter.
 */
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
    // Light descriptors (see above): each handler imports its work when it runs.
    const commands = [
      generateCommand(setExitCode),
      validateCommand(setExitCode),
      lintCommand(setExitCode),
      packetCommand(setExitCode),
      serveCommand(),
      diffCommand(setExitCode),
      impactCommand(setExitCode),
      redlineCommand(setExitCode),
      avenantCommand(setExitCode),
    ] as const;
    const names = commands.map((c) => String(c.command).split(' ')[0] ?? '');
    // A mistyped command (« generat ») is named with the closest one before anything else runs.
    checkCommandName(argv, names);
    let cli = yargs([...argv]).scriptName('convkit').locale('fr').usage('$0 <commande> [options]');
    for (const command of commands) cli = cli.command(command as CommandModule);
    skipHelpCache(cli);
    await cli
      .demandCommand(1, `Indiquez une commande : ${names.slice(0, -1).join(', ')} ou ${names.at(-1)}.`)
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

/**
 * yargs renders the whole help text of a command each time it runs that command (`usage
 * .cacheHelpMessage()`, for a `showHelp()` the handler might call): cliui wraps every French
 * description, 15 to 40 ms of each cold run on this machine (docs/bench.md) for a text nobody
 * reads. convkit's handlers never call `showHelp()` (`--help` is answered by yargs itself, before
 * any handler), so the cache is left empty. yargs is pinned (package.json): the internal method
 * is checked, and without it nothing changes.
 */
function skipHelpCache(cli: unknown): void {
  const internal = (cli as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

