/**
 * Where the bundled March 2021 dataset lives. Kept apart from the loader (and free of
 * dependencies) so option helpers can name the default `--data` without loading it.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The absolute path of the bundled March 2021 dataset folder (`data/march-2021`), found
 * from this module's own location (not the working directory), so it works from
 * `src/load/` (tests), from `dist/src/load/` after `tsc`, and from a chunk in
 * `dist/bundle/` (the esbuild bundle the CLI runs).
 */
export function bundledDatasetPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../data/march-2021'), resolve(here, '../../../data/march-2021')];
  return candidates.find((candidate) => existsSync(candidate)) ?? (candidates[1] as string);
}
