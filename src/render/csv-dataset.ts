/**
 * A programme written back as the CSV folder `variance --data` reads (`fn-model export
 * --format csv`): one `<table-id>.csv` per table (`line,name,` then the table's fields;
 * the lines, then the `TOTAL` row with blanks where nothing is stated) and `headline.csv`
 * (`figure,description,amount,unit`, the amount in its stated unit). Money is plain
 * decimal text (`-270`, `2300`), exact; text cells are neutralised against formula
 * injection (`csv-safety.ts`); money is never touched.
 */
import { stringify } from 'csv-stringify/sync';
import { type Amount, thousandsToMillions, toDecimalString } from '../money/index.js';
import { FIELD_HEADINGS, type Programme, type Table } from '../model/index.js';
import { neutraliseFormula } from './csv-safety.js';

/** One file of the folder: its name (`brp-savings.csv`) and its text. */
export interface DatasetFile {
  readonly name: string;
  readonly text: string;
}

function money(value: Amount | undefined): string {
  return value === undefined ? '' : toDecimalString(value);
}

function tableCsv(table: Table): string {
  const rows: string[][] = [['line', 'name', ...table.fields.map((field) => FIELD_HEADINGS[field])]];
  for (const line of table.lines) {
    const figures = { ...line.inputs, ...line.stated };
    rows.push([neutraliseFormula(line.id), neutraliseFormula(line.name), ...table.fields.map((field) => money(figures[field]))]);
  }
  rows.push(["TOTAL", neutraliseFormula(table.totalName ?? `${table.title} (as published)`), ...table.fields.map((field) => money(table.stated[field]))]);
  return stringify(rows, { record_delimiter: '\n' });
}

/** The folder's files, in report order, then `headline.csv` when the programme states a headline. */
export function programmeAsCsvFiles(programme: Programme): readonly DatasetFile[] {
  const files: DatasetFile[] = programme.tables.map((table) => ({ name: `${table.id}.csv`, text: tableCsv(table) }));
  if (programme.headline.length > 0) {
    const rows = [['figure', 'description', 'amount', 'unit']];
    for (const statement of programme.headline) {
      const amount = statement.unit === '£m' ? thousandsToMillions(statement.amount) : statement.amount;
      rows.push([statement.figure, neutraliseFormula(statement.description), toDecimalString(amount), statement.unit]);
    }
    files.push({ name: 'headline.csv', text: stringify(rows, { record_delimiter: '\n' }) });
  }
  return files;
}
