/**
 * The variance report as CSV, one row per figure ("long" form, for scripts and pivot
 * tables): every line figure, every TOTAL figure and the headline figures, each with
 * its stated value (blank where the source states none), computed value, difference
 * (stated − computed) and source cell. Money is £000 as plain decimal text.
 *
 * Columns: `table,line,name,field,stated,computed,difference,discrepancy,file,sheet,row,column`.
 */
import { stringify } from 'csv-stringify/sync';
import { type Amount, subtract, toDecimalString } from '../money/index.js';
import type { Field, SourceCell } from '../model/index.js';
import type { VarianceReport } from '../engine/index.js';
import { neutraliseFormula } from './csv-safety.js';
import { printable } from './printable.js';

/** The CSV column names, in order. */
export const VARIANCE_CSV_COLUMNS = ['table', 'line', 'name', 'field', 'stated', 'computed', 'difference', 'discrepancy', 'file', 'sheet', 'row', 'column'] as const;

/** Render the report as CSV text (RFC 4180, `\n` line ends, header row first). */
export function varianceAsCsv(report: VarianceReport): string {
  const flagged = new Set(report.discrepancies.map((item) => `${item.table}|${item.line}|${item.field}`));
  const rows: string[][] = [[...VARIANCE_CSV_COLUMNS]];
  const push = (table: string, line: string, name: string, field: string, stated: Amount | undefined, computed: Amount, source: SourceCell | undefined) => {
    rows.push([
      table, neutraliseFormula(printable(line)), neutraliseFormula(printable(name)), field,
      stated === undefined ? '' : toDecimalString(stated),
      toDecimalString(computed),
      stated === undefined ? '' : toDecimalString(subtract(stated, computed)),
      flagged.has(`${table}|${line}|${field}`) ? 'yes' : 'no',
      source ? neutraliseFormula(printable(source.file)) : '', source?.sheet ? neutraliseFormula(printable(source.sheet)) : '',
      source ? String(source.row) : '', source?.column ?? '',
    ]);
  };
  for (const result of report.tables) {
    const { table } = result;
    for (const line of result.lines) {
      for (const field of table.fields) {
        const computed = line.computed[field];
        if (computed === undefined) continue;
        const stated: Amount | undefined = line.line.inputs[field] ?? line.line.stated[field];
        push(table.id, line.line.id, line.line.name, field, stated, computed, line.line.sources[field]);
      }
    }
    for (const field of table.fields as readonly Field[]) {
      const computed = result.computed[field];
      if (computed === undefined) continue;
      push(table.id, 'TOTAL', table.totalName ?? table.title, field, table.stated[field], computed, table.statedSources[field]);
    }
  }
  for (const item of report.headline) {
    push('headline', item.figure, item.figure, 'amount', item.published, item.computed, item.source);
  }
  return stringify(rows, { record_delimiter: '\n' });
}
