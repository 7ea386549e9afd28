/**
 * The trend report for the terminal (cli-table3, like `variance` and `movement`): the
 * combined adverse movement by month and by table, outturn projection by table and by
 * line, the lines that moved and the lines added or removed. Colour only when asked.
 */
import { Chalk } from 'chalk';
import type { TrendReport } from '../engine/index.js';
import { trendGrids, trendHeading, trendSentence } from './trend-grid.js';
import { type TableRenderOptions, renderGrid } from './variance-table.js';

/** Render the trend report as terminal text. */
export function trendAsTable(report: TrendReport, options: TableRenderOptions = {}): string {
  const colour = new Chalk({ level: options.colour ? 1 : 0 });
  const parts = [`${trendHeading(report)}\n`];
  for (const grid of trendGrids(report, 30)) parts.push(grid.rows.length === 0 ? `${grid.title}: none.\n` : renderGrid(grid, colour));
  parts.push(`${trendSentence(report)}\n`);
  return parts.join('\n');
}
