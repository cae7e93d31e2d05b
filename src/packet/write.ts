import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConvkitError } from '../errors.js';

/** A file to write, relative to the packet folder. */
export interface OutputFile {
  readonly path: string;
  readonly bytes: Uint8Array | string;
}

/** The file that marks a folder as a packet (so that replacing it never deletes other work). */
export const PACKET_MARKER = 'manifest.json';

/**
 * Writes the files into a temporary folder next to `outDir`, then renames it into place. A
 * failure at any point leaves a previous packet in `outDir` untouched. An existing `outDir`
 * is replaced only when it is empty or holds a previous packet (a `manifest.json`).
 */
export async function writeAtomically(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  const existing = await stat(target).catch(() => undefined);
  if (existing) {
    if (!existing.isDirectory()) throw new ConvkitError(`« ${outDir} » existe et n'est pas un dossier`);
    const entries = await readdir(target);
    if (entries.length > 0 && !entries.includes(PACKET_MARKER)) {
      throw new ConvkitError(
        `le dossier de sortie « ${outDir} » n'est pas vide et ne contient pas de paquet (pas de ${PACKET_MARKER}) : choisissez un dossier vide ou nouveau`,
      );
    }
  }
  await mkdir(parent, { recursive: true });
  const tmp = await mkdtemp(path.join(parent, `.${base}.tmp-`));
  try {
    for (const f of files) {
      const full = path.join(tmp, f.path);
      if (path.relative(tmp, full).startsWith('..')) throw new ConvkitError(`chemin de fichier invalide dans le paquet : « ${f.path} »`);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, f.bytes);
    }
    if (existing) {
      const old = `${tmp}.old`;
      await rename(target, old);
      try {
        await rename(tmp, target);
      } catch (error) {
        await rename(old, target);
        throw error;
      }
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(tmp, target);
    }
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}
