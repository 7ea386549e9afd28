/**
 * Test fixtures: a copy of the bundled dataset in a temporary folder with some files
 * replaced or removed, and a way to capture the problems a load raises.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, bundledDatasetPath, formatProblem, loadProgramme, type LoadOptions } from '../../src/load/index.js';
import { temporaryFolder } from '../support/temp-folders.js';

/** Make a temporary copy of the bundled folder; `files` replaces (text/bytes) or removes (null) files. */
export function datasetWith(files: Readonly<Record<string, string | Uint8Array | null>> = {}): string {
  const folder = join(temporaryFolder('fn-model-load-'), 'march-2021');
  cpSync(bundledDatasetPath(), folder, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    if (content === null) rmSync(join(folder, name));
    else writeFileSync(join(folder, name), content);
  }
  return folder;
}

/** The formatted problems of loading `path`; fails the test if it loads. */
export async function problemsOf(path: string, options?: LoadOptions): Promise<string[]> {
  try {
    await loadProgramme(path, options);
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error(`expected ${path} to fail to load`);
}

/** The header of a standard table CSV. */
export const STANDARD_HEADER = 'line,name,2019/20,2020/21,2021/24,total,outturn,variance';
