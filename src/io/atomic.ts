/**
 * Atomic file writes: the bytes go to a temporary file in the same folder, which is then
 * renamed over the target. A reader never sees a half-written file, and an interrupted run
 * leaves the previous file intact. Used by every command that writes.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

let counter = 0;

/**
 * Writes `data` to `file` atomically, creating the parent folders. The temporary name is
 * unique per process and call (`.convkit-tmp-<pid>-<n>-<name>`, the prefix the batch runner
 * recognises as convkit's leftovers), so concurrent writers never collide.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  counter += 1;
  const tmp = path.join(dir, `.convkit-tmp-${process.pid}-${counter}-${path.basename(file)}`);
  try {
    const handle = await open(tmp, 'wx', 0o644);
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
