/**
 * Ledger actuals as the outturn column of the variance report: £000 per table line.
 * Pure; the variance command joins these to the programme's lines by (table, line).
 */
import { type Amount, negate, penceToThousands } from '../money/index.js';
import { layoutOf, type TableId } from '../model/index.js';
import type { LedgerActuals } from './actuals.js';

/** The outturn of one line from the ledger, £000, exact (e.g. 1234.56 £ → 1.23456). */
export interface LedgerOutturnLine {
  readonly table: TableId;
  readonly line: string;
  /** Outturn in £000, never rounded. */
  readonly outturn: Amount;
  /** Ledger rows behind the figure. */
  readonly rows: number;
}

/** Outturn per line from the ledger, labelled so reports can say where it came from. */
export interface LedgerOutturn {
  /** How the variance report labels the outturn column's source. */
  readonly label: 'ledger actuals';
  /** The ledger and map paths as the user gave them. */
  readonly file: string;
  readonly mapFile: string;
  readonly lines: readonly LedgerOutturnLine[];
  /** Unmapped rows: their count and their total in £000 (ledger sign), for a warning. */
  readonly unmappedRows: number;
  readonly unmapped: Amount;
}

/**
 * Turn ledger actuals into £000 outturn per (table, line).
 *
 * Sign: cost tables take the ledger total as it is (debits, i.e. spending, positive).
 * Savings tables take it negated: a saving delivered shows in the ledger as a credit
 * (income or reduced spend, negative), and the report states savings as positive £000.
 */
export function outturnFromActuals(actuals: LedgerActuals): LedgerOutturn {
  return {
    label: 'ledger actuals',
    file: actuals.file,
    mapFile: actuals.mapFile,
    lines: actuals.lines.map((line) => {
      const thousands = penceToThousands(line.amount);
      return {
        table: line.table,
        line: line.line,
        rows: line.rows,
        outturn: layoutOf(line.table).kind === 'savings' ? negate(thousands) : thousands,
      };
    }),
    unmappedRows: actuals.unmapped.rows,
    unmapped: penceToThousands(actuals.unmapped.amount),
  };
}

/** The ledger outturn (£000) of one line, or `undefined` when the map names no such line. */
export function ledgerOutturnOf(outturn: LedgerOutturn, table: TableId, line: string): Amount | undefined {
  return outturn.lines.find((entry) => entry.table === table && entry.line === line)?.outturn;
}
