import { readdir, readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { ConvkitError } from '../../errors.js';
import { decodeText } from './decode.js';
import { parseDocx } from './docx.js';
import { parseOdt } from './odt.js';
import { parseMd } from './md.js';
import { parseTxt } from './txt.js';
import type { ReadSourceFile } from './source.js';
import { parsePdf } from './pdf.js';

export type { ReadSourceFile } from './source.js';
export { isReadSourceFile, lineStartsOf, computeLineStarts } from './source.js';
export { DOCX_XML_LIMIT } from './docx.js';
export { ODT_XML_LIMIT } from './odt.js';

/** Input files larger than this are refused (the linter is linear, but memory is not free). */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/** File extensions the linter reads. */
export const LINT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.docx', '.odt', '.pdf'];

/** The reader format of a path, from its extension (case-insensitive); undefined when unsupported. */
export function formatOf(file: string): 'txt' | 'md' | 'docx' | 'odt' | 'pdf' | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.txt') return 'txt';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.docx') return 'docx';
  if (ext === '.odt') return 'odt';
  if (ext === '.pdf') return 'pdf';
  return undefined;
}

/**
 * Parses bytes already in memory as the given format (no file-system access). Throws a
 * French ConvkitError for binary data, a corrupt .docx or .odt, or a zip bomb.
 */
export function parseSource(file: string, format: 'txt' | 'md' | 'docx' | 'odt', bytes: Uint8Array): ReadSourceFile {
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(file, bytes.length);
  if (format === 'docx') return parseDocx(file, bytes);
  if (format === 'odt') return parseOdt(file, bytes);
  const { text, encoding } = decodeText(bytes, file);
  return format === 'md' ? parseMd(file, text, encoding) : parseTxt(file, text, encoding);
}

/**
 * Like {@link parseSource}, for every format including `.pdf` (read with pdf.js, loaded on
 * the first PDF): asynchronous. A PDF without text (a scan) is a French ConvkitError.
 */
export async function parseSourceAsync(file: string, format: 'txt' | 'md' | 'docx' | 'odt' | 'pdf', bytes: Uint8Array): Promise<ReadSourceFile> {
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(file, bytes.length);
  return format === 'pdf' ? parsePdf(file, bytes) : parseSource(file, format, bytes);
}

/**
 * Reads one input file into a {@link ReadSourceFile} (a `SourceFile` with line table and
 * suppression directives), dispatching on the extension: `.txt`, `.md` (or `.markdown`),
 * `.docx`, `.odt`, `.pdf`. Every failure (missing or unreadable file, unsupported extension, binary data,
 * corrupt .docx or .odt, file over {@link MAX_INPUT_BYTES}) is a French ConvkitError naming the
 * file (exit status 2).
 */
export async function readSourceFile(file: string): Promise<ReadSourceFile> {
  const format = formatOf(file);
  if (!format) {
    throw new ConvkitError(
      `${file} : format non pris en charge (extension « ${path.extname(file) || 'aucune'} ») : convkit lint lit les fichiers .txt, .md, .docx, .odt et .pdf.`,
      { locations: [{ file }] },
    );
  }
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new ConvkitError(`${file} : est un dossier, pas un fichier.`, { locations: [{ file }] });
    size = info.size;
  } catch (error) {
    if (error instanceof ConvkitError) throw error;
    throw unreadable(file, error);
  }
  if (size > MAX_INPUT_BYTES) throw tooLarge(file, size);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw unreadable(file, error);
  }
  return parseSourceAsync(file, format, bytes);
}

/**
 * Expands the command-line inputs: a file stays as given; a directory becomes its `.txt`,
 * `.md`, `.docx`, `.odt` and `.pdf` files and those of its sub-folders (see filesUnder). Duplicates are dropped, order is
 * kept. A missing path, or a directory without any such file, is a French ConvkitError.
 */
export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    const key = path.resolve(p);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  };
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch (error) {
      throw unreadable(input, error);
    }
    if (!isDir) {
      add(input);
      continue;
    }
    const found = await filesUnder(input);
    if (found.length === 0) {
      throw new ConvkitError(`${input} : ce dossier ne contient aucun fichier .txt, .md, .docx, .odt ou .pdf à vérifier (ni dans ses sous-dossiers).`, { locations: [{ file: input }] });
    }
    for (const file of found) add(file);
  }
  return out;
}

/**
 * The lintable files of a folder and of its sub-folders (`convkit lint out` after `convkit
 * generate`: conventions/, chartes/…): a folder's own files first, by name, then each
 * sub-folder in name order. Hidden folders (« .git »), node_modules and Word's lock files
 * (« ~$… ») are skipped; symbolic links to folders are not followed (no loop).
 */
async function filesUnder(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (error) {
    throw unreadable(dir, error);
  }
  const out: string[] = [];
  for (const d of entries) {
    if ((d.isFile() || d.isSymbolicLink()) && formatOf(d.name) !== undefined && !d.name.startsWith('~$')) out.push(path.join(dir, d.name));
  }
  for (const d of entries) {
    if (d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules') out.push(...(await filesUnder(path.join(dir, d.name))));
  }
  return out;
}

/** Reads every input (after {@link expandInputs}), in order. */
export async function readSourceFiles(inputs: readonly string[]): Promise<ReadSourceFile[]> {
  const files = await expandInputs(inputs);
  const out: ReadSourceFile[] = [];
  for (const f of files) out.push(await readSourceFile(f));
  return out;
}

function unreadable(file: string, error: unknown): ConvkitError {
  const code = (error as { code?: unknown } | null)?.code;
  const why =
    code === 'ENOENT' || code === 'ENOTDIR' ? 'fichier ou dossier introuvable'
    : code === 'EACCES' || code === 'EPERM' ? 'lecture non autorisée'
    : code === 'EISDIR' ? 'est un dossier'
    : `lecture impossible (${error instanceof Error ? error.message : String(error)})`;
  return new ConvkitError(`${file} : ${why}.`, { locations: [{ file }], cause: error });
}

function tooLarge(file: string, size: number): ConvkitError {
  return new ConvkitError(
    `${file} : fichier trop volumineux (${Math.round(size / 1024 / 1024)} Mo) : la limite est de ${MAX_INPUT_BYTES / 1024 / 1024} Mo par fichier.`,
    { locations: [{ file }] },
  );
}
