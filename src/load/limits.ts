/**
 * The stated limits on what fn-model will read, so a hostile or broken file is refused
 * with one located line instead of exhausting memory or time. Every limit is far above any
 * real programme table (the bundled tables are under 2 KB) and most are Excel's own maxima,
 * so nothing Excel can save is refused for its size. `docs/robustness.md` lists them.
 */
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';

/** Largest CSV file read: 128 MiB (checked from the file's size before it is read). */
export const CSV_MAX_FILE_BYTES = 128 * 1024 * 1024;

/** Largest .xlsx file read: 100 MiB (checked from the file's size before it is read). */
export const XLSX_MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Longest cell text: 32,767 characters, Excel's own maximum for a cell. */
export const MAX_CELL_CHARACTERS = 32_767;

/** Most cells in a row: 16,384, Excel's own maximum number of columns (A to XFD). */
export const MAX_COLUMNS = 16_384;

/** Most rows in a file or sheet: 1,048,576, Excel's own maximum. */
export const MAX_ROWS = 1_048_576;

/** Most cells in one file or sheet (rows × columns as read): 2,000,000. */
export const MAX_CELLS = 2_000_000;

/** `n` with thousands separators, as limits are written in messages (`16,384`). */
export function limitText(n: number): string {
  return n.toLocaleString('en-GB');
}

/** The file size (bytes) above which a CSV or workbook is refused unread, by file name. */
export function fileSizeLimitFor(path: string): number {
  return path.toLowerCase().endsWith('.xlsx') ? XLSX_MAX_FILE_BYTES : CSV_MAX_FILE_BYTES;
}

/** The message for a file over its size limit, e.g. `is 200 MiB; files over 128 MiB are refused`. */
export function fileSizeMessage(bytes: number, limit: number): string {
  const mib = (n: number) => `${limitText(Math.ceil(n / (1024 * 1024)))} MiB`;
  return `is ${mib(bytes)} (${limitText(bytes)} bytes); files over ${mib(limit)} are refused (see docs/robustness.md)`;
}

/** The message for input that is a device, pipe or socket rather than a file. */
export const NOT_A_REGULAR_FILE = 'is not a regular file (a device, pipe or socket: its size cannot be known, so it is not read)';

/**
 * Refuse a device (`/dev/zero`), FIFO or socket, also through a symlink: its size reads as
 * 0, so no size limit could hold, and opening a FIFO would wait for a writer forever.
 * Checked with `stat` (which never blocks) before any `open`.
 * @throws an Error with code `ENOTREG` (message {@link NOT_A_REGULAR_FILE}) for such a path;
 *   the fs error (ENOENT, …) when it cannot be examined. Folders pass (callers report EISDIR).
 */
export async function refuseIfNotRegularFile(path: string): Promise<void> {
  refuseIfNotRegularFileSync(path);
}

/** {@link refuseIfNotRegularFile}, synchronously (for the small files read whole). */
function refuseIfNotRegularFileSync(path: string): void {
  const info = statSync(path);
  if (info.isFile() || info.isDirectory()) return;
  throw Object.assign(new Error(`${path}: ${NOT_A_REGULAR_FILE}`), { code: 'ENOTREG' });
}

/**
 * Read a whole file unless it is over `limit` bytes: `{ bytes }`, or `{ size }` (its size,
 * unread) when over. One open, one fstat, one read, so the limit costs no extra system call.
 * The calls are synchronous: these are whole-file reads of tables and maps, which a CLI
 * does one after another anyway, and each asynchronous call would be a round trip through
 * libuv's thread pool (about 10 ms of idle time in loading the bundled dataset).
 * @throws the fs error (ENOENT, EISDIR, EACCES, …) as `readFile` would.
 */
export async function readFileWithin(path: string, limit: number): Promise<{ readonly bytes: Buffer; readonly size?: undefined } | { readonly size: number; readonly bytes?: undefined }> {
  refuseIfNotRegularFileSync(path);
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > limit) return { size };
    return { bytes: readFileSync(fd) };
  } finally {
    closeSync(fd);
  }
}
