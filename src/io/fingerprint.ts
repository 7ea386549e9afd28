/**
 * A dataset's fingerprint for the export's About sheet: SHA-256, hex.
 *
 * - A workbook (a file): the SHA-256 of its bytes (as `sha256sum FILE` prints).
 * - A folder: the SHA-256 of, for each `.csv` file directly in it in name order
 *   (code-point order), the file name, a NUL byte, its byte length in decimal, a NUL
 *   byte, then its bytes. Other files and sub-folders are not part of a dataset.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The SHA-256 (hex) of the dataset at `path` (see the module comment). @throws the fs error if it cannot be read. */
export async function datasetSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  if (!(await stat(path)).isDirectory()) return hash.update(await readFile(path)).digest('hex');
  const names = (await readdir(path, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.csv'))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const bytes = await readFile(join(path, name));
    hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}
