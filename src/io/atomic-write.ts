/**
 * Writing output files so a reader never sees half a file: write a temporary file in
 * the same directory, flush it to disk, then rename it over the target.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The prefix of fn-model's temporary files (`.fn-model-tmp-<name>-<pid>-<random>`). */
export const TEMP_PREFIX = '.fn-model-tmp-';

/**
 * Write `data` to `path` atomically: a temp file `.fn-model-tmp-<name>-<random>` beside
 * it is written, fsync'd and renamed onto `path` (then the directory is fsync'd where the
 * platform allows). On failure the temp file is removed and `path` is untouched.
 * @throws the file system's error (e.g. ENOENT for a missing directory, EACCES).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const directory = dirname(path);
  const temporary = join(directory, `${TEMP_PREFIX}${basename(path)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(temporary, 'wx', 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  try {
    const folder = await open(directory, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename itself is still atomic.
  }
}
