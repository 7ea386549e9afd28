/**
 * The trend report as CSV, one row per figure per month ("long" form, for pivot tables).
 * Money is £000 as plain decimal text; a figure a month does not have is blank.
 *
 * Columns: `section,table,line,name,month,status,figure,value,change,first_moved`.
 * - `combined`: `figure` is cost-underspend, savings-shortfall or combined-adverse-movement;
 *   `change` (combined-adverse-movement only) = month − previous snapshot, positive = more adverse.
 * - `step`: a table's contribution to that month's change in the combined figure
 *   (`figure` adverse-contribution, the amount in `change`).
 * - `table` (`line` TOTAL) and `line`: `figure` is budget, outturn or variance; `value` the
 *   month's figure (blank when the line is absent), `change` = month − previous snapshot
 *   (blank for the first month); `status` as `movement` (added, removed, changed,
 *   unchanged, or absent); `first_moved` the first month the outturn projection moved.
 */
import { stringify } from 'csv-stringify/sync';
import { type Amount, toDecimalString } from '../money/index.js';
import type { TrendPoint, TrendReport } from '../engine/index.js';
import { neutraliseFormula } from './csv-safety.js';

/** The CSV column names, in order. */
export const TREND_CSV_COLUMNS = ['section', 'table', 'line', 'name', 'month', 'status', 'figure', 'value', 'change', 'first_moved'] as const;

const FIGURES = ['budget', 'outturn', 'variance'] as const;

/** Render the trend report as CSV text (RFC 4180, `\n` line ends, header row first). */
export function trendAsCsv(report: TrendReport): string {
  const rows: string[][] = [[...TREND_CSV_COLUMNS]];
  const money = (value: Amount | undefined) => (value === undefined ? '' : toDecimalString(value));
  for (const point of report.combined) {
    rows.push(['combined', '', '', 'Cost underspend', point.month, '', 'cost-underspend', money(point.costUnderspend), '', '']);
    rows.push(['combined', '', '', 'Savings shortfall', point.month, '', 'savings-shortfall', money(point.savingsShortfall), '', '']);
    rows.push(['combined', '', '', 'Combined adverse movement', point.month, '', 'combined-adverse-movement', money(point.combined), money(point.change), '']);
    for (const step of point.steps) rows.push(['step', step.table, '', neutraliseFormula(step.title), point.month, '', 'adverse-contribution', '', money(step.amount), '']);
  }
  const push = (section: string, table: string, line: string, name: string, point: TrendPoint, firstMoved: string | undefined) => {
    for (const figure of FIGURES) {
      rows.push([section, table, neutraliseFormula(line), neutraliseFormula(name), point.month, point.status ?? '', figure, money(point.position?.[figure]), money(point.change?.[figure]), firstMoved ?? '']);
    }
  };
  for (const table of report.tables) {
    for (const point of table.points) push('table', table.id, 'TOTAL', table.title, point, table.firstMoved);
    for (const line of table.lines) for (const point of line.points) push('line', table.id, line.id, line.name, point, line.firstMoved);
  }
  return stringify(rows, { record_delimiter: '\n' });
}
