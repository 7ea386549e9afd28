/**
 * The movement engine: what moved between two snapshots of the dataset (e.g. last
 * month's and this month's), and a bridge of the combined adverse movement from the
 * earlier snapshot to the later one. Pure: no I/O, no CLI, no colour.
 *
 * Rules (documented for finance officers in docs/movement.md):
 * - Figures compared are the 2020/21 position of each line and table: budget (the
 *   `2020/21` column), outturn projection, and variance (budget − outturn), all
 *   *computed* from line items by {@link computeVariance}, never a stated figure.
 * - Lines are matched by line id within a table. A line only in the later snapshot is
 *   `added` (its earlier figures count as zero); only in the earlier one, `removed`
 *   (its later figures count as zero).
 * - Change = later − earlier, for every figure.
 * - The bridge runs from the earlier combined adverse movement to the later one. Its
 *   steps are the ordinary tables the combined figure is built from, in the report's
 *   order (fn-costs, brp-investment, brp-savings, ncc-investment, ncc-savings). Each
 *   step's amount is the table's contribution: + change in variance for a savings
 *   table (more shortfall is more adverse), − change in variance for a costs table
 *   (less underspend is more adverse). Each step is further split into its lines'
 *   contributions by the same rule. Positive = more adverse.
 * - Steps sum exactly to the total change, and each step's lines sum exactly to the
 *   step: decimal arithmetic throughout, and checked before the report is returned.
 */
import { type Amount, ZERO, add, equals, isZero, negate, subtract, sum } from '../money/index.js';
import type { Programme, TableId, TableKind } from '../model/index.js';
import { type LineResult, type TableResult, type VarianceOptions, type VarianceReport, computeVariance } from './variance.js';

/** A 2020/21 position, £000: budget, outturn projection and variance (budget − outturn). */
export interface PositionFigures {
  readonly budget: Amount;
  readonly outturn: Amount;
  readonly variance: Amount;
}

/** The same position in two snapshots and its change (later − earlier), £000. */
export interface PositionMovement {
  readonly from: PositionFigures;
  readonly to: PositionFigures;
  readonly change: PositionFigures;
}

/** How a line fared between the snapshots. */
export type LineStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** One line's movement, matched by line id within its table. */
export interface LineMovement extends PositionMovement {
  readonly id: string;
  /** The line's name in the later snapshot (the earlier one for a removed line). */
  readonly name: string;
  readonly status: LineStatus;
}

/** One table's movement: its computed TOTAL position in both snapshots, and its lines. */
export interface TableMovement extends PositionMovement {
  readonly id: TableId;
  readonly title: string;
  readonly kind: TableKind;
  /** Lines in the later snapshot's order, then removed lines in the earlier snapshot's order (empty for cross-table rows). */
  readonly lines: readonly LineMovement[];
}

/** A line's contribution to a bridge step (positive = more adverse), £000. */
export interface BridgeLineContribution {
  readonly line: string;
  readonly name: string;
  readonly status: LineStatus;
  readonly amount: Amount;
}

/** One step of the bridge: a table's contribution to the change in combined adverse movement, £000. */
export interface BridgeStep {
  readonly table: TableId;
  readonly title: string;
  readonly kind: TableKind;
  /** + change in variance for savings, − change in variance for costs; positive = more adverse. */
  readonly amount: Amount;
  /** The combined adverse movement after this step: `from` plus this and every earlier step. */
  readonly runningTotal: Amount;
  /** The step split by line; these sum exactly to `amount`. */
  readonly lines: readonly BridgeLineContribution[];
}

/** The bridge of combined adverse movement from the earlier snapshot to the later one, £000. */
export interface MovementBridge {
  /** Combined adverse movement (savings shortfall − cost underspend) in the earlier snapshot, computed. */
  readonly from: Amount;
  /** The same in the later snapshot. */
  readonly to: Amount;
  /** to − from; positive = the position got worse. Equals the sum of the steps exactly. */
  readonly change: Amount;
  readonly steps: readonly BridgeStep[];
}

/** Everything the movement report shows; every renderer works from this alone. */
export interface MovementReport {
  readonly from: VarianceReport;
  readonly to: VarianceReport;
  /** All seven tables in the report's order (cross-table rows have no lines). */
  readonly tables: readonly TableMovement[];
  /** All costs and all savings, as the headline uses them. */
  readonly costs: PositionMovement;
  readonly savings: PositionMovement;
  readonly bridge: MovementBridge;
}

const NIL: PositionFigures = { budget: ZERO, outturn: ZERO, variance: ZERO };

/** The 2020/21 budget, outturn and variance of a line or table result (nil when absent). */
function positionFigures(result: LineResult | TableResult | undefined): PositionFigures {
  if (!result) return NIL;
  return {
    budget: result.computed['2020/21'] ?? ZERO,
    outturn: result.computed.outturn ?? ZERO,
    variance: result.computed.variance ?? ZERO,
  };
}

/** The change between two positions (later − earlier), figure by figure. */
export function positionChange(from: PositionFigures, to: PositionFigures): PositionMovement {
  return {
    from,
    to,
    change: {
      budget: subtract(to.budget, from.budget),
      outturn: subtract(to.outturn, from.outturn),
      variance: subtract(to.variance, from.variance),
    },
  };
}

function isMoved(change: PositionFigures): boolean {
  return !(isZero(change.budget) && isZero(change.outturn) && isZero(change.variance));
}

function linesOf(from: TableResult | undefined, to: TableResult | undefined): LineMovement[] {
  const earlier = new Map((from?.lines ?? []).map((result) => [result.line.id, result]));
  const later = new Set((to?.lines ?? []).map((result) => result.line.id));
  const moved: LineMovement[] = (to?.lines ?? []).map((result) => {
    const before = earlier.get(result.line.id);
    const movement = positionChange(positionFigures(before), positionFigures(result));
    const status: LineStatus = before === undefined ? 'added' : isMoved(movement.change) ? 'changed' : 'unchanged';
    return { id: result.line.id, name: result.line.name, status, ...movement };
  });
  for (const result of from?.lines ?? []) {
    if (later.has(result.line.id)) continue;
    moved.push({ id: result.line.id, name: result.line.name, status: 'removed', ...positionChange(positionFigures(result), NIL) });
  }
  return moved;
}

/**
 * The adverse contribution of a change in variance: + for savings (more shortfall is
 * worse), − for costs (less underspend is worse).
 */
export function adverseContribution(kind: TableKind, varianceChange: Amount): Amount {
  return kind === 'savings' ? varianceChange : negate(varianceChange);
}

/**
 * The tables the combined figure is built from: the tables covered by the cross-table
 * rows (`all-costs`, `all-savings`), or, for a programme without them, every ordinary
 * table; in the report's order. Mirrors how {@link computeVariance} forms its positions.
 */
function bridgedTables(report: VarianceReport): Set<TableId> {
  const ids = new Set<TableId>();
  for (const kind of ['costs', 'savings'] as const) {
    const cross = report.tables.find((result) => result.table.kind === kind && result.table.covers.length > 0);
    const members = cross ? cross.table.covers : report.tables.filter((result) => result.table.kind === kind && result.table.covers.length === 0).map((result) => result.table.id);
    for (const id of members) ids.add(id);
  }
  return ids;
}

/**
 * Compare two computed variance reports (earlier, later) and build the movement report.
 * @throws Error if the bridge does not sum to the total change (an engine bug, never bad data).
 */
export function movementBetween(from: VarianceReport, to: VarianceReport): MovementReport {
  const ids = [...new Set([...to.tables.map((result) => result.table.id), ...from.tables.map((result) => result.table.id)])];
  const tables: TableMovement[] = ids.map((id) => {
    const before = from.tables.find((result) => result.table.id === id);
    const after = to.tables.find((result) => result.table.id === id);
    const table = (after ?? before)!.table;
    return {
      id,
      title: table.title,
      kind: table.kind,
      lines: table.covers.length > 0 ? [] : linesOf(before, after),
      ...positionChange(positionFigures(before), positionFigures(after)),
    };
  });

  const members = new Set([...bridgedTables(from), ...bridgedTables(to)]);
  let runningTotal = from.combined.computed;
  const steps: BridgeStep[] = tables
    .filter((table) => members.has(table.id))
    .map((table) => {
      const lines = table.lines.map((line) => ({
        line: line.id,
        name: line.name,
        status: line.status,
        amount: adverseContribution(table.kind, line.change.variance),
      }));
      const amount = sum(lines.map((line) => line.amount));
      runningTotal = add(runningTotal, amount);
      return { table: table.id, title: table.title, kind: table.kind, amount, runningTotal, lines };
    });

  const bridge: MovementBridge = {
    from: from.combined.computed,
    to: to.combined.computed,
    change: subtract(to.combined.computed, from.combined.computed),
    steps,
  };
  const stepped = sum(steps.map((step) => step.amount));
  if (!equals(stepped, bridge.change) || !equals(runningTotal, bridge.to)) {
    throw new Error(`movement bridge steps sum to ${stepped.toFixed()} but the combined change is ${bridge.change.toFixed()}`);
  }
  return {
    from,
    to,
    tables,
    costs: positionChange(from.costs, to.costs),
    savings: positionChange(from.savings, to.savings),
    bridge,
  };
}

/**
 * Compute the movement between two loaded snapshots (earlier `from`, later `to`):
 * each is recomputed from its line items with {@link computeVariance}, then compared.
 */
export function computeMovement(from: Programme, to: Programme, options: VarianceOptions = {}): MovementReport {
  return movementBetween(computeVariance(from, options), computeVariance(to, options));
}
