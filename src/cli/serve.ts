import type { Argv, CommandModule } from 'yargs';
import { ConvkitError } from '../errors.js';

interface ServeArgs {
  readonly data?: string;
  readonly port: number;
  readonly open: boolean;
}

/**
 * `convkit serve [--data DIR] [--port N] [--open]`: starts the workspace on
 * http://127.0.0.1:N (loopback only) and runs until interrupted (Ctrl+C). The server module is
 * loaded only when the command runs, so the other commands do not pay for it.
 */
export function serveCommand(): CommandModule<object, ServeArgs> {
  return {
    command: 'serve',
    describe: 'Ouvre le poste de travail dans le navigateur (données, aperçus, vérification, paquet)',
    builder: (y: Argv<object>): Argv<ServeArgs> =>
      y
        .option('data', { type: 'string', describe: 'Dossier des données (par défaut : les données fournies avec convkit)' })
        .option('port', { type: 'number', default: 8417, describe: 'Port local (0 : un port libre au hasard)' })
        .option('open', { type: 'boolean', default: false, describe: 'Ouvre le navigateur sur le poste de travail' }),
    handler: async (argv) => {
      if (!Number.isInteger(argv.port) || argv.port < 0 || argv.port > 65535) throw new ConvkitError(`port invalide : « ${argv.port} » (0 à 65535)`);
      const [{ startServer }, { defaultDataDir }] = await Promise.all([import('../server/index.js'), import('../generate/default-dir.js')]);
      const dataDir = argv.data ?? defaultDataDir();
      let started;
      try {
        started = await startServer({ dataDir, port: argv.port });
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (code === 'EADDRINUSE') throw new ConvkitError(`le port ${argv.port} est déjà utilisé : choisissez-en un autre avec --port`);
        throw error;
      }
      process.stdout.write(`convkit : poste de travail ouvert sur ${started.url} (données : ${dataDir}) ; Ctrl+C pour arrêter\n`);
      if (argv.open) await openBrowser(started.url);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void started.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    },
  };
}

async function openBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(command, [url], { stdio: 'ignore', detached: true }).on('error', () => {
      process.stderr.write(`convkit : impossible d’ouvrir le navigateur ; ouvrez ${url}\n`);
    }).unref();
  } catch {
    process.stderr.write(`convkit : impossible d’ouvrir le navigateur ; ouvrez ${url}\n`);
  }
}
