/**
 * Ledger actuals as JSON (contract in docs/json.md): money as decimal strings, never numbers.
 */
import { type Pence, penceToPoundsText, penceToThousands, toDecimalString } from '../money/index.js';
import type { LedgerActuals } from '../ledger/actuals.js';

/** An amount in pence as `{ pounds: "1234.56", thousands: "1.23456" }` (exact decimal strings). */
export function poundsAndThousands(amount: Pence): { pounds: string; thousands: string } {
  return { pounds: penceToPoundsText(amount), thousands: toDecimalString(penceToThousands(amount)) };
}

/** JSON: money as decimal strings (`"pounds": "1234.56"`, `"thousands": "1.23456"`). */
export function renderActualsJson(actuals: LedgerActuals): string {
  const report = {
    file: actuals.file,
    map: actuals.mapFile,
    rows: actuals.rows,
    emptyLines: actuals.emptyLines,
    firstPosting: actuals.firstPosting ?? null,
    lastPosting: actuals.lastPosting ?? null,
    total: poundsAndThousands(actuals.total),
    lines: actuals.lines.map((line) => ({ table: line.table, line: line.line, rows: line.rows, ...poundsAndThousands(line.amount) })),
    tables: actuals.tables.map((table) => ({ table: table.table, rows: table.rows, ...poundsAndThousands(table.amount) })),
    unmapped: {
      rows: actuals.unmapped.rows,
      codes: actuals.unmapped.codes,
      ...poundsAndThousands(actuals.unmapped.amount),
      top: actuals.unmapped.top.map((code) => ({ costCentre: code.costCentre, account: code.account, rows: code.rows, firstRow: code.firstRow, ...poundsAndThousands(code.amount) })),
    },
  };
  return JSON.stringify(report, null, 2) + '\n';
}
