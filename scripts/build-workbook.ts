/**
 * Build `data/march-2021.xlsx` from the bundled CSV folder `data/march-2021/`.
 *
 * The CSVs are read with the loader (so the workbook is only written from a dataset that
 * loads cleanly), then each table is written to a sheet named by its table id:
 * row 1 the table's title (bold), row 2 the header with the report's published labels
 * ("2019/20 £000", …, "Year End Outturn Projection 2020/21 £000", "Variance Under / (Over)
 * 2020/21 £000", the delayed labels), then the lines and the TOTAL row: line id, name, amounts.
 *
 * Amounts are written as numbers with the report's number format `#,##0;(#,##0);"-"`,
 * except that a cell whose CSV text is `-` (the report's nil) is written as the text "-",
 * and a TOTAL cell that is blank ("not stated") stays empty. The `headline` sheet holds
 * `figure, description, amount, unit` with the amount as stated (e.g. 0.454 in £m).
 *
 * The write is deterministic (fixed creator and created/modified dates, so rebuilding gives
 * the same workbook content) and atomic (a temporary file in the same folder, then rename).
 *
 * Usage: `npm run build:workbook` (or `node dist/scripts/build-workbook.js [folder] [out.xlsx]`).
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { toDecimalString, type Amount } from '../src/money/index.js';
import { layoutOf, type Field, type Programme } from '../src/model/index.js';
import { bundledDatasetPath, findHeader, loadProgramme, readCsvRows, tableVocabulary, type GridRow, type TableColumn } from '../src/load/index.js';

/** The report's published column labels. */
export const PUBLISHED_LABELS: Readonly<Record<'line' | 'name' | Field, string>> = {
  line: 'Line',
  name: 'Name',
  '2019/20': '2019/20 £000',
  '2020/21': '2020/21 £000',
  '2021/24': '2021/24 £000',
  total: 'Total £000',
  outturn: 'Year End Outturn Projection 2020/21 £000',
  variance: 'Variance Under / (Over) 2020/21 £000',
  delayedWholly: 'Delayed but wholly deliverable in 2021/22 £000',
  delayedPartly: 'Delayed but partly deliverable in 2021/22 £000',
};

/** The report's number format: thousands grouped, negatives in brackets, zero as "-". */
export const REPORT_NUMBER_FORMAT = '#,##0;(#,##0);"-"';

/** The fixed date stamped on the workbook so rebuilds are identical. */
const WORKBOOK_DATE = new Date('2021-03-31T00:00:00Z');

/**
 * An amount as a spreadsheet number. Only whole amounts within the safe-integer range are
 * written as numbers (every figure of the report is whole £000); anything else is written
 * as its exact decimal text so nothing is rounded.
 */
function spreadsheetValueOf(amount: Amount): number | string {
  const text = toDecimalString(amount);
  const value = Number(text);
  return Number.isSafeInteger(value) && String(value) === text ? value : text;
}

/** The raw CSV text of a table's cells, by row number and field, to keep "-" as written. */
export async function csvTexts(file: string, tableId: Parameters<typeof layoutOf>[0]): Promise<(row: number, column: TableColumn) => string> {
  const grid = await readCsvRows(await readFile(file), { encoding: 'auto' }, file);
  const rows: readonly GridRow[] = grid.rows;
  const header = findHeader(
    rows.map((row) => ({ row: row.row, texts: row.cells.map((cell) => cell.text) })),
    tableVocabulary(layoutOf(tableId)),
    { file },
  ).header;
  return (row, column) => {
    const index = header?.columns.get(column);
    return index === undefined ? '' : (rows[row - 1]?.cells[index]?.text ?? '');
  };
}

/** Build the workbook for a loaded programme read from `folder`. */
export async function buildWorkbook(programme: Programme, folder: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'fn-model';
  workbook.lastModifiedBy = 'fn-model';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;

  for (const table of programme.tables) {
    const textAt = await csvTexts(join(folder, `${table.id}.csv`), table.id);
    const sheet = workbook.addWorksheet(table.id);
    sheet.addRow([table.title]).font = { bold: true };
    const header = sheet.addRow([PUBLISHED_LABELS.line, PUBLISHED_LABELS.name, ...table.fields.map((field) => PUBLISHED_LABELS[field])]);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    const totalRow = Object.values(table.statedSources)[0]?.row ?? 0;
    const rows = [
      ...table.lines.map((line) => ({ id: line.id, name: line.name, row: line.row, figures: { ...line.inputs, ...line.stated } })),
      { id: textAt(totalRow, 'line').trim() || 'TOTAL', name: textAt(totalRow, 'name').trim(), row: totalRow, figures: table.stated },
    ];
    for (const entry of rows) {
      const values = table.fields.map((field) => {
        const amount = entry.figures[field];
        if (amount === undefined) return null;
        return textAt(entry.row, field).trim() === '-' ? '-' : spreadsheetValueOf(amount);
      });
      const sheetRow = sheet.addRow([entry.id, entry.name, ...values]);
      table.fields.forEach((_field, index) => {
        sheetRow.getCell(index + 3).numFmt = REPORT_NUMBER_FORMAT;
        sheetRow.getCell(index + 3).alignment = { horizontal: 'right' };
      });
    }
    sheet.getColumn(1).width = 20;
    sheet.getColumn(2).width = 50;
    table.fields.forEach((_field, index) => {
      sheet.getColumn(index + 3).width = 16;
    });
  }

  const headline = workbook.addWorksheet('headline');
  headline.addRow(['figure', 'description', 'amount', 'unit']).font = { bold: true };
  for (const statement of programme.headline) {
    const stated = Number(statement.statedText);
    headline.addRow([statement.figure, statement.description, String(stated) === statement.statedText ? stated : statement.statedText, statement.unit]);
  }
  headline.getColumn(2).width = 45;
  return workbook;
}

/** 1980-01-01 00:00 in MS-DOS date and time form, the earliest a zip entry can carry. */
const ZIP_DOS_DATE = (0 << 9) | (1 << 5) | 1;
const ZIP_DOS_TIME = 0;

/**
 * Stamp every entry of a zip (local headers and central directory) with one fixed
 * modification time, so two builds of the same workbook are byte-identical (the zip
 * library otherwise stamps the time of writing). Leaves the bytes unchanged if the
 * zip's end record is not found.
 */
export function fixZipEntryTimes(zip: Uint8Array): Uint8Array {
  const bytes = Buffer.from(zip);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return bytes;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let entry = 0; entry < entries && bytes.readUInt32LE(at) === 0x02014b50; entry += 1) {
    bytes.writeUInt16LE(ZIP_DOS_TIME, at + 12);
    bytes.writeUInt16LE(ZIP_DOS_DATE, at + 14);
    const local = bytes.readUInt32LE(at + 42);
    if (bytes.readUInt32LE(local) === 0x04034b50) {
      bytes.writeUInt16LE(ZIP_DOS_TIME, local + 10);
      bytes.writeUInt16LE(ZIP_DOS_DATE, local + 12);
    }
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return bytes;
}

/** Write bytes to `target` atomically: a temporary file beside it, then rename. */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(target), `.fn-model-tmp-${process.pid}-${basename(target)}`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Load `folder`, build the workbook and write it to `target`. @throws InputError if the CSVs do not load. */
export async function writeDatasetWorkbook(folder: string, target: string): Promise<void> {
  const programme = await loadProgramme(folder);
  const workbook = await buildWorkbook(programme, folder);
  const bytes = await workbook.xlsx.writeBuffer();
  await writeAtomically(target, fixZipEntryTimes(new Uint8Array(bytes as ArrayBuffer)));
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(basename(process.argv[1]));
if (isMain) {
  const folder = process.argv[2] ?? bundledDatasetPath();
  const target = process.argv[3] ?? join(dirname(folder), `${basename(folder)}.xlsx`);
  writeDatasetWorkbook(folder, target).then(
    () => process.stdout.write(`wrote ${target}\n`),
    (error: unknown) => {
      process.stderr.write(`build-workbook: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
