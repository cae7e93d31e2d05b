import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { WrittenFile } from '../generate/index.js';
import { parseFormats } from '../generate/plan.js';
import { defaultDataDir } from '../generate/default-dir.js';

interface GenerateArgs {
  readonly data?: string;
  readonly out: string;
  readonly format: string;
  readonly only?: readonly string[];
  readonly templates?: string;
  readonly strict: boolean;
}

/** « 34 Ko »: sizes in kilo-octets, rounded up (a file is never « 0 Ko »). */
export function sizeInKo(bytes: number): string {
  return `${Math.max(1, Math.ceil(bytes / 1024))} Ko`;
}

/** « écrit out/conventions/caf-21.docx (34 Ko) », path relative to the working folder. */
export function writtenLine(file: WrittenFile, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, file.path);
  const shown = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file.path;
  return `écrit ${shown.split(path.sep).join('/')} (${sizeInKo(file.size)})`;
}

/**
 * `convkit generate [--data DIR] [--out DIR] [--format docx|pdf|docx,pdf] [--only ID…]`:
 * builds every convention (with its annexes), charter and engagement act from the data and
 * writes them under the output folder, then prints one line per file written. Bad data, a
 * template error or an unknown id → a located French message, exit status 2, nothing written.
 * A large run (see src/batch) writes each document as it is ready: one that fails is reported
 * and the run ends with status 2, the others are written.
 */
export function generateCommand(setExitCode: (code: number) => void): CommandModule<object, GenerateArgs> {
  return {
    command: 'generate',
    describe: 'Produit les conventions, chartes et actes d’engagement (DOCX, PDF) à partir des données',
    builder: (y: Argv<object>): Argv<GenerateArgs> =>
      y
        .option('data', { type: 'string', describe: 'Dossier des données (par défaut : les données fournies avec convkit)' })
        .option('out', { type: 'string', default: 'out', describe: 'Dossier de sortie' })
        .option('format', { type: 'string', default: 'docx,pdf', describe: 'Formats : docx, pdf ou docx,pdf' })
        .option('only', {
          type: 'string',
          array: true,
          describe: 'Identifiants de partenaires ou de signataires à produire (ex. --only caf-21 chenove)',
        })
        .option('templates', { type: 'string', describe: 'Dossier des modèles (par défaut : les modèles fournis avec convkit)' })
        .option('strict', {
          type: 'boolean',
          default: false,
          describe: 'N’écrit rien si un document a des blancs à compléter (exécution « prête à signer »)',
        }) as unknown as Argv<GenerateArgs>,
    handler: async (argv) => {
      // Loaded on use (see index.ts): the generator, its renderers and the batch.
      const { createProgressBar, generateDocuments } = await import('../batch/index.js');
      const { blankSummaryText } = await import('../generate/blanks-summary.js');
      const formats = parseFormats(argv.format);
      const only = (argv.only ?? []).flatMap((o) => String(o).split(',')).map((o) => o.trim()).filter((o) => o !== '');
      // Large runs go to worker threads (src/batch): a progress bar on a terminal, each file
      // written as it arrives, a failing document reported while the others are written.
      const bar = createProgressBar(process.stderr);
      const { written, failures, documents, blanks } = await generateDocuments({
        dataDir: argv.data ?? defaultDataDir(),
        outDir: argv.out,
        formats,
        only,
        ...(argv.templates !== undefined ? { templatesDir: argv.templates } : {}),
        onProgress: bar.update,
        refuseBlanks: argv.strict,
      }).finally(bar.finish);
      for (const file of written) process.stdout.write(`${writtenLine(file)}\n`);
      // What remains to fill, from the same blanks `convkit validate` warns about.
      process.stdout.write(blankSummaryText(blanks));
      for (const f of failures) process.stderr.write(`convkit : échec de ${f.id} : ${f.message}\n`);
      if (failures.length > 0) {
        process.stderr.write(`convkit : ${failures.length} document${failures.length > 1 ? 's' : ''} sur ${documents} non produit${failures.length > 1 ? 's' : ''} ; les autres sont écrits.\n`);
        setExitCode(2);
      }
    },
  };
}
