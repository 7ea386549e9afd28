/**
 * Ledger actuals as text: a table for people, JSON and CSV for other tools. All three
 * render the same {@link LedgerActuals}; money is exact (pence shown as £ with two
 * places, £000 with five), and JSON/CSV carry money as decimal strings, never numbers.
 */
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import { formatAmount, type Pence, penceToPounds, penceToPoundsText, penceToThousands, toDecimalString } from '../money/index.js';
import { layoutOf } from '../model/index.js';
import type { LedgerActuals } from '../ledger/actuals.js';

/** The output formats of `fn-model actuals`. */
export const ACTUALS_FORMATS = ['table', 'json', 'csv'] as const;
/** One of {@link ACTUALS_FORMATS}. */
export type ActualsFormat = (typeof ACTUALS_FORMATS)[number];

function pounds(amount: Pence): string {
  return formatAmount(penceToPounds(amount), { places: 2 });
}

function thousands(amount: Pence): string {
  return formatAmount(penceToThousands(amount), { places: 5 });
}

function count(rows: number): string {
  return rows.toLocaleString('en-GB');
}

/**
 * A plain-text report: per table, its lines and subtotal (rows, £, £000; credits in
 * brackets); then unmapped rows with the top unmapped codes; then the ledger total,
 * which equals mapped plus unmapped.
 */
export function renderActualsTable(actuals: LedgerActuals): string {
  const out: string[] = [];
  const period = actuals.firstPosting ? `, postings ${actuals.firstPosting} to ${actuals.lastPosting}` : '';
  out.push(`Ledger actuals: ${actuals.file} (map ${actuals.mapFile}), ${count(actuals.rows)} rows${period}`);
  out.push('Debits positive, credits in brackets.');
  const table = new Table({
    head: ['Table', 'Line', 'Rows', '£', '£000'],
    colAligns: ['left', 'left', 'right', 'right', 'right'],
    style: { head: [], border: [], compact: true },
  });
  for (const subtotal of actuals.tables) {
    for (const line of actuals.lines.filter((entry) => entry.table === subtotal.table)) {
      table.push([line.table, line.line, count(line.rows), pounds(line.amount), thousands(line.amount)]);
    }
    table.push(['', `Total ${layoutOf(subtotal.table).title}`, count(subtotal.rows), pounds(subtotal.amount), thousands(subtotal.amount)]);
  }
  const unmapped = actuals.unmapped;
  table.push(['(unmapped)', `${count(unmapped.codes)} cost centre/account pairs`, count(unmapped.rows), pounds(unmapped.amount), thousands(unmapped.amount)]);
  table.push(['LEDGER TOTAL', '', count(actuals.rows), pounds(actuals.total), thousands(actuals.total)]);
  out.push(table.toString());
  if (unmapped.rows > 0) {
    out.push('');
    out.push(`Unmapped: ${count(unmapped.rows)} rows, ${pounds(unmapped.amount)} £ not in the map; largest by absolute amount:`);
    const top = new Table({
      head: ['Cost centre', 'Account', 'Rows', '£', 'First row'],
      colAligns: ['left', 'left', 'right', 'right', 'right'],
      style: { head: [], border: [], compact: true },
    });
    for (const code of unmapped.top) top.push([code.costCentre, code.account, count(code.rows), pounds(code.amount), String(code.firstRow)]);
    out.push(top.toString());
  }
  if (actuals.emptyLines > 0) out.push(`Empty lines skipped: ${count(actuals.emptyLines)} (they carry no amount).`);
  return out.join('\n') + '\n';
}

function money(amount: Pence): { pounds: string; thousands: string } {
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
    total: money(actuals.total),
    lines: actuals.lines.map((line) => ({ table: line.table, line: line.line, rows: line.rows, ...money(line.amount) })),
    tables: actuals.tables.map((table) => ({ table: table.table, rows: table.rows, ...money(table.amount) })),
    unmapped: {
      rows: actuals.unmapped.rows,
      codes: actuals.unmapped.codes,
      ...money(actuals.unmapped.amount),
      top: actuals.unmapped.top.map((code) => ({ costCentre: code.costCentre, account: code.account, rows: code.rows, firstRow: code.firstRow, ...money(code.amount) })),
    },
  };
  return JSON.stringify(report, null, 2) + '\n';
}

/**
 * CSV: `table,line,rows,pounds,thousands`, one row per mapped line, then a
 * `(unmapped)` row and a `(total)` row (the ledger's sum).
 */
export function renderActualsCsv(actuals: LedgerActuals): string {
  const rows: string[][] = [['table', 'line', 'rows', 'pounds', 'thousands']];
  const row = (table: string, line: string, count: number, amount: Pence): string[] => {
    const { pounds: p, thousands: t } = money(amount);
    return [table, line, String(count), p, t];
  };
  for (const line of actuals.lines) rows.push(row(line.table, line.line, line.rows, line.amount));
  rows.push(row('(unmapped)', '', actuals.unmapped.rows, actuals.unmapped.amount));
  rows.push(row('(total)', '', actuals.rows, actuals.total));
  return stringify(rows);
}

/** Render in the chosen format. */
export function renderActuals(actuals: LedgerActuals, format: ActualsFormat): string {
  switch (format) {
    case 'table':
      return renderActualsTable(actuals);
    case 'json':
      return renderActualsJson(actuals);
    case 'csv':
      return renderActualsCsv(actuals);
  }
}
