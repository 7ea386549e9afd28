/**
 * The size limits applied to a worksheet before its cells are read, so a sheet whose last
 * cell is far away (e.g. `XFD1048576`) is refused in one line instead of being walked cell by cell.
 */
import type { Worksheet } from 'exceljs';
import type { Problem } from './errors.js';
import type { GridSource } from './table.js';
import { MAX_CELL_CHARACTERS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, limitText } from './limits.js';

/** The spreadsheet column letters of a 1-based column number (`1` → `A`, `16384` → `XFD`). */
function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/**
 * Why `worksheet` is too big to read, located at its last row and quoting its last cell's
 * address, or undefined: more than {@link MAX_ROWS} rows, more than {@link MAX_COLUMNS}
 * columns, or more than {@link MAX_CELLS} cells in its used range (rows × columns).
 */
export function sheetSizeProblem(worksheet: Pick<Worksheet, 'rowCount' | 'columnCount'>, source: GridSource): Problem | undefined {
  const rows = worksheet.rowCount;
  const columns = worksheet.columnCount;
  const cells = rows * columns;
  if (rows <= MAX_ROWS && columns <= MAX_COLUMNS && cells <= MAX_CELLS) return undefined;
  return {
    ...source,
    row: rows,
    text: `${columnLetters(columns)}${rows}`,
    message: `is the last cell of the sheet: ${limitText(rows)} rows × ${limitText(columns)} columns; sheets over ${limitText(MAX_ROWS)} rows, ${limitText(MAX_COLUMNS)} columns or ${limitText(MAX_CELLS)} cells are refused (delete the far-away cells)`,
  };
}

/**
 * A cell whose text is longer than Excel can hold ({@link MAX_CELL_CHARACTERS}), anywhere in
 * the sheet (title rows included: such a file was not saved by Excel), or undefined.
 */
export function cellTextProblem(text: string, address: string, source: GridSource, row: number): Problem | undefined {
  if (text.length <= MAX_CELL_CHARACTERS) return undefined;
  return { ...source, row, text, message: `in cell ${address} has ${limitText(text.length)} characters; cells over ${limitText(MAX_CELL_CHARACTERS)} characters (Excel's maximum) are refused` };
}
