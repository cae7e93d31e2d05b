/**
 * The version an amendment (« avenant ») amends, as its partner's `amendments` entry records it
 * (`from`: a git revision of the repository holding the data folder, or a folder relative to
 * the data folder). One resolution rule for every reader: the data checks probe it here
 * (synchronously, cheaply: one partner file), the packet and the lifecycle commands load it
 * with {@link resolveVersion} from {@link baseSpec}.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseYaml } from '../data/yaml-source.js';

/** `from` as `resolveVersion` takes it: an absolute folder, or the revision itself. */
export function baseSpec(dataRoot: string, from: string): string {
  const dir = path.resolve(dataRoot, from);
  return isDir(dir) ? dir : from;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function git(cwd: string, args: readonly string[]): { ok: boolean; out: string } {
  const r = spawnSync('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return { ok: r.status === 0, out: r.stdout ?? '' };
}

/** What the probe found: the base's own amendment numbers, or why it cannot be read (French). */
export type BaseProbe = { readonly ok: true; readonly numbers: readonly number[] } | { readonly ok: false; readonly message: string };

/**
 * Reads the partner's file in the base version named by `from` and returns the numbers of the
 * amendments it already records. Never throws: an unknown revision, a data folder or partner
 * file absent at that version, unreadable YAML come back as a French message.
 */
export function probeBase(dataRoot: string, from: string, partnerId: string): BaseProbe {
  const spec = path.resolve(dataRoot, from);
  let text: string | undefined;
  if (isDir(spec)) {
    const dataDir = isDir(path.join(spec, 'data')) ? path.join(spec, 'data') : spec;
    for (const ext of ['yaml', 'yml']) {
      try {
        text = readFileSync(path.join(dataDir, 'partners', `${partnerId}.${ext}`), 'utf8');
        break;
      } catch {
        // try the other extension
      }
    }
    if (text === undefined) {
      return { ok: false, message: `la convention de « ${partnerId} » n’existe pas dans la version « ${from} » (aucun fichier partners/${partnerId}.yaml dans ${dataDir}) : un avenant modifie une convention déjà signée` };
    }
  } else {
    const top = git(dataRoot, ['rev-parse', '--show-toplevel']);
    if (!top.ok) {
      return { ok: false, message: `« ${from} » n’est ni un dossier (relatif au dossier de données) ni une révision git : le dossier de données n’est pas dans un dépôt git` };
    }
    const root = realpathSync(top.out.trim());
    if (!git(root, ['rev-parse', '--verify', '--quiet', `${from}^{commit}`]).ok) {
      return { ok: false, message: `révision git inconnue : « ${from} » (ni une étiquette, ni une branche, ni un commit du dépôt ${root}, ni un dossier)` };
    }
    const relData = path.relative(root, realpathSync(dataRoot)).split(path.sep).join('/');
    const prefix = relData === '' ? '' : `${relData}/`;
    if (relData !== '' && !git(root, ['cat-file', '-e', `${from}:${relData}`]).ok) {
      return { ok: false, message: `le dossier de données « ${relData} » n’existe pas à la révision « ${from} »` };
    }
    for (const ext of ['yaml', 'yml']) {
      const shown = git(root, ['show', `${from}:${prefix}partners/${partnerId}.${ext}`]);
      if (shown.ok) {
        text = shown.out;
        break;
      }
    }
    if (text === undefined) {
      return { ok: false, message: `la convention de « ${partnerId} » n’existe pas à la révision « ${from} » (aucun fichier ${prefix}partners/${partnerId}.yaml) : un avenant modifie une convention déjà signée` };
    }
  }
  const yaml = parseYaml(text);
  const first = yaml.problems[0];
  if (first) return { ok: false, message: `le fichier partners/${partnerId}.yaml de la version « ${from} » est illisible (ligne ${first.line} : ${first.message})` };
  const list = (yaml.data as { amendments?: unknown } | null | undefined)?.amendments;
  const numbers = Array.isArray(list) ? list.flatMap((a) => (typeof (a as { number?: unknown } | null)?.number === 'number' ? [(a as { number: number }).number] : [])) : [];
  return { ok: true, numbers };
}
