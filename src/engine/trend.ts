/**
 * The trend engine: a year (or any run) of monthly snapshots of the dataset, each
 * recomputed from its line items, as series month by month. Pure: no I/O.
 *
 * Built entirely from {@link movementBetween}: the trend over months m0 < m1 < … < mN
 * is the movement m0 → m1, m1 → m2, …, so every rule of `fn-model movement` holds here
 * (docs/movement.md, docs/trend.md):
 * - the figures are each line's and table's 2020/21 budget, outturn projection and
 *   variance, computed (stated figures are never used), £000;
 * - lines are matched by line id within their table; a line absent from a month counts
 *   as zero that month, so a line added in month m changes by its whole figures in m,
 *   and a removed line by minus its figures;
 * - a month's change = that month − the previous snapshot's month (null for the first);
 * - the combined adverse movement's change each month is the movement bridge, one
 *   step per table, positive = more adverse.
 * So for every line, every table and the combined figure, the monthly changes sum
 * exactly to last − first (checked before the report is returned).
 */
import { type Amount, ZERO, equals, isZero, subtract, sum } from '../money/index.js';
import type { Month, Programme, TableId, TableKind } from '../model/index.js';
import { missingMonths } from '../model/index.js';
import { type BridgeStep, type LineMovement, type LineStatus, type MovementReport, type PositionFigures, movementBetween, positionChange } from './movement.js';
import { type VarianceOptions, type VarianceReport, computeVariance } from './variance.js';

/** One snapshot of the trend: its month and its variance report (recomputed from line items). */
export interface TrendSnapshot {
  readonly month: Month;
  /** How the month was known, when the caller says: from the snapshot's name or a label the user gave. */
  readonly monthFrom?: 'name' | 'label';
  readonly report: VarianceReport;
}

/** A line's or table's position in one month, £000, and its change since the previous snapshot. */
export interface TrendPoint {
  readonly month: Month;
  /** The 2020/21 budget, outturn and variance that month; undefined when the line is absent that month. */
  readonly position: PositionFigures | undefined;
  /** This month − the previous snapshot's month (absent = zero); undefined for the first month. */
  readonly change: PositionFigures | undefined;
  /**
   * How the line fared since the previous snapshot (as `movement`), or `absent` when it
   * is in neither month; undefined for the first month and for tables.
   */
  readonly status: LineStatus | 'absent' | undefined;
}

/** One line's series, matched by line id within its table. */
export interface LineTrend {
  readonly id: string;
  /** The line's name in the latest snapshot that has it. */
  readonly name: string;
  /** One point per snapshot, in month order. */
  readonly points: readonly TrendPoint[];
  /** Last month − first month (absent = zero), £000; equals the sum of the monthly changes. */
  readonly change: PositionFigures;
  /** The first month whose outturn projection differs from the previous snapshot's (absent = zero); undefined if it never moved. */
  readonly firstMoved: Month | undefined;
  /** The months in which the line appeared (not in the previous snapshot) and disappeared. */
  readonly added: readonly Month[];
  readonly removed: readonly Month[];
}

/** One table's series: its computed TOTAL position month by month, and its lines. */
export interface TableTrend {
  readonly id: TableId;
  readonly title: string;
  readonly kind: TableKind;
  readonly points: readonly TrendPoint[];
  readonly change: PositionFigures;
  /** The first month whose table outturn projection moved; undefined if it never moved. */
  readonly firstMoved: Month | undefined;
  /** Lines in the last snapshot's order, then lines gone by then, latest first seen order (empty for cross-table rows). */
  readonly lines: readonly LineTrend[];
}

/** The combined adverse movement (savings shortfall − cost underspend, computed) in one month, £000. */
export interface CombinedPoint {
  readonly month: Month;
  readonly costUnderspend: Amount;
  readonly savingsShortfall: Amount;
  readonly combined: Amount;
  /** The snapshot's published combined figure, if it states one (for information). */
  readonly published: Amount | undefined;
  /** This month − the previous snapshot's; undefined for the first month. Positive = more adverse. */
  readonly change: Amount | undefined;
  /** The change split by table (the movement bridge's steps); empty for the first month. */
  readonly steps: readonly BridgeStep[];
}

/** A line that appeared or disappeared between two snapshots. */
export interface LineEvent {
  readonly month: Month;
  readonly table: TableId;
  readonly line: string;
  readonly name: string;
  readonly event: 'added' | 'removed';
}

/** Everything the trend report shows; every renderer works from this alone. */
export interface TrendReport {
  /** The snapshots in month order (at least two, months distinct). */
  readonly snapshots: readonly TrendSnapshot[];
  readonly months: readonly Month[];
  /** Calendar months between the first and last snapshot that no snapshot covers (a change then spans them). */
  readonly gaps: readonly Month[];
  /** The movement from each snapshot to the next: `movements[i]` is months[i] → months[i + 1]. */
  readonly movements: readonly MovementReport[];
  readonly combined: readonly CombinedPoint[];
  /** combined(last) − combined(first); equals the sum of the monthly changes. */
  readonly combinedChange: Amount;
  readonly tables: readonly TableTrend[];
  /** Every line added or removed, in month order, then table and line order. */
  readonly events: readonly LineEvent[];
}

const NIL: PositionFigures = { budget: ZERO, outturn: ZERO, variance: ZERO };

function totalChange(points: readonly TrendPoint[]): PositionFigures {
  return positionChange(points[0]!.position ?? NIL, points.at(-1)!.position ?? NIL).change;
}

function firstMove(points: readonly TrendPoint[]): Month | undefined {
  return points.find((point) => point.change !== undefined && !isZero(point.change.outturn))?.month;
}

/** The ids of a table's lines across every movement: last snapshot's order, then earlier ones' (latest first). */
function lineIdsOf(movements: readonly MovementReport[], table: TableId): string[] {
  const ids: string[] = [];
  for (let index = movements.length - 1; index >= 0; index--) {
    const lines = movements[index]!.tables.find((item) => item.id === table)?.lines ?? [];
    for (const line of lines) if (line.status !== 'removed' && !ids.includes(line.id)) ids.push(line.id);
    for (const line of lines) if (!ids.includes(line.id)) ids.push(line.id);
  }
  return ids;
}

function lineTrend(months: readonly Month[], movements: readonly MovementReport[], table: TableId, id: string): LineTrend {
  const entries: (LineMovement | undefined)[] = movements.map((movement) =>
    movement.tables.find((item) => item.id === table)?.lines.find((line) => line.id === id));
  const first = entries[0];
  const points: TrendPoint[] = [{
    month: months[0]!,
    position: first && first.status !== 'added' ? first.from : undefined,
    change: undefined,
    status: undefined,
  }];
  entries.forEach((entry, index) => {
    points.push({
      month: months[index + 1]!,
      position: entry && entry.status !== 'removed' ? entry.to : undefined,
      change: entry ? entry.change : NIL,
      status: entry ? entry.status : 'absent',
    });
  });
  const name = [...entries].reverse().find((entry) => entry !== undefined)!.name;
  return {
    id,
    name,
    points,
    change: totalChange(points),
    firstMoved: firstMove(points),
    added: points.filter((point) => point.status === 'added').map((point) => point.month),
    removed: points.filter((point) => point.status === 'removed').map((point) => point.month),
  };
}

function tableTrend(months: readonly Month[], movements: readonly MovementReport[], id: TableId): TableTrend {
  const found = movements.map((movement) => movement.tables.find((item) => item.id === id)!);
  const points: TrendPoint[] = [
    { month: months[0]!, position: found[0]!.from, change: undefined, status: undefined },
    ...found.map((table, index) => ({ month: months[index + 1]!, position: table.to, change: table.change, status: undefined })),
  ];
  const covered = found.every((table) => table.lines.length === 0);
  const { title, kind } = found.at(-1)!;
  return {
    id, title, kind, points,
    change: totalChange(points),
    firstMoved: firstMove(points),
    lines: covered ? [] : lineIdsOf(movements, id).map((line) => lineTrend(months, movements, id, line)),
  };
}

function checkTelescopes(what: string, points: readonly TrendPoint[], change: PositionFigures): void {
  const summed = sum(points.map((point) => point.change?.outturn ?? ZERO));
  if (!equals(summed, change.outturn)) throw new Error(`trend of ${what}: monthly changes sum to ${summed.toFixed()} but last − first is ${change.outturn.toFixed()}`);
}

/**
 * Build the trend from computed variance reports, one per month.
 * @throws Error when fewer than two snapshots are given or the months are not strictly
 *   ascending (the caller sorts and checks them: `fn-model trend` reports that as bad
 *   input), or when the monthly changes fail to sum to last − first (an engine bug).
 */
export function trendOf(snapshots: readonly TrendSnapshot[]): TrendReport {
  if (snapshots.length < 2) throw new Error(`a trend needs at least two snapshots, got ${snapshots.length}`);
  const months = snapshots.map((snapshot) => snapshot.month);
  months.forEach((month, index) => {
    if (index > 0 && !(months[index - 1]! < month)) throw new Error(`trend snapshots out of month order: ${months[index - 1]} then ${month}`);
  });
  const movements = snapshots.slice(1).map((snapshot, index) => movementBetween(snapshots[index]!.report, snapshot.report));
  const tableIds = [...new Set(movements.flatMap((movement) => movement.tables.map((table) => table.id)))];
  const tables = tableIds.map((id) => tableTrend(months, movements, id));
  const combined: CombinedPoint[] = snapshots.map((snapshot, index) => {
    const movement = index === 0 ? undefined : movements[index - 1]!;
    return {
      month: snapshot.month,
      costUnderspend: snapshot.report.costs.variance,
      savingsShortfall: snapshot.report.savings.variance,
      combined: snapshot.report.combined.computed,
      published: snapshot.report.combined.published,
      change: movement?.bridge.change,
      steps: movement?.bridge.steps ?? [],
    };
  });
  const combinedChange = subtract(combined.at(-1)!.combined, combined[0]!.combined);
  const summed = sum(combined.map((point) => point.change ?? ZERO));
  if (!equals(summed, combinedChange)) throw new Error(`trend: monthly changes of the combined figure sum to ${summed.toFixed()} but last − first is ${combinedChange.toFixed()}`);
  for (const table of tables) {
    checkTelescopes(table.id, table.points, table.change);
    for (const line of table.lines) checkTelescopes(`${table.id} ${line.id}`, line.points, line.change);
  }
  const events: LineEvent[] = months.slice(1).flatMap((month) => tables.flatMap((table) => table.lines.flatMap((line) =>
    [...(line.added.includes(month) ? ['added' as const] : []), ...(line.removed.includes(month) ? ['removed' as const] : [])]
      .map((event) => ({ month, table: table.id, line: line.id, name: line.name, event })))));
  return { snapshots, months, gaps: missingMonths(months), movements, combined, combinedChange, tables, events };
}

/**
 * Compute the trend of loaded snapshots (each with its month, in ascending month
 * order): each is recomputed from its line items by {@link computeVariance}.
 * @throws Error as {@link trendOf}.
 */
export function computeTrend(snapshots: readonly { readonly month: Month; readonly monthFrom?: 'name' | 'label'; readonly programme: Programme }[], options: VarianceOptions = {}): TrendReport {
  return trendOf(snapshots.map((snapshot) => ({
    month: snapshot.month, ...(snapshot.monthFrom ? { monthFrom: snapshot.monthFrom } : {}), report: computeVariance(snapshot.programme, options),
  })));
}
