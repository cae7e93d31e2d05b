import path from 'node:path';
import { ConvkitError } from '../errors.js';

/**
 * The absolute path of an output file given relative to the output folder. Refuses anything
 * that could land outside it (`..`, an absolute path, an empty segment), whatever produced the
 * name: the data's ids are checked by the schema, this is the last line of defence.
 */
export function safeOutputPath(outRoot: string, relative: string): string {
  const segments = relative.split(/[\\/]/);
  const root = path.resolve(outRoot);
  const target = path.resolve(root, relative);
  if (
    relative === '' ||
    path.isAbsolute(relative) ||
    segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\0')) ||
    !target.startsWith(root + path.sep)
  ) {
    throw new ConvkitError(`chemin de sortie refusé : « ${relative} » sortirait du dossier de sortie ${outRoot}`);
  }
  return target;
}
