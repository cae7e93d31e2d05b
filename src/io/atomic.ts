/**
 * Atomic file writes: the bytes go to a temporary file in the same folder, which is then
 * renamed over the target. A reader never sees a half-written file, and an interrupted run
 * leaves the previous file intact. Used by every command that writes.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

/** Options of {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /**
   * Folders this caller has already created (a batch writes thousands of files into a few
   * folders): the parent folder is created only when not in the set, then added to it.
   */
  readonly createdDirs?: Set<string>;
}

/**
 * Writes `data` to `file` atomically, creating the parent folders. The temporary name is
 * unique per process and call (`.convkit-tmp-<pid>-<n>-<name>`, the prefix the batch runner
 * recognises as convkit's leftovers), so concurrent writers never collide.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  if (options.createdDirs?.has(dir) !== true) {
    await mkdir(dir, { recursive: true });
    options.createdDirs?.add(dir);
  }
  counter += 1;
  const tmp = path.join(dir, `.convkit-tmp-${process.pid}-${counter}-${path.basename(file)}`);
  try {
    const handle = await open(tmp, 'wx', 0o644).catch(async (error: unknown) => {
      // A folder taken for made may have been removed since: make it again, once.
      if (options.createdDirs === undefined || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dir, { recursive: true });
      return open(tmp, 'wx', 0o644);
    });
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
