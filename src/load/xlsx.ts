/**
 * Reading a dataset workbook (.xlsx): one sheet per table id plus an optional `headline`
 * sheet. exceljs is imported only here, and lazily, so reading CSV never loads it.
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { amountOf, type Amount } from '../money/index.js';
import { fileProblemMessage, type Problem } from './errors.js';
import type { GridCell, GridRow, GridSource } from './table.js';
import { XLSX_MAX_FILE_BYTES, fileSizeMessage, readFileWithin } from './limits.js';
import { cellTextProblem, sheetSizeProblem } from './sheet-limits.js';
import { workbookZipProblems } from './zip-guard.js';

/** Excel shows and keeps at most 15 significant digits of a number. */
const EXCEL_SIGNIFICANT_DIGITS = 15;

/**
 * The amount of a numeric cell as Excel displays it, or why there is none.
 *
 * Rule: a whole number up to 2^53 − 1 is exact in a double and is read as it is. Any other
 * finite number is rounded to 15 significant digits (the most Excel shows or keeps;
 * `Number.prototype.toPrecision`, from the double's exact binary value) and then made a
 * decimal, so the binary noise a recalculation leaves (`0.30000000000000004`,
 * `6.0500000000000007` for 3.1 + 2.95) reads as `0.3` and `6.05`, as Excel shows it. A
 * whole number beyond 2^53 is refused (it cannot be held exactly), as is a non-finite one.
 * Text cells are not rounded: they go through `textAmount` (over 15 digits is refused).
 */
export function amountOfNumberCell(value: number): { readonly amount?: Amount; readonly message?: string } {
  if (!Number.isFinite(value)) return { message: 'is not a finite number' };
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return { message: 'is too large to be held exactly (more than 2^53)' };
  if (Number.isSafeInteger(value)) return { amount: amountOf(value.toString()) };
  return { amount: amountOf(value.toPrecision(EXCEL_SIGNIFICANT_DIGITS)) }; // number-ok: the cell's double to the 15 digits Excel shows, then exact
}

/** The plain text of a rich-text, hyperlink or shared-string value. */
function textOf(value: CellValue): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text).join('');
    if ('hyperlink' in value && 'text' in value) return textOf(value.text as CellValue);
  }
  return undefined;
}

/**
 * One cell's value as a {@link GridCell}: numbers via {@link amountOfNumberCell}; strings,
 * rich text and hyperlinks as their text (parsed later with `parseAmount`, so "(158)", "-",
 * "1,234" work); formulas by their cached result (no cached result, or an error result such
 * as `#REF!`, is a problem); error values are problems. Dates and booleans keep their text
 * and so are "not an amount" where an amount is expected.
 */
function gridCellOf(value: CellValue, address: string, report: (text: string, message: string) => void): GridCell {
  if (value === null || value === undefined) return { text: '', address };
  if (typeof value === 'number') {
    const converted = amountOfNumberCell(value);
    if (converted.amount === undefined) {
      report(value.toString(), converted.message ?? 'is not an amount');
      return { text: value.toString(), address, unreadable: true };
    }
    return { text: value.toString(), amount: converted.amount, address };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', address };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? 'invalid date' : value.toISOString().slice(0, 10), address };
  const text = textOf(value);
  if (text !== undefined) return { text, address };
  if (typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const formula = 'formula' in value ? value.formula : (value as { sharedFormula: string }).sharedFormula;
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) {
      report(`=${formula}`, 'is a formula with no saved result (open the workbook in Excel and save it)');
      return { text: '', address, unreadable: true };
    }
    if (typeof result === 'object' && result !== null && 'error' in result) {
      report(`=${formula}`, `is a formula whose result is the error ${String((result as { error: unknown }).error)}`);
      return { text: '', address, unreadable: true };
    }
    return gridCellOf(result as CellValue, address, report);
  }
  if (typeof value === 'object' && 'error' in value) {
    report(String(value.error), 'is an error value');
    return { text: '', address, unreadable: true };
  }
  report(JSON.stringify(value) ?? '', 'is a kind of cell fn-model cannot read');
  return { text: '', address, unreadable: true };
}

/**
 * A formula value with its cached result restored: exceljs's `cell.value` drops a falsy
 * result (a formula whose saved value is 0 reads as having none), while `cell.result`
 * keeps it. Other values are returned as they are.
 */
export function withCachedResult(value: CellValue, result: unknown): CellValue {
  if (!value || typeof value !== 'object' || !('formula' in value || 'sharedFormula' in value)) return value;
  if ((value as { result?: unknown }).result !== undefined || result === undefined || result === null) return value;
  return { ...value, result } as CellValue;
}

/**
 * Whether a number format shows a date or time (e.g. `dd/mm/yyyy`, `mm-dd-yy`, `h:mm`):
 * it has d, m, y, h or s outside quoted text, escapes and `[...]` sections. The report's
 * own `#,##0;(#,##0);"-"` is not one.
 */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare);
}

/** The ISO date (`2021-03-01`) of an Excel serial day number in the 1900 date system. */
export function serialToIsoDate(serial: number): string {
  const epoch = Date.UTC(1899, 11, 30);
  const date = new Date(epoch + Math.round(serial * 86_400_000)); // number-ok: a date serial, not money
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

/**
 * A numeric cell shown as a date is a date, not an amount: Excel stores 1 March 2021 as
 * the number 44256. Such a cell becomes its date text, so it is "not an amount" wherever
 * an amount is expected instead of being read as £44,256,000.
 */
function dateCellAsText(value: CellValue, numFmt: string | undefined): CellValue {
  if (typeof value === 'number' && isDateFormat(numFmt)) return serialToIsoDate(value);
  if (value && typeof value === 'object' && 'result' in value && typeof value.result === 'number' && isDateFormat(numFmt)) {
    return { ...value, result: serialToIsoDate(value.result) } as CellValue;
  }
  return value;
}

/** The rows of a worksheet as {@link GridRow}s, with addresses and merge information; a sheet over the size limits is one problem ({@link sheetSizeProblem}). */
export function worksheetRows(worksheet: Worksheet, source: GridSource): { readonly rows: readonly GridRow[]; readonly problems: readonly Problem[] } {
  // The last row that holds a value: LibreOffice writes an empty <row r="1048576"> (and a
  // dimension to match) after a row is deleted, which is no reason to refuse the sheet.
  let lastRow = 0;
  worksheet.eachRow({ includeEmpty: false }, (_row, rowNumber) => {
    lastRow = rowNumber;
  });
  const tooBig = sheetSizeProblem({ rowCount: lastRow, columnCount: worksheet.columnCount }, source);
  if (tooBig) return { rows: [], problems: [tooBig] };
  const problems: Problem[] = [];
  const rows: GridRow[] = [];
  const width = worksheet.columnCount;
  for (let rowNumber = 1; rowNumber <= lastRow; rowNumber += 1) {
    const sheetRow = worksheet.getRow(rowNumber);
    const cells: GridCell[] = [];
    for (let columnNumber = 1; columnNumber <= width; columnNumber += 1) {
      const cell = sheetRow.getCell(columnNumber);
      const master = cell.isMerged ? cell.master.address : undefined;
      // Only the top-left cell of a merged range holds a value; the others read as blank.
      const value = master !== undefined && master !== cell.address ? null : dateCellAsText(withCachedResult(cell.value, cell.result), cell.numFmt);
      const gridCell = gridCellOf(value, cell.address, (text, message) =>
        problems.push({ ...source, row: rowNumber, text, message: `in cell ${cell.address} ${message}` }),
      );
      const overLong = cellTextProblem(gridCell.text, cell.address, source, rowNumber);
      if (overLong) problems.push(overLong);
      const read = overLong ? { ...gridCell, unreadable: true } : gridCell;
      cells.push(master !== undefined ? { ...read, mergedWith: master } : read);
    }
    rows.push({ row: rowNumber, cells });
  }
  return { rows, problems };
}

/** An opened dataset workbook: find a sheet by name, case-insensitively. */
export interface DatasetWorkbook {
  readonly sheet: (name: string) => Worksheet | undefined;
  /** Every worksheet, in workbook order. */
  readonly sheets: readonly Worksheet[];
}

/** The hidden rows (1-based) and columns (0-based indexes) of a worksheet, up to its last row and column. */
export function hiddenRowsAndColumns(worksheet: Worksheet, lastRow: number): { readonly rows: ReadonlySet<number>; readonly columns: ReadonlySet<number> } {
  const rows = new Set<number>();
  const columns = new Set<number>();
  for (let row = 1; row <= lastRow; row += 1) if (worksheet.findRow(row)?.hidden) rows.add(row);
  for (let column = 1; column <= worksheet.columnCount; column += 1) if (worksheet.getColumn(column).hidden) columns.add(column - 1);
  return { rows, columns };
}

/**
 * Open an .xlsx file. `file` is the path as the user gave it (for messages).
 * A file that is not a zip, or a zip that is not a workbook, is one problem
 * `"is not an .xlsx workbook"`; exceljs's own errors are not shown. A file over
 * {@link XLSX_MAX_FILE_BYTES}, or one {@link workbookZipProblems} finds unsafe (zip bomb,
 * DTD), is refused before exceljs sees it.
 */
export async function openWorkbook(path: string, file: string): Promise<{ readonly workbook?: DatasetWorkbook; readonly problems: readonly Problem[] }> {
  let bytes: Buffer;
  try {
    const read = await readFileWithin(path, XLSX_MAX_FILE_BYTES);
    if (read.size !== undefined) return { problems: [{ file, message: fileSizeMessage(read.size, XLSX_MAX_FILE_BYTES) }] };
    bytes = read.bytes;
  } catch (error) {
    const message = (error as { code?: string }).code === 'EISDIR' ? 'is a folder, not a workbook' : fileProblemMessage(error) ?? `cannot be read (${String(error)})`;
    return { problems: [{ file, message }] };
  }
  const notWorkbook = { problems: [{ file, message: 'is not an .xlsx workbook' }] };
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) return notWorkbook;
  const unsafe = await workbookZipProblems(bytes, file);
  if (unsafe.length > 0) return { problems: unsafe };
  const ExcelJS = (await import('exceljs')).default;
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return notWorkbook;
  }
  if (workbook.worksheets.length === 0) return notWorkbook;
  return {
    workbook: { sheet: (name) => workbook.worksheets.find((worksheet) => worksheet.name.toLowerCase() === name.toLowerCase()), sheets: workbook.worksheets },
    problems: [],
  };
}
