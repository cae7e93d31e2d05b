import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import { defaultPacketDeps } from '../packet/deps.js';
import { formatMegabytes } from '../packet/manifest.js';

interface PacketArgs {
  readonly deliberation: string;
  readonly data: string | undefined;
  readonly out: string;
}

/**
 * `convkit packet <deliberation> [--data DIR] --out DIR`: checks the deliberation, then writes
 * the act, the stamped annexes, the manifest and the publication dossier (see docs/deliberation.md).
 * A failed check prints every located problem and exits with status 2, writing nothing.
 */
export function packetCommand(setExitCode: (code: number) => void): CommandModule<object, PacketArgs> {
  return {
    command: 'packet <deliberation>',
    describe: "Produit le paquet de transmission d'une délibération : acte, annexes numérotées et tamponnées, manifeste et dossier de publication",
    builder: (y: Argv<object>): Argv<PacketArgs> =>
      y
        .positional('deliberation', { type: 'string', demandOption: true, describe: 'identifiant de la délibération (ex. 2014-06-26)' })
        .option('data', { type: 'string', describe: 'dossier des données (défaut : les données livrées avec convkit)' })
        .option('out', { type: 'string', demandOption: true, describe: 'dossier où écrire le paquet (remplacé de façon atomique)' }),
    handler: async (argv) => {
      // Loaded on use (see index.ts): the data loader, the deliberation checks, the PDF stack.
      const { runPacket } = await import('../packet/run.js');
      const dataDir = argv.data ?? fileURLToPath(new URL('../../data/', import.meta.url));
      const manifest = await runPacket({ id: argv.deliberation, dataDir, outDir: argv.out }, await defaultPacketDeps());
      const annexes = manifest.files.filter((f) => f.role === 'annexe').length;
      const lines = [
        `Paquet de la délibération ${manifest.deliberation} (acte n° ${manifest.actNumber}) écrit dans ${path.normalize(argv.out)} :`,
        ...manifest.files.map((f) => `  ${f.path}  ${f.pages} p.  ${f.bytes} octets`),
        '  manifest.json',
        `${annexes} annexe(s), ${formatMegabytes(manifest.totalBytes)} au total (limite ${formatMegabytes(manifest.maxBytes)}).`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      setExitCode(0);
    },
  };
}
