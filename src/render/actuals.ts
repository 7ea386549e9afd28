/**
 * Ledger actuals as text: a table for people, JSON and CSV for other tools. All three
 * render the same {@link LedgerActuals}; money is exact (pence shown as £ with two
 * places, £000 with five), and JSON/CSV carry money as decimal strings, never numbers.
 * Each format's renderer is imported only when used, so `--format json` loads neither
 * the terminal-table nor the CSV library (start-up: see docs/performance.md).
 */
import type { LedgerActuals } from '../ledger/actuals.js';

/** The output formats of `fn-model actuals`. */
export const ACTUALS_FORMATS = ['table', 'json', 'csv'] as const;
/** One of {@link ACTUALS_FORMATS}. */
export type ActualsFormat = (typeof ACTUALS_FORMATS)[number];

/**
 * Render in the chosen format.
 * @returns the text to write (ends with a newline).
 */
export async function renderActuals(actuals: LedgerActuals, format: ActualsFormat): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('./actuals-table.js')).renderActualsTable(actuals);
    case 'json':
      return (await import('./actuals-json.js')).renderActualsJson(actuals);
    case 'csv':
      return (await import('./actuals-csv.js')).renderActualsCsv(actuals);
  }
}
