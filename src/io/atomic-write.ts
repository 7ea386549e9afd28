/**
 * Atomic file output: never half a report. Data is written to a temporary file in the
 * target's own directory (so the rename cannot cross file systems), fsynced, then
 * renamed over the target, and the directory is fsynced where the platform allows; on
 * any failure the temporary file is removed and the previous target, if any, is
 * untouched. A temporary file left by a writer that was killed (SIGKILL, power loss) is
 * removed by the next write to the same target, once its process is gone.
 */
import { randomBytes } from 'node:crypto';
import { type FileHandle, lstat, open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The prefix of fn-model's temporary files (`.fn-model-tmp-<name>-<pid>-<random>`). */
export const TEMP_PREFIX = '.fn-model-tmp-';

/** The temporary path used while writing `target`: `.fn-model-tmp-<name>-<pid>-<hex>` beside it. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `${TEMP_PREFIX}${basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * The file a write to `path` should replace: `path` itself when it is absent or a regular
 * file; the file a symlink points to (so the link stays a link); never a device, FIFO,
 * socket or folder, which a rename would silently replace (`-o /dev/null` as root).
 * @throws an Error with code `ENOTREG` for such a target.
 */
async function regularTarget(path: string): Promise<string> {
  let target = path;
  try {
    if ((await lstat(path)).isSymbolicLink()) target = await realpath(path);
    const info = await stat(target);
    if (info.isFile()) return target;
    throw Object.assign(new Error(`${path}: ${info.isDirectory() ? 'is a folder' : 'is not a regular file (a device, pipe or socket)'}`), { code: info.isDirectory() ? 'EISDIR' : 'ENOTREG' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return target;
    throw error;
  }
}

/**
 * Write `data` to `path` atomically (temp file in the same directory + fsync + rename +
 * directory fsync). Stale temporaries of `path` from dead writers are removed first.
 * @throws the file system's error (e.g. ENOENT for a missing directory, EACCES) after
 *   removing the temporary file; `path` is then untouched.
 */
export async function writeFileAtomic(requested: string, data: string | Uint8Array): Promise<void> {
  await writeAtomically(requested, async (handle) => {
    await handle.writeFile(data);
  });
}

/**
 * Write `path` atomically, as {@link writeFileAtomic} does, with the content written by
 * `write` into the temporary file whose path it is given (for writers that stream to a
 * path of their own, such as exceljs's `WorkbookWriter`). The temporary file exists
 * (empty, held open) when `write` is called; it is fsynced after (the same file through
 * the held handle), then renamed over `path`.
 * @throws whatever `write` throws, or the file system's error, after removing the
 *   temporary file; `path` is then untouched.
 */
export async function writeFileAtomicWith(requested: string, write: (temporary: string) => Promise<void>): Promise<void> {
  await writeAtomically(requested, async (_handle, temporary) => {
    await write(temporary);
  });
}

/**
 * The shared steps: temporary file created exclusively beside the target, `fill` writes it
 * (through the handle or by its path), fsync, rename, directory fsync; on failure the
 * temporary file is removed.
 */
async function writeAtomically(requested: string, fill: (handle: FileHandle, temporary: string) => Promise<void>): Promise<void> {
  const path = await regularTarget(requested);
  await removeStaleTemporaries(path);
  const temporary = temporaryPathFor(path);
  const handle = await open(temporary, 'wx', 0o644);
  try {
    try {
      await fill(handle, temporary);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  try {
    const folder = await open(dirname(path), 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename itself is still atomic.
  }
}

/** Whether process `pid` is running (signal 0 probes without signalling; EPERM means it exists). */
function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove temporary files of `target` (`.fn-model-tmp-<name>-<pid>-<hex>`) left by writers
 * that no longer run. Files of running processes (including this one) are left alone, and
 * nothing else in the folder is touched. Failures are ignored: clean-up never stops a write.
 */
export async function removeStaleTemporaries(target: string): Promise<void> {
  const prefix = `${TEMP_PREFIX}${basename(target)}-`;
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const owner = /^(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length));
    if (!owner) continue;
    const pid = Number(owner[1]); // number-ok: a process id
    if (pid === process.pid || processIsAlive(pid)) continue;
    await rm(join(dirname(target), name), { force: true }).catch(() => undefined);
  }
}
