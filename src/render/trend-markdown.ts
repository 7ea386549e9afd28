/**
 * The trend report as GitHub-flavoured Markdown: the same grids as the terminal table,
 * as pipe tables. Amounts £000.
 */
import type { TrendReport } from '../engine/index.js';
import { trendGrids, trendHeading, trendSentence } from './trend-grid.js';
import { markdownTable } from './variance-markdown.js';

/** Render the trend report as Markdown text. */
export function trendAsMarkdown(report: TrendReport): string {
  const parts: string[] = [`# Trend: ${report.months[0]} to ${report.months.at(-1)}`, `${trendHeading(report)}.`];
  for (const grid of trendGrids(report, 0)) parts.push(`## ${grid.title}`, grid.rows.length === 0 ? 'None.' : markdownTable(grid));
  parts.push(trendSentence(report));
  return `${parts.join('\n\n')}\n`;
}
