/**
 * Ledger actuals as a plain-text table for people (cli-table3): money exact, pence shown
 * as £ with two places and £000 with five, credits in brackets.
 */
import Table from 'cli-table3';
import { formatAmount, type Pence, penceToPounds, penceToThousands } from '../money/index.js';
import { layoutOf } from '../model/index.js';
import type { LedgerActuals } from '../ledger/actuals.js';

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
