/**
 * The movement report as CSV, one row per figure ("long" form, for pivot tables):
 * every table and line figure in both snapshots with its change, then the bridge.
 * Money is £000 as plain decimal text; a figure a snapshot does not have is blank.
 *
 * Columns: `section,table,line,name,status,figure,from,to,change`.
 * - `section` `table` / `line`: `figure` is budget, outturn or variance; change = to − from.
 * - `section` `bridge`: `line` blank for a step (a table's contribution), else the line's
 *   contribution; `figure` is `adverse-contribution`; the amount is in `change`
 *   (positive = more adverse). `bridge-total` rows carry the combined adverse movement
 *   (`from`, `to`, `change`).
 */
import { stringify } from 'csv-stringify/sync';
import { type Amount, toDecimalString } from '../money/index.js';
import type { MovementReport, PositionFigures } from '../engine/index.js';
import { neutraliseFormula } from './csv-safety.js';

/** The CSV column names, in order. */
export const MOVEMENT_CSV_COLUMNS = ['section', 'table', 'line', 'name', 'status', 'figure', 'from', 'to', 'change'] as const;

const FIGURES = ['budget', 'outturn', 'variance'] as const;

/** Render the movement report as CSV text (RFC 4180, `\n` line ends, header row first). */
export function movementAsCsv(report: MovementReport): string {
  const rows: string[][] = [[...MOVEMENT_CSV_COLUMNS]];
  const money = (value: Amount | undefined) => (value === undefined ? '' : toDecimalString(value));
  const push = (section: string, table: string, line: string, name: string, status: string, from: PositionFigures | undefined, to: PositionFigures | undefined, change: PositionFigures) => {
    for (const figure of FIGURES) {
      rows.push([section, table, neutraliseFormula(line), neutraliseFormula(name), status, figure, money(from?.[figure]), money(to?.[figure]), money(change[figure])]);
    }
  };
  for (const table of report.tables) {
    push('table', table.id, 'TOTAL', table.title, '', table.from, table.to, table.change);
    for (const line of table.lines) {
      push('line', table.id, line.id, line.name, line.status, line.status === 'added' ? undefined : line.from, line.status === 'removed' ? undefined : line.to, line.change);
    }
  }
  const { bridge } = report;
  rows.push(['bridge-total', '', '', 'Combined adverse movement', '', 'combined-adverse-movement', money(bridge.from), money(bridge.to), money(bridge.change)]);
  for (const step of bridge.steps) {
    rows.push(['bridge', step.table, '', neutraliseFormula(step.title), '', 'adverse-contribution', '', '', money(step.amount)]);
    for (const line of step.lines) {
      rows.push(['bridge', step.table, neutraliseFormula(line.line), neutraliseFormula(line.name), line.status, 'adverse-contribution', '', '', money(line.amount)]);
    }
  }
  return stringify(rows, { record_delimiter: '\n' });
}
