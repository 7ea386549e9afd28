/**
 * Loading the snapshots of a trend (`fn-model trend`, `fn-model report --trend`): which
 * month each snapshot is (from its name, or from `--label`; docs/trend.md), checks that
 * there are at least two with distinct months, then every snapshot loaded, in month order.
 * Imported by the actions with `await import()`, so the loader loads only when they run.
 */
import { basename, extname, resolve } from 'node:path';
import type { LoadOptions } from '../load/dataset.js';
import { loadProgramme } from '../load/dataset.js';
import { InputError, type Problem } from '../load/errors.js';
import { type Month, type Programme, monthsIn } from '../model/index.js';
import { UsageError } from './errors.js';

/** A loaded snapshot, its month, and where the month came from (its name or `--label`). */
export interface DatedSnapshot {
  readonly month: Month;
  readonly monthFrom: 'name' | 'label';
  readonly programme: Programme;
}

/** The problems (and notes) of several snapshots that did not load, together. */
class SnapshotsInputError extends InputError {
  constructor(private readonly refused: readonly InputError[]) {
    super(refused.flatMap((error) => error.problems));
  }

  override get notes(): readonly string[] {
    return this.refused.flatMap((error) => error.notes);
  }
}

/** The name a snapshot's month is read from: the folder's name, or the workbook's without `.xlsx`. */
export function snapshotName(path: string): string {
  const name = basename(resolve(path));
  return extname(name).toLowerCase() === '.xlsx' ? name.slice(0, -'.xlsx'.length) : name;
}

/**
 * Date and load the snapshots: `labels`, when given, are the months of `paths` in the same
 * order (one each); otherwise each month is read from the snapshot's name.
 * @returns the snapshots sorted by month.
 * @throws UsageError for fewer than two snapshots or a label count that does not match;
 *   InputError (one located line per problem) for a name with no month or several, two
 *   snapshots of the same month, and every problem of every snapshot that does not load.
 */
export async function loadDatedSnapshots(paths: readonly string[], labels: readonly Month[] | undefined, options: LoadOptions): Promise<DatedSnapshot[]> {
  if (paths.length < 2) throw new UsageError(`a trend needs at least two snapshots, one per month; got ${paths.length}${paths.length === 1 ? ` (${paths[0]})` : ''}`);
  if (labels && labels.length !== paths.length) throw new UsageError(`${labels.length} month label(s) for ${paths.length} snapshots: give one --label per snapshot, in the same order`);
  const problems: Problem[] = [];
  const dated: { path: string; month: Month; monthFrom: 'name' | 'label' }[] = [];
  paths.forEach((path, index) => {
    const label = labels?.[index];
    if (label) {
      dated.push({ path, month: label, monthFrom: 'label' });
      return;
    }
    const name = snapshotName(path);
    const months = monthsIn(name);
    if (months.length === 1) dated.push({ path, month: months[0]!, monthFrom: 'name' });
    else if (months.length === 0) problems.push({ file: path, message: `no month in the name "${name}": name it like 2021-03 or march-2021, or give --label` });
    else problems.push({ file: path, message: `the name "${name}" gives more than one month (${months.join(', ')}): give --label` });
  });
  dated.forEach((snapshot, index) => {
    const earlier = dated.slice(0, index).find((other) => other.month === snapshot.month);
    if (earlier) problems.push({ file: snapshot.path, message: `month ${snapshot.month} (from its ${snapshot.monthFrom}) is also the month of ${earlier.path}: one snapshot per month` });
  });
  if (problems.length > 0) throw new InputError(problems);
  const loaded: DatedSnapshot[] = [];
  const refused: InputError[] = [];
  for (const snapshot of dated) {
    try {
      loaded.push({ month: snapshot.month, monthFrom: snapshot.monthFrom, programme: await loadProgramme(snapshot.path, options) });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      refused.push(error);
    }
  }
  if (refused.length === 1) throw refused[0]!;
  if (refused.length > 1) throw new SnapshotsInputError(refused);
  return loaded.sort((a, b) => (a.month < b.month ? -1 : 1));
}
