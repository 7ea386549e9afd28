/**
 * Side-by-side scenario comparison (`fn-model scenario run`), parameter sweeps
 * (`fn-model sweep`) and the tornado ranking (`fn-model tornado`). Pure: programme
 * and scenarios in, report data out. Amounts £000.
 */
import { type Amount, ZERO, absolute, add, amountOf, compare, subtract } from '../../money/index.js';
import type { Programme } from '../../model/index.js';
import { applyScenario, applyToLine, checkApplicable, resolveTarget } from './apply.js';
import type { Adjustment, Driver, Scenario } from './model.js';
import {
  type Figures, type LineSums, type Outcome, type TableFigures,
  addSums, changeOf, figuresOf, lineSums, NO_SUMS, outcomeOf, programmeSums, subtractSums, tableChangeOf,
} from './outcome.js';

/** One scenario's result beside the base. */
export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly outcome: Outcome;
  /** scenario − base, figure by figure. */
  readonly change: Figures;
  /** scenario − base, table by table. */
  readonly tableChange: readonly TableFigures[];
}

/** The base and each scenario, recomputed exactly from line items. */
export interface ScenarioComparison {
  readonly programme: Pick<Programme, 'name' | 'path'>;
  readonly base: Outcome;
  readonly runs: readonly ScenarioRun[];
}

/**
 * Apply each scenario to the programme (independently, each from the base) and compare.
 * @throws ScenarioError when a scenario does not fit the programme.
 */
export function compareScenarios(programme: Programme, scenarios: readonly Scenario[]): ScenarioComparison {
  const base = outcomeOf(programme);
  const runs = scenarios.map((scenario): ScenarioRun => {
    const outcome = outcomeOf(applyScenario(programme, scenario));
    return { scenario, outcome, change: changeOf(outcome.figures, base.figures), tableChange: tableChangeOf(outcome.tables, base.tables) };
  });
  return { programme: { name: programme.name, path: programme.path }, base, runs };
}

/** One value of a sweep and what the scenario gives with it. */
export interface SweepRow {
  /** The adjustment's value (share or factor as a fraction, or £000). */
  readonly value: Amount;
  readonly figures: Figures;
  /** figures − base. */
  readonly change: Figures;
}

/** A sweep of one adjustment's value across a range. */
export interface SweepReport {
  readonly programme: Pick<Programme, 'name' | 'path'>;
  readonly scenario: Scenario;
  /** 1-based position of the varied adjustment in the scenario (after `extends:`). */
  readonly position: number;
  readonly adjustment: Adjustment;
  /** The base (no adjustments) figures. */
  readonly base: Figures;
  readonly rows: readonly SweepRow[];
}

/**
 * Run the scenario once per value, with adjustment `position` (1-based) given that value.
 * @throws ScenarioError when a scenario does not fit the programme.
 */
export function sweep(programme: Programme, scenario: Scenario, position: number, values: readonly Amount[]): SweepReport {
  const adjustment = scenario.adjustments[position - 1];
  if (!adjustment) throw new RangeError(`no adjustment ${position}`);
  const base = outcomeOf(programme).figures;
  const rows = values.map((value): SweepRow => {
    const adjustments = scenario.adjustments.map((candidate, index) => (index === position - 1 ? { ...candidate, value } : candidate));
    const figures = outcomeOf(applyScenario(programme, { adjustments })).figures;
    return { value, figures, change: changeOf(figures, base) };
  });
  return { programme: { name: programme.name, path: programme.path }, scenario, position, adjustment, base, rows };
}

/** The change in the programme sums when `adjustment` is applied to `programme` (only targeted lines are touched). */
export function sumsChangeOf(programme: Programme, adjustment: Adjustment): LineSums {
  const { table, lines } = resolveTarget(programme, adjustment.target);
  checkApplicable(table, adjustment);
  let change = NO_SUMS;
  for (const line of lines) change = addSums(change, subtractSums(lineSums(applyToLine(line, table, adjustment), table), lineSums(line, table)));
  return change;
}

/** One bar of the tornado: a driver swung to its low and high values. */
export interface TornadoCase {
  /** Driver name, or `table/line` for a savings line. */
  readonly name: string;
  readonly adjustment: Adjustment;
  readonly low: Amount;
  readonly high: Amount;
  /** Combined adverse movement with the driver at its low and at its high value. */
  readonly combinedAtLow: Amount;
  readonly combinedAtHigh: Amount;
  /** |combined at high − combined at low|: the ranking key. */
  readonly swing: Amount;
}

/** Every driver's swing, largest first. */
export interface TornadoReport {
  readonly programme: Pick<Programme, 'name' | 'path'>;
  readonly scenario: Scenario;
  /** `drivers`: the file's declared drivers; `lines`: every savings line's outturn swung by ±`swing`. */
  readonly source: 'drivers' | 'lines';
  /** The ±share used for `lines` (e.g. 0.25); undefined for `drivers`. */
  readonly swing: Amount | undefined;
  /** The figures with the scenario's fixed adjustments applied (the centre of the tornado). */
  readonly centre: Figures;
  readonly cases: readonly TornadoCase[];
}

/**
 * Swing each driver between its low and high value on top of the scenario's fixed
 * adjustments, one at a time, and rank by swing in combined adverse movement (ties
 * keep file / table order). With no drivers declared, every savings line is a driver:
 * its 2020/21 outturn scaled by (1 − swing) (low) and (1 + swing) (high).
 * @throws ScenarioError when the scenario does not fit the programme.
 */
export function tornado(programme: Programme, scenario: Scenario, swing: Amount): TornadoReport {
  const state = applyScenario(programme, scenario);
  const sums = programmeSums(state);
  const centre = figuresOf(sums);
  const drivers: { name: string; adjustment: Adjustment; low: Amount; high: Amount }[] = scenario.drivers.length > 0
    ? scenario.drivers.map((driver: Driver) => ({ name: driver.name, adjustment: driver.adjustment, low: driver.distribution.min, high: driver.distribution.max }))
    : state.tables.filter((table) => table.kind === 'savings' && table.covers.length === 0).flatMap((table) =>
        table.lines.map((line) => ({
          name: `${table.id}/${line.id}`,
          adjustment: {
            kind: 'outturn', measure: 'scale', value: ZERO,
            target: { table: table.id, lines: [line.id], tableOrigin: syntheticOriginOf(scenario), lineOrigins: [] },
            origin: syntheticOriginOf(scenario), valueOrigin: syntheticOriginOf(scenario),
          } satisfies Adjustment,
          low: subtract(ONE_VALUE, swing),
          high: add(ONE_VALUE, swing),
        })));
  const cases = drivers.map((driver): TornadoCase => {
    const at = (value: Amount) => figuresOf(addSums(sums, sumsChangeOf(state, { ...driver.adjustment, value })))['combined-adverse-movement'];
    const combinedAtLow = at(driver.low);
    const combinedAtHigh = at(driver.high);
    return { ...driver, combinedAtLow, combinedAtHigh, swing: absolute(subtract(combinedAtHigh, combinedAtLow)) };
  });
  const ranked = cases.map((item, index) => ({ item, index })).sort((a, b) => compare(b.item.swing, a.item.swing) || a.index - b.index).map(({ item }) => item);
  return {
    programme: { name: programme.name, path: programme.path },
    scenario,
    source: scenario.drivers.length > 0 ? 'drivers' : 'lines',
    swing: scenario.drivers.length > 0 ? undefined : swing,
    centre,
    cases: ranked,
  };
}

const ONE_VALUE = amountOf('1');

function syntheticOriginOf(scenario: Scenario) {
  return { file: scenario.file, line: 1, column: 1 };
}
