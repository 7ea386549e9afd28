/**
 * Monte Carlo over a scenario's drivers (`fn-model simulate`). Pure: the caller
 * passes the random source and an optional progress callback; nothing here does I/O.
 *
 * Method (docs/scenarios.md, "simulate"):
 * 1. Apply the scenario's fixed adjustments. Each driver then acts on that state.
 *    A line may be driven by at most one driver, so drivers commute.
 * 2. Every adjustment is affine in its value on each line, so a driver's effect on a
 *    figure is A + B × t exactly, where A is its effect at its `min` value, B the extra
 *    effect at `max`, and t in [0, 1] the draw of its standard shape. A and B are
 *    computed once with decimal.js through the same `applyToLine` the deterministic
 *    run uses.
 * 3. t is quantised to q = round(t × 10^6) (a probability, not money). Each run's
 *    figure is then (constant × 10^6 + Σ B × q) in minor units: exact `bigint`
 *    arithmetic through `src/money/minor-units.ts` (measured: docs/performance.md).
 * 4. Statistics: mean (rounded half away from zero to the run values' precision), nearest-rank
 *    percentiles (the value at rank ⌈P/100 × N⌉, an actual run), and the count and
 *    share of runs strictly above the threshold.
 *
 * Draw order (what a seed reproduces): first each correlated driver's N draws, driver
 * by driver, then the Iman–Conover score shuffles; then run by run, each uncorrelated
 * driver in file order (an `each` driver once per targeted line, in table order).
 */
import {
  type Amount, ZERO, add, amountOf, compare, decimalPlacesOf, divide, fromMinorUnits,
  minorUnitFactor, roundTo, subtract, toMinorUnits,
} from '../money/index.js';
import type { Programme } from '../model/index.js';
import { applyScenario, applyToLine, checkApplicable, resolveTarget } from './scenario/apply.js';
import { ScenarioError } from './scenario/errors.js';
import type { Adjustment, Distribution, Driver, Scenario } from './scenario/model.js';
import { type LineSums, figuresOf, lineSums, programmeSums, subtractSums } from './scenario/outcome.js';
import { type RandomSource, type UnitShape, drawUnit, imanConover } from './random.js';
import { type Histogram, histogramOf } from './histogram.js';

/** Decimal places t is quantised to before it multiplies money. */
export const DRAW_PLACES = 6;
const DRAW_SCALE = 10 ** DRAW_PLACES;

/**
 * The simulated figures, in report order. Each run's cost underspend is its savings
 * shortfall − combined adverse movement (the identity combined = shortfall − underspend),
 * exactly, in the same minor units.
 */
export const SIMULATED_FIGURES = ['combined-adverse-movement', 'savings-shortfall', 'cost-underspend'] as const;
/** One of {@link SIMULATED_FIGURES}. */
export type SimulatedFigure = (typeof SIMULATED_FIGURES)[number];

/** Percentiles reported, in order. */
export const PERCENTILES = [5, 10, 50, 90, 95] as const;

/** Summary statistics of one figure over all runs, £000. */
export interface FigureStatistics {
  readonly figure: SimulatedFigure;
  /** The scenario's value with its fixed adjustments only (no driver applied). */
  readonly centre: Amount;
  readonly mean: Amount;
  readonly min: Amount;
  readonly max: Amount;
  /** Nearest-rank percentiles, keyed by P (5, 10, 50, 90, 95). */
  readonly percentiles: Readonly<Record<(typeof PERCENTILES)[number], Amount>>;
  /** Runs with the figure strictly above the threshold (undefined when no threshold). */
  readonly exceedances: number | undefined;
  /** exceedances ÷ runs, rounded half away from zero to 6 places (undefined when no threshold). */
  readonly probability: Amount | undefined;
}

/** What `simulate` reports; every output format renders this alone. */
export interface SimulationReport {
  readonly programme: Pick<Programme, 'name' | 'path'>;
  readonly scenario: Scenario;
  readonly runs: number;
  readonly seed: number;
  readonly prng: string;
  readonly threshold: Amount | undefined;
  readonly statistics: readonly FigureStatistics[];
  /** The combined adverse movement of every run in bins (only when `histogramBins` was asked for; the committee report's chart). */
  readonly histogram: Histogram | undefined;
}

/** Options for {@link simulate}. */
export interface SimulateOptions {
  readonly runs: number;
  /** Recorded in the report; the caller seeds `random` with it. */
  readonly seed: number;
  readonly random: RandomSource;
  /** £000; runs strictly above it are counted. */
  readonly threshold?: Amount;
  /** Called with (runs done, runs) about every 1% of runs. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Also count the combined adverse movement of the runs into about this many bins ({@link histogramOf}). */
  readonly histogramBins?: number;
}

/** The unit shape of a distribution (c = (mode − min)/(max − min), PERT λ = 4). */
export function unitShapeOf(distribution: Distribution): UnitShape {
  if (distribution.kind === 'uniform') return { kind: 'uniform' };
  if (distribution.kind === 'bernoulli') return { kind: 'bernoulli', p: Number(distribution.p.toFixed()) }; // number-ok: a probability or quantile; money stays in integer minor units
  const range = subtract(distribution.max, distribution.min);
  const c = range.isZero() ? 0 : Number(divide(subtract(distribution.mode, distribution.min), range).toFixed()); // number-ok: a probability or quantile; money stays in integer minor units
  return distribution.kind === 'triangular' ? { kind: 'triangular', c } : { kind: 'pert', alpha: 1 + 4 * c, beta: 1 + 4 * (1 - c) };
}

/** The fixed adjustment a driver stands for at a given value. */
export function driverAt(driver: Driver, value: Amount): Adjustment {
  return { ...driver.adjustment, value };
}

interface Effect {
  readonly shortfall: Amount;
  readonly combined: Amount;
}

function effectOf(change: LineSums): Effect {
  const figures = figuresOf(change);
  return { shortfall: figures['savings-shortfall'], combined: figures['combined-adverse-movement'] };
}

/** One random term: a shape and, per simulated figure, its B coefficient (£000 per unit of t). */
interface Term {
  readonly shape: UnitShape;
  readonly slope: Effect;
  /** The driver's name when it is one term for all its lines (not `each`). */
  readonly driver: string | undefined;
}

/**
 * Run the Monte Carlo. @throws ScenarioError when a driver does not fit the programme,
 * two drivers drive the same line, or the correlation matrix is not positive definite.
 */
export function simulate(programme: Programme, scenario: Scenario, options: SimulateOptions): SimulationReport {
  const state = applyScenario(programme, scenario);
  const centreFigures = figuresOf(programmeSums(state));
  let constant: Effect = { shortfall: centreFigures['savings-shortfall'], combined: centreFigures['combined-adverse-movement'] };
  const terms: Term[] = [];
  const drivenBy = new Map<string, string>();
  const correlated = scenario.correlation?.drivers ?? [];

  for (const driver of scenario.drivers) {
    const { table, lines } = resolveTarget(state, driver.adjustment.target);
    checkApplicable(table, driver.adjustment);
    const shape = unitShapeOf(driver.distribution);
    let slope: Effect = { shortfall: ZERO, combined: ZERO };
    for (const line of lines) {
      const key = `${table.id}/${line.id}`;
      const other = drivenBy.get(key);
      if (other !== undefined) throw new ScenarioError([{ origin: driver.origin, message: `line ${key} is already driven by driver "${other}"; a line may have one driver` }]);
      drivenBy.set(key, driver.name);
      const before = lineSums(line, table);
      const low = effectOf(subtractSums(lineSums(applyToLine(line, table, driverAt(driver, driver.distribution.min)), table), before));
      const high = effectOf(subtractSums(lineSums(applyToLine(line, table, driverAt(driver, driver.distribution.max)), table), before));
      constant = { shortfall: add(constant.shortfall, low.shortfall), combined: add(constant.combined, low.combined) };
      const lineSlope = { shortfall: subtract(high.shortfall, low.shortfall), combined: subtract(high.combined, low.combined) };
      if (driver.each) terms.push({ shape, slope: lineSlope, driver: undefined });
      else slope = { shortfall: add(slope.shortfall, lineSlope.shortfall), combined: add(slope.combined, lineSlope.combined) };
    }
    if (!driver.each) terms.push({ shape, slope, driver: driver.name });
  }

  // Minor units: every slope and the constant at `places` decimals, products at places + DRAW_PLACES.
  const places = Math.max(0, decimalPlacesOf(constant.shortfall), decimalPlacesOf(constant.combined),
    ...terms.flatMap((term) => [decimalPlacesOf(term.slope.shortfall), decimalPlacesOf(term.slope.combined)]));
  const drawFactor = minorUnitFactor(DRAW_PLACES);
  const constantUnits = [toMinorUnits(constant.combined, places) * drawFactor, toMinorUnits(constant.shortfall, places) * drawFactor];
  const combinedSlopes = terms.map((term) => toMinorUnits(term.slope.combined, places));
  const shortfallSlopes = terms.map((term) => toMinorUnits(term.slope.shortfall, places));

  const { random, runs } = options;
  const correlatedColumns: (Float64Array | undefined)[] = terms.map(() => undefined);
  if (scenario.correlation && correlated.length > 0) {
    const indices = correlated.map((name) => {
      const index = terms.findIndex((term) => term.driver === name);
      if (index < 0) throw new ScenarioError([{ origin: scenario.correlation!.origin, message: `correlated driver "${name}" is not a declared driver drawn once for all its lines (each: false)` }]);
      return index;
    });
    const columns = indices.map((termIndex) => {
      const column = new Float64Array(runs);
      const term = terms[termIndex]!;
      for (let run = 0; run < runs; run++) column[run] = drawUnit(term.shape, random);
      return column;
    });
    const reordered = imanConover(columns, scenario.correlation.matrix, random);
    if (!reordered) throw new ScenarioError([{ origin: scenario.correlation.origin, message: 'the correlation matrix is not positive definite' }]);
    indices.forEach((termIndex, position) => { correlatedColumns[termIndex] = reordered[position]; });
  }

  const combinedRuns: bigint[] = new Array(runs);
  const shortfallRuns: bigint[] = new Array(runs);
  const every = Math.max(1, Math.floor(runs / 100));
  for (let run = 0; run < runs; run++) {
    let combined = constantUnits[0]!;
    let shortfall = constantUnits[1]!;
    for (let index = 0; index < terms.length; index++) {
      const column = correlatedColumns[index];
      const t = column ? column[run]! : drawUnit(terms[index]!.shape, random);
      const q = BigInt(Math.round(t * DRAW_SCALE)); // number-ok: a probability or quantile; money stays in integer minor units
      combined += combinedSlopes[index]! * q;
      shortfall += shortfallSlopes[index]! * q;
    }
    combinedRuns[run] = combined;
    shortfallRuns[run] = shortfall;
    if (options.onProgress && ((run + 1) % every === 0 || run + 1 === runs)) options.onProgress(run + 1, runs);
  }

  const scale = places + DRAW_PLACES;
  const statistics: FigureStatistics[] = [
    statisticsOf('combined-adverse-movement', constantOf(centreFigures, 'combined-adverse-movement'), combinedRuns, scale, options.threshold),
    statisticsOf('savings-shortfall', constantOf(centreFigures, 'savings-shortfall'), shortfallRuns, scale, options.threshold),
    statisticsOf('cost-underspend', constantOf(centreFigures, 'cost-underspend'), shortfallRuns.map((shortfall, run) => shortfall - combinedRuns[run]!), scale, options.threshold),
  ];
  return {
    programme: { name: programme.name, path: programme.path },
    scenario, runs, seed: options.seed, prng: random.name, threshold: options.threshold, statistics,
    histogram: options.histogramBins === undefined ? undefined : histogramOf(combinedRuns, scale, options.histogramBins),
  };
}

function constantOf(figures: ReturnType<typeof figuresOf>, figure: SimulatedFigure): Amount {
  return figures[figure];
}

function statisticsOf(figure: SimulatedFigure, centre: Amount, values: readonly bigint[], scale: number, threshold: Amount | undefined): FigureStatistics {
  const runs = values.length;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let total = 0n;
  for (const value of values) total += value;
  const at = (rank: number) => fromMinorUnits(sorted[Math.min(runs, Math.max(1, rank)) - 1]!, scale);
  const percentiles = Object.fromEntries(PERCENTILES.map((p) => [p, at(Math.ceil((p * runs) / 100))])) as Record<(typeof PERCENTILES)[number], Amount>;
  let exceedances: number | undefined;
  if (threshold !== undefined) {
    exceedances = 0;
    for (const value of values) if (compare(fromMinorUnits(value, scale), threshold) > 0) exceedances++;
  }
  return {
    figure,
    centre,
    mean: roundTo(divide(fromMinorUnits(total, scale), amountOf(String(runs))), scale),
    min: at(1),
    max: at(runs),
    percentiles,
    exceedances,
    probability: exceedances === undefined ? undefined : roundTo(divide(amountOf(String(exceedances)), amountOf(String(runs))), 6),
  };
}
