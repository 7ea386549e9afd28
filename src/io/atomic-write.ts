/**
 * Atomic file output: never half a report. Data is written to a temporary file in the
 * target's own directory (so the rename cannot cross file systems), fsynced, then
 * renamed over the target; on any failure the temporary file is removed and the
 * previous target, if any, is untouched.
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** The prefix of fn-model's temporary files (`.fn-model-tmp-<name>-<random>`), for clean-up and tests. */
export const TEMP_PREFIX = '.fn-model-tmp-';

/** The temporary path used while writing `target`. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `${TEMP_PREFIX}${basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Write `data` to `path` atomically (temp file in the same directory + fsync + rename).
 * @throws the underlying fs error (ENOENT for a missing directory, EACCES, …) after
 *   removing the temporary file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathFor(path);
  let handle;
  try {
    handle = await open(temporary, 'wx', 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
