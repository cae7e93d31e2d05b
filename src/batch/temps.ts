import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * The temporary files of `src/io/atomic.ts` (`writeFileAtomic`): hidden, next to their
 * target, named `.convkit-tmp-<pid>-<n>-<name>`. Kept in step with that module's naming.
 */
const TEMP_NAME = /^\.convkit-tmp-(\d+)-(\d+)-(.+)$/;

/** Whether a file name is one of convkit's temporary files. */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

/** The id of the process that wrote a temporary file, or undefined. */
export function tempOwner(name: string): number | undefined {
  const pid = Number(TEMP_NAME.exec(name)?.[1]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** The name of the file a temporary file was about to become, or undefined. */
export function tempTarget(name: string): string | undefined {
  return TEMP_NAME.exec(name)?.[3];
}

/** Whether a process with this id is running (or exists but belongs to someone else). */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes, from `dir` and its sub-folders (down to `maxDepth`, links not followed), the
 * temporary files left by convkit runs that are no longer alive (killed halfway). Those of a
 * live process, this one included, are kept: a concurrent run is not disturbed. Returns the
 * paths removed, sorted. A missing folder is not an error.
 */
export async function removeStaleTemps(dir: string, maxDepth = 2): Promise<string[]> {
  const removed: string[] = [];
  const visit = async (folder: string, depth: number): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (depth < maxDepth) await visit(full, depth + 1);
      } else if (entry.isFile() && isTempName(entry.name)) {
        const pid = tempOwner(entry.name);
        if (pid !== undefined && isAlive(pid)) continue;
        await rm(full, { force: true }).catch(() => undefined);
        removed.push(full);
      }
    }
  };
  await visit(dir, 0);
  return removed.sort();
}
