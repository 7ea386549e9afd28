/**
 * Ledger actuals: the pure step from per-code totals to totals per table line, with
 * every unmapped row accounted for. No I/O; amounts are integer pence ({@link Pence}).
 */
import { absolutePence, addPence, comparePence, type Pence, sumPence } from '../money/index.js';
import { TABLE_IDS, type TableId } from '../model/index.js';
import type { LedgerMap, MapTarget } from './map.js';

/** The ledger total of one (cost centre, account) pair, and where the map sent it. */
export interface CodeTotal {
  readonly costCentre: string;
  readonly account: string;
  /** Ledger rows with this pair. */
  readonly rows: number;
  /** Their sum in pence (debits positive, credits negative). */
  readonly amount: Pence;
  /** 1-based line of the first such row in the ledger. */
  readonly firstRow: number;
  /** The table line the map sends the pair to; `undefined` when unmapped. */
  readonly target: MapTarget | undefined;
}

/** Actuals of one table line, in pence. */
export interface LineActual {
  readonly table: TableId;
  readonly line: string;
  readonly rows: number;
  readonly amount: Pence;
}

/** Actuals of one table (the sum of its mapped lines), in pence. */
export interface TableActual {
  readonly table: TableId;
  readonly rows: number;
  readonly amount: Pence;
}

/** An unmapped (cost centre, account) pair, in pence. */
export interface UnmappedCode {
  readonly costCentre: string;
  readonly account: string;
  readonly rows: number;
  readonly amount: Pence;
  /** 1-based line of its first row in the ledger. */
  readonly firstRow: number;
}

/** Rows no map rule matched: never dropped, always reported. */
export interface UnmappedActuals {
  readonly rows: number;
  readonly amount: Pence;
  /** Distinct unmapped (cost centre, account) pairs. */
  readonly codes: number;
  /** The (at most) ten pairs with the largest absolute totals, largest first. */
  readonly top: readonly UnmappedCode[];
}

/** What a ledger adds up to, per table line, in pence (debits positive, credits negative). */
export interface LedgerActuals {
  /** The ledger path as the user gave it. */
  readonly file: string;
  /** The map path as the user gave it. */
  readonly mapFile: string;
  /** Data rows summed (not counting the header or empty lines). */
  readonly rows: number;
  /** Empty lines seen (skipped: they carry no amount). */
  readonly emptyLines: number;
  /** Every row's amount summed: equals mapped lines plus unmapped. */
  readonly total: Pence;
  /** Earliest and latest posting dates (`YYYY-MM-DD`), absent for an empty ledger. */
  readonly firstPosting: string | undefined;
  readonly lastPosting: string | undefined;
  /** Every line the map names, in table order then map order (lines without rows are zero). */
  readonly lines: readonly LineActual[];
  /** Subtotals per table that the map names, in table order. */
  readonly tables: readonly TableActual[];
  readonly unmapped: UnmappedActuals;
}

/** Facts about the read that are not per code. */
export interface LedgerFacts {
  readonly file: string;
  readonly emptyLines: number;
  readonly firstPosting: string | undefined;
  readonly lastPosting: string | undefined;
}

/** How many unmapped pairs {@link UnmappedActuals.top} lists. */
export const TOP_UNMAPPED = 10;

/**
 * Group per-code totals into table lines and unmapped pairs. Pairs that differ only by
 * surrounding spaces in the ledger arrive already trimmed and are merged here.
 */
export function summariseActuals(codes: Iterable<CodeTotal>, map: LedgerMap, facts: LedgerFacts): LedgerActuals {
  const lineKey = (table: string, line: string): string => `${table}\u0000${line}`;
  const lines = new Map<string, { table: TableId; line: string; rows: number; amount: Pence; order: number }>();
  map.rules.forEach((rule, order) => {
    const key = lineKey(rule.table, rule.line);
    if (!lines.has(key)) lines.set(key, { table: rule.table, line: rule.line, rows: 0, amount: 0n, order });
  });
  const unmapped = new Map<string, { costCentre: string; account: string; rows: number; amount: Pence; firstRow: number }>();
  let rows = 0;
  const amounts: Pence[] = [];
  // A pair's target is usually one of the map's rules: find its line by identity first,
  // which spares building a key string per pair (10,000+ of them in a large ledger).
  const lineOfRule = new Map<MapTarget, { table: TableId; line: string; rows: number; amount: Pence; order: number }>();
  for (const rule of map.rules) lineOfRule.set(rule, lines.get(lineKey(rule.table, rule.line))!);
  for (const code of codes) {
    rows += code.rows;
    amounts.push(code.amount);
    if (code.target) {
      const entry = lineOfRule.get(code.target) ?? lines.get(lineKey(code.target.table, code.target.line))!;
      entry.rows += code.rows;
      entry.amount = addPence(entry.amount, code.amount);
    } else {
      const key = `${code.costCentre}\u0000${code.account}`;
      const entry = unmapped.get(key);
      if (entry) {
        entry.rows += code.rows;
        entry.amount = addPence(entry.amount, code.amount);
        entry.firstRow = Math.min(entry.firstRow, code.firstRow);
      } else {
        unmapped.set(key, { costCentre: code.costCentre, account: code.account, rows: code.rows, amount: code.amount, firstRow: code.firstRow });
      }
    }
  }
  const tableOrder = (table: TableId): number => TABLE_IDS.indexOf(table);
  const lineList = [...lines.values()]
    .sort((a, b) => tableOrder(a.table) - tableOrder(b.table) || a.order - b.order)
    .map(({ table, line, rows: lineRows, amount }) => ({ table, line, rows: lineRows, amount }));
  const tables: TableActual[] = [];
  for (const line of lineList) {
    const last = tables[tables.length - 1];
    if (last && last.table === line.table) tables[tables.length - 1] = { table: last.table, rows: last.rows + line.rows, amount: addPence(last.amount, line.amount) };
    else tables.push({ table: line.table, rows: line.rows, amount: line.amount });
  }
  const unmappedList = [...unmapped.values()];
  const top = [...unmappedList]
    .sort((a, b) => comparePence(absolutePence(b.amount), absolutePence(a.amount)) || b.rows - a.rows || a.firstRow - b.firstRow)
    .slice(0, TOP_UNMAPPED);
  return {
    file: facts.file,
    mapFile: map.file,
    rows,
    emptyLines: facts.emptyLines,
    total: sumPence(amounts),
    firstPosting: facts.firstPosting,
    lastPosting: facts.lastPosting,
    lines: lineList,
    tables,
    unmapped: {
      rows: unmappedList.reduce((count, code) => count + code.rows, 0),
      amount: sumPence(unmappedList.map((code) => code.amount)),
      codes: unmappedList.length,
      top,
    },
  };
}
