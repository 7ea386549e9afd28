/**
 * Ledger actuals as CSV (csv-stringify): money as exact decimal strings.
 */
import { stringify } from 'csv-stringify/sync';
import type { Pence } from '../money/index.js';
import type { LedgerActuals } from '../ledger/actuals.js';
import { poundsAndThousands } from './actuals-json.js';

/**
 * CSV: `table,line,rows,pounds,thousands`, one row per mapped line, then a
 * `(unmapped)` row and a `(total)` row (the ledger's sum).
 */
export function renderActualsCsv(actuals: LedgerActuals): string {
  const rows: string[][] = [['table', 'line', 'rows', 'pounds', 'thousands']];
  const row = (table: string, line: string, count: number, amount: Pence): string[] => {
    const { pounds: p, thousands: t } = poundsAndThousands(amount);
    return [table, line, String(count), p, t];
  };
  for (const line of actuals.lines) rows.push(row(line.table, line.line, line.rows, line.amount));
  rows.push(row('(unmapped)', '', actuals.unmapped.rows, actuals.unmapped.amount));
  rows.push(row('(total)', '', actuals.rows, actuals.total));
  return stringify(rows);
}
