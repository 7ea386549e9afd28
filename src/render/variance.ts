/**
 * Pick the variance renderer for a format. Each renderer is imported only when used, so
 * `--format json` never loads the terminal-table or CSV libraries (start-up cost matters:
 * see docs/performance.md).
 */
import type { VarianceReport } from '../engine/index.js';
import type { TableRenderOptions } from './variance-table.js';

/** The variance report's output formats. */
export type VarianceFormat = 'table' | 'json' | 'csv' | 'markdown';

/**
 * Render the report in `format`. `colour` and `table` (width, columns, compact) apply to `table` only.
 * @returns the text to write (ends with a newline).
 */
export async function renderVariance(report: VarianceReport, format: VarianceFormat, colour: boolean, table: Omit<TableRenderOptions, 'colour'> = {}): Promise<string> {
  switch (format) {
    case 'json':
      return (await import('./variance-json.js')).varianceAsJson(report);
    case 'csv':
      return (await import('./variance-csv.js')).varianceAsCsv(report);
    case 'markdown':
      return (await import('./variance-markdown.js')).varianceAsMarkdown(report);
    case 'table':
      const [{ varianceAsTable }, { textStyles }] = await Promise.all([import('./variance-table.js'), import('./text-styles.js')]);
      return varianceAsTable(report, { ...table, styles: await textStyles(colour) });
  }
}
