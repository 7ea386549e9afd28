/**
 * What a scenario is, as the engine sees it: named adjustments to a programme's line
 * inputs, and (for `simulate` and `tornado`) drivers whose value is uncertain.
 * Amounts are £000; shares and factors are exact fractions (`0.25` for 25%).
 * Semantics of each adjustment: docs/scenarios.md.
 */
import type { Amount } from '../../money/index.js';
import type { TableId } from '../../model/index.js';

/** Where in a scenario file something was written (1-based line and column). */
export interface Origin {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** The lines an adjustment targets: one table, and a list of its line ids or `*` (every line). */
export interface Target {
  readonly table: TableId;
  readonly lines: readonly string[] | '*';
  /** Where the table id was written. */
  readonly tableOrigin: Origin;
  /** Where each listed line id was written (same order as `lines`; empty for `*`). */
  readonly lineOrigins: readonly Origin[];
}

/** How an adjustment's value is measured: a share of a figure, an amount (£000), or (outturn only) a factor or a new figure. */
export type Measure = 'share' | 'amount' | 'scale' | 'set';

/** The part of every adjustment: target, measure, value and where it was written. */
interface AdjustmentBase {
  /** Optional name (for `sweep --vary NAME`). */
  readonly name?: string;
  readonly target: Target;
  readonly measure: Measure;
  /** The share (fraction), amount (£000), factor (fraction) or new outturn (£000). */
  readonly value: Amount;
  /** Where the adjustment starts in its file. */
  readonly origin: Origin;
  /** Where its value was written. */
  readonly valueOrigin: Origin;
}

/** Periods savings can slip from. */
export type SlipSource = '2020/21' | '2021/24';
/** Where slipped savings go: a later (or, to bring forward, earlier) period, or out of the programme. */
export type SlipDestination = '2021/24' | '2020/21' | 'lost';

/**
 * Slip savings on each targeted savings line (measure `share` of the source figure, or `amount`):
 * - from `2020/21` to `2021/24`: m leaves the 2020/21 outturn and joins the 2021/24 plan;
 * - from `2020/21` to `lost`: m leaves the 2020/21 outturn;
 * - from `2021/24` to `lost`: m leaves the 2021/24 plan;
 * - from `2021/24` to `2020/21` (bring forward, the inverse of the first): m leaves the plan and joins the outturn.
 * The source figure for a share is the 2020/21 outturn or the 2021/24 plan (a negative one counts as nil).
 */
export interface SlipAdjustment extends AdjustmentBase {
  readonly kind: 'slip';
  readonly from: SlipSource;
  readonly to: SlipDestination;
}

/** The report's analysis classes of the 2020/21 savings variance (NCC savings). */
export type DelayClass = 'delayed-wholly' | 'delayed-partly' | 'not-deliverable';

/**
 * Move part of the analysed 2020/21 variance between the report's classes
 * ("delayed but wholly deliverable in 2021/22", "delayed but partly deliverable",
 * "not deliverable"). Measure `share` of the source class or `amount`. `not-deliverable` is
 * not a column: it is the remainder, max(0, 2020/21 shortfall − delayed wholly − delayed partly
 * − the amount slips have moved into the 2021/24 plan).
 */
export interface ReclassifyAdjustment extends AdjustmentBase {
  readonly kind: 'reclassify';
  readonly from: DelayClass;
  readonly to: DelayClass;
}

/** Scale (measure `scale`, a factor) or set (measure `set`, £000) each targeted line's 2020/21 outturn. */
export interface OutturnAdjustment extends AdjustmentBase {
  readonly kind: 'outturn';
}

/** One adjustment. */
export type Adjustment = SlipAdjustment | ReclassifyAdjustment | OutturnAdjustment;

/**
 * A probability distribution for a driver's value, in the driver's measure:
 * every one is `min + (max − min) × t` for a random t in [0, 1] of a standard shape.
 * - `uniform`: t uniform; - `triangular`: t triangular with mode at `mode`;
 * - `pert`: t Beta(1 + 4·(mode−min)/(max−min), 1 + 4·(max−mode)/(max−min)) (the classic PERT, λ = 4);
 * - `bernoulli`: t = 1 with probability `p`, else 0 ("lost or not": `min` 0, `max` the value if it happens).
 */
export type Distribution =
  | { readonly kind: 'uniform'; readonly min: Amount; readonly max: Amount }
  | { readonly kind: 'triangular'; readonly min: Amount; readonly mode: Amount; readonly max: Amount }
  | { readonly kind: 'pert'; readonly min: Amount; readonly mode: Amount; readonly max: Amount }
  | { readonly kind: 'bernoulli'; readonly p: Amount; readonly min: Amount; readonly max: Amount };

/**
 * An uncertain adjustment. `adjustment.value` is unused (its value is drawn);
 * `each` draws independently for every targeted line instead of once for all.
 */
export interface Driver {
  readonly name: string;
  readonly adjustment: Adjustment;
  readonly distribution: Distribution;
  readonly each: boolean;
  readonly origin: Origin;
}

/** Rank correlations between named drivers (a symmetric matrix with unit diagonal). */
export interface Correlation {
  readonly drivers: readonly string[];
  /** Row-major, `drivers.length` square; entries in [−1, 1]. Not money: plain numbers. */
  readonly matrix: readonly (readonly number[])[];
  readonly origin: Origin;
}

/** A scenario after `extends:` has been followed: adjustments in application order, then drivers. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** The file it came from (as the user named it). */
  readonly file: string;
  readonly adjustments: readonly Adjustment[];
  readonly drivers: readonly Driver[];
  readonly correlation?: Correlation;
}
