/**
 * CSV for `scenario run`, `sweep`, `tornado` and `simulate`: "long" rows for scripts
 * and pivot tables, money as exact decimal strings (£000), shares as fractions.
 *
 * - scenario run: `scenario,table,figure,value,change` (table `all` for the programme figures);
 * - sweep: `value,figure,amount,change`;
 * - tornado: `rank,driver,low,high,combined_at_low,combined_at_high,swing`;
 * - simulate: `figure,statistic,value,runs,seed,prng` (statistic: without_drivers, mean, min, P5…P95, max, exceedances, probability).
 */
import { toDecimalString } from '../money/index.js';
import { type ScenarioComparison, type SimulationReport, type SweepReport, type TableFigures, type TornadoReport, FIGURES, PERCENTILES } from '../engine/index.js';
import { rowsAsCsv } from './scenario-text.js';

const TABLE_KEYS = ['budget', 'outturn', 'variance', 'plan', 'delayedWholly', 'delayedPartly'] as const;

function tableRows(scenario: string, tables: readonly TableFigures[], changes: readonly TableFigures[] | undefined): string[][] {
  return tables.flatMap((item, index) => TABLE_KEYS.map((key) => [scenario, item.table, key, toDecimalString(item[key]), changes ? toDecimalString(changes[index]![key]) : '0']));
}

/** `scenario run --format csv` (with `--detail`, also one row per table figure). */
export function comparisonAsCsv(report: ScenarioComparison, detail: boolean): string {
  const rows: string[][] = FIGURES.map((id) => ['base', 'all', id, toDecimalString(report.base.figures[id]), '0']);
  if (detail) rows.push(...tableRows('base', report.base.tables, undefined));
  for (const run of report.runs) {
    rows.push(...FIGURES.map((id) => [run.scenario.name, 'all', id, toDecimalString(run.outcome.figures[id]), toDecimalString(run.change[id])]));
    if (detail) rows.push(...tableRows(run.scenario.name, run.outcome.tables, run.tableChange));
  }
  return rowsAsCsv(['scenario', 'table', 'figure', 'value', 'change'], rows, [0]);
}

/** `sweep --format csv`: one row per value and figure. */
export function sweepAsCsv(report: SweepReport): string {
  const rows = report.rows.flatMap((row) => FIGURES.map((id) => [toDecimalString(row.value), id, toDecimalString(row.figures[id]), toDecimalString(row.change[id])]));
  return rowsAsCsv(['value', 'figure', 'amount', 'change'], rows);
}

/** `tornado --format csv`: one row per driver, largest swing first. */
export function tornadoAsCsv(report: TornadoReport): string {
  const rows = report.cases.map((item, index) => [String(index + 1), item.name, toDecimalString(item.low), toDecimalString(item.high), toDecimalString(item.combinedAtLow), toDecimalString(item.combinedAtHigh), toDecimalString(item.swing)]);
  return rowsAsCsv(['rank', 'driver', 'low', 'high', 'combined_at_low', 'combined_at_high', 'swing'], rows, [1]);
}

/** `simulate --format csv`: one row per figure and statistic, each carrying runs, seed and PRNG. */
export function simulationAsCsv(report: SimulationReport): string {
  const rows = report.statistics.flatMap((item) => {
    const stats: [string, string][] = [
      ['without_drivers', toDecimalString(item.centre)], ['mean', toDecimalString(item.mean)], ['min', toDecimalString(item.min)],
      ...PERCENTILES.map((p): [string, string] => [`P${p}`, toDecimalString(item.percentiles[p])]),
      ['max', toDecimalString(item.max)],
      ...(item.exceedances === undefined ? [] : [['exceedances', String(item.exceedances)] as [string, string], ['probability', toDecimalString(item.probability!)] as [string, string]]),
    ];
    return stats.map(([statistic, value]) => [item.figure, statistic, value, String(report.runs), String(report.seed), report.prng]);
  });
  return rowsAsCsv(['figure', 'statistic', 'value', 'runs', 'seed', 'prng'], rows);
}
