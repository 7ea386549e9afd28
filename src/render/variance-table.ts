/**
 * The variance report for the terminal: one table per published block (cli-table3),
 * then the discrepancies and the headline. Colour (via chalk) only when asked, which
 * the command decides (a TTY and no NO_COLOR); without colour, flagged figures still
 * carry the `!` mark so nothing depends on colour alone.
 */
import Table from 'cli-table3';
import { Chalk } from 'chalk';
import { formatMillions } from '../money/index.js';
import { printable } from './printable.js';
import type { VarianceReport } from '../engine/index.js';
import { type GridTable, DISCREPANCY_MARK, NOT_STATED_LEGEND, discrepancyGrid, headlineGrid, outturnNote, varianceGrid } from './variance-grid.js';

/** Options for {@link varianceAsTable}. */
export interface TableRenderOptions {
  /** Use ANSI colour (red for discrepancies, bold for totals). Default false. */
  readonly colour?: boolean;
}

/**
 * Render one display grid as a cli-table3 table (numeric columns right-aligned, bold
 * headings and TOTAL rows, red flagged figures, cyan computed rows when colour is on).
 */
export function renderGrid(grid: GridTable, colour: InstanceType<typeof Chalk>): string {
  const table = new Table({
    head: grid.head.map((text) => colour.bold(text)),
    style: { head: [], border: [], compact: true },
    colAligns: grid.rows[0]?.cells.map((cell) => (cell.numeric ? 'right' : 'left')) ?? [],
  });
  for (const row of grid.rows) {
    table.push(row.cells.map((cell) => {
      const text = cell.flagged ? colour.red.bold(cell.text) : cell.text;
      return row.emphasis === 'total' ? colour.bold(text) : row.emphasis === 'computed' ? colour.cyan(text) : text;
    }));
  }
  return `${colour.bold(grid.title)}\n${table.toString()}\n`;
}

/**
 * Render the report as terminal text: dataset line, each table (£000), the
 * discrepancies (or a line saying there are none), and the headline in £000 and £m.
 */
export function varianceAsTable(report: VarianceReport, options: TableRenderOptions = {}): string {
  const colour = new Chalk({ level: options.colour ? 1 : 0 });
  const parts: string[] = [];
  parts.push(`Dataset: ${printable(report.programme.name, true)} (${printable(report.programme.path, true)}); all amounts £000; ${DISCREPANCY_MARK} marks a stated figure that differs from its line items; ${NOT_STATED_LEGEND}\n`);
  const note = outturnNote(report);
  if (note) parts.push(`${note}\n`);
  for (const grid of varianceGrid(report, 40)) {
    parts.push(renderGrid({ ...grid, title: `${grid.title} [${grid.id}]` }, colour));
  }
  if (report.discrepancies.length === 0) {
    parts.push('No discrepancies: every stated figure agrees with its line items.\n');
  } else {
    parts.push(renderGrid(discrepancyGrid(report), colour));
  }
  parts.push(renderGrid(headlineGrid(report), colour));
  const combined = report.combined;
  parts.push(
    `Combined impact (computed): ${formatMillions(report.costs.variance)} cost underspend offsetting a ${formatMillions(report.savings.variance)} savings shortfall gives a combined adverse movement of ${formatMillions(combined.computed)}` +
      (combined.published === undefined ? '.\n' : ` (published: ${formatMillions(combined.published)}).\n`),
  );
  return parts.join('\n');
}
