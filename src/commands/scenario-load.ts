/**
 * Loading shared by the scenario commands (`scenario run`, `sweep`, `tornado`, `simulate`):
 * the dataset and the scenario files. Imported by their actions with `await import()`, so
 * yaml and zod (the scenario file reader) load only when a scenario command runs.
 */
import type { Programme } from '../model/index.js';
import type { Scenario } from '../engine/scenario/model.js';
import { type LoadOptions, loadProgramme } from '../load/dataset.js';
import { readScenario } from '../scenarios-file/read.js';
import { UsageError } from './errors.js';
import { datasetPath } from './options.js';

/** Load the dataset (`--data` or the bundled March 2021 one, with the command's CSV options) and read each scenario file. */
export async function loadWithScenarios(data: string | undefined, files: readonly string[], options: LoadOptions = {}): Promise<{ programme: Programme; scenarios: Scenario[] }> {
  const programme = await loadProgramme(datasetPath(data), options);
  const scenarios: Scenario[] = [];
  for (const file of files) {
    try {
      scenarios.push(await readScenario(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new UsageError(`${file}: not found`);
      if (code === 'EISDIR') throw new UsageError(`${file}: is a directory, not a scenario file`);
      throw error;
    }
  }
  return { programme, scenarios };
}
