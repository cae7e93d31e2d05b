import { fileURLToPath } from 'node:url';

/**
 * The data folder shipped with the package (`<package>/data`). In a module of its own so that
 * the commands' option lists can name it without loading the generator (src/cli/index.ts).
 */
export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../data/', import.meta.url));
}
