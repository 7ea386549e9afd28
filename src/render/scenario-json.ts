/**
 * JSON for `scenario run`, `sweep`, `tornado` and `simulate` (contract: docs/json.md).
 * Money is always a decimal string in £000; shares and factors are decimal fractions
 * as strings (`"0.25"` for 25%); run counts, seeds, ranks and row numbers are numbers.
 */
import { type Amount, toDecimalString } from '../money/index.js';
import {
  type Adjustment, type Driver, type Figures, type Histogram, type Origin, type Scenario, type ScenarioComparison, type SimulationReport,
  type SweepReport, type TableFigures, type TornadoReport, FIGURES, PERCENTILES,
} from '../engine/index.js';

function figuresJson(figures: Figures): Record<string, string> {
  return Object.fromEntries(FIGURES.map((id) => [id, toDecimalString(figures[id])]));
}

function tablesJson(tables: readonly TableFigures[]) {
  return tables.map((item) => ({
    table: item.table, kind: item.kind,
    budget: toDecimalString(item.budget), outturn: toDecimalString(item.outturn), variance: toDecimalString(item.variance),
    plan: toDecimalString(item.plan), delayedWholly: toDecimalString(item.delayedWholly), delayedPartly: toDecimalString(item.delayedPartly),
  }));
}

function originJson(origin: Origin) {
  return { file: origin.file, line: origin.line, column: origin.column };
}

/** An adjustment as JSON: kind, target, measure, value (decimal string), route, source. */
export function adjustmentJson(adjustment: Adjustment) {
  return {
    kind: adjustment.kind,
    ...(adjustment.name !== undefined ? { name: adjustment.name } : {}),
    table: adjustment.target.table,
    lines: adjustment.target.lines === '*' ? '*' : [...adjustment.target.lines],
    ...(adjustment.kind === 'outturn' ? {} : { from: adjustment.from, to: adjustment.to }),
    measure: adjustment.measure,
    value: toDecimalString(adjustment.value),
    source: originJson(adjustment.origin),
  };
}

function driverJson(driver: Driver) {
  const { value: _value, ...adjustment } = adjustmentJson(driver.adjustment);
  const distribution = driver.distribution;
  return {
    name: driver.name, each: driver.each, ...adjustment,
    distribution: Object.fromEntries(Object.entries(distribution).map(([key, value]) => [key, typeof value === 'string' ? value : toDecimalString(value as Amount)])),
  };
}

function scenarioJson(scenario: Scenario) {
  return { name: scenario.name, description: scenario.description, file: scenario.file, adjustments: scenario.adjustments.map(adjustmentJson) };
}

function text(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** `scenario run --format json` as a JSON-ready object (the committee report embeds it as `scenarios.comparison`). */
export function comparisonAsJsonValue(report: ScenarioComparison) {
  return {
    dataset: report.programme,
    unit: 'GBP thousands',
    base: { figures: figuresJson(report.base.figures), tables: tablesJson(report.base.tables) },
    scenarios: report.runs.map((run) => ({
      ...scenarioJson(run.scenario),
      figures: figuresJson(run.outcome.figures),
      change: figuresJson(run.change),
      tables: tablesJson(run.outcome.tables),
      tableChange: tablesJson(run.tableChange),
    })),
  };
}

/** `scenario run --format json`. */
export function comparisonAsJson(report: ScenarioComparison): string {
  return text(comparisonAsJsonValue(report));
}

/** `sweep --format json`. */
export function sweepAsJson(report: SweepReport): string {
  return text({
    dataset: report.programme,
    unit: 'GBP thousands',
    scenario: scenarioJson(report.scenario),
    varied: { position: report.position, ...adjustmentJson(report.adjustment) },
    base: figuresJson(report.base),
    rows: report.rows.map((row) => ({ value: toDecimalString(row.value), figures: figuresJson(row.figures), change: figuresJson(row.change) })),
  });
}

function withoutValue<T extends { value: string }>(entry: T): Omit<T, 'value'> {
  const { value: _value, ...rest } = entry;
  return rest;
}

/** `tornado --format json` as a JSON-ready object (the committee report embeds it as `scenarios.tornado`). */
export function tornadoAsJsonValue(report: TornadoReport) {
  return {
    dataset: report.programme,
    unit: 'GBP thousands',
    scenario: scenarioJson(report.scenario),
    source: report.source,
    swing: report.swing === undefined ? null : toDecimalString(report.swing),
    centre: figuresJson(report.centre),
    drivers: report.cases.map((item, index) => ({
      rank: index + 1, name: item.name, ...withoutValue(adjustmentJson(item.adjustment)),
      low: toDecimalString(item.low), high: toDecimalString(item.high),
      combinedAtLow: toDecimalString(item.combinedAtLow), combinedAtHigh: toDecimalString(item.combinedAtHigh), swing: toDecimalString(item.swing),
    })),
  };
}

/** `tornado --format json`. */
export function tornadoAsJson(report: TornadoReport): string {
  return text(tornadoAsJsonValue(report));
}

/** `simulate --format json` as a JSON-ready object (the committee report adds `histogram` to it as `simulation`). */
export function simulationAsJsonValue(report: SimulationReport) {
  return {
    dataset: report.programme,
    unit: 'GBP thousands',
    scenario: { ...scenarioJson(report.scenario), drivers: report.scenario.drivers.map(driverJson), correlation: report.scenario.correlation ? { drivers: [...report.scenario.correlation.drivers], matrix: report.scenario.correlation.matrix.map((row) => row.map(String)) } : null },
    runs: report.runs,
    seed: report.seed,
    prng: report.prng,
    threshold: report.threshold === undefined ? null : toDecimalString(report.threshold),
    statistics: report.statistics.map((item) => ({
      figure: item.figure,
      withoutDrivers: toDecimalString(item.centre),
      mean: toDecimalString(item.mean),
      min: toDecimalString(item.min),
      max: toDecimalString(item.max),
      percentiles: Object.fromEntries(PERCENTILES.map((p) => [`P${p}`, toDecimalString(item.percentiles[p])])),
      exceedances: item.exceedances ?? null,
      probability: item.probability === undefined ? null : toDecimalString(item.probability),
    })),
  };
}

/** `simulate --format json`. */
export function simulationAsJson(report: SimulationReport): string {
  return text(simulationAsJsonValue(report));
}

/** A histogram as JSON: the bin width and each bin's edges (decimal strings, £000) and run count. */
export function histogramAsJsonValue(histogram: Histogram) {
  return {
    figure: 'combined-adverse-movement',
    width: toDecimalString(histogram.width),
    bins: histogram.bins.map((bin) => ({ from: toDecimalString(bin.from), to: toDecimalString(bin.to), runs: bin.runs })),
  };
}
