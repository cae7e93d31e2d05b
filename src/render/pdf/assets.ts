import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The four faces of the body font, one file each under `assets/fonts/`. */
export const FONT_FILES = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
} as const;

/** sRGB IEC 61966-2.1 ICC profile of the PDF/A output intent. */
export const ICC_FILE = 'sRGB.icc';

let assetsDir: string | undefined;

/**
 * The package's `assets/` folder. Found by walking up from this module, so it works from
 * `src/render/pdf/` (tests, tsx) and from `dist/render/pdf/` (built package) alike.
 */
export function assetsRoot(): string {
  if (assetsDir !== undefined) return assetsDir;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'assets');
    if (existsSync(path.join(candidate, 'fonts', FONT_FILES.regular))) {
      assetsDir = candidate;
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`polices introuvables : aucun dossier assets/fonts au-dessus de ${dir}`);
    dir = parent;
  }
}

const cache = new Map<string, Uint8Array>();

/** Bytes of a file under `assets/`, read once per process. */
export function assetBytes(...relative: string[]): Uint8Array {
  const key = relative.join('/');
  let bytes = cache.get(key);
  if (bytes === undefined) {
    bytes = new Uint8Array(readFileSync(path.join(assetsRoot(), ...relative)));
    cache.set(key, bytes);
  }
  return bytes;
}
