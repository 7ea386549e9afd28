/**
 * A single pass over decoded CSV text that enforces the stated size limits (cell length,
 * cells per row, rows, cells per file) before csv-parse builds any rows, so a 100 MB cell or
 * a row of a million columns is refused in one located line instead of exhausting memory.
 *
 * It follows the same record rules as `parseCsvRows` (records end in CRLF, LF or CR outside
 * quotes; `""` inside quotes is a quote; blank lines are records; cells are split by the
 * file's delimiter), and locates a record by the physical line it starts on (line breaks
 * inside quoted cells count, CRLF as one), so its row numbers are the ones every other
 * message uses. It judges only sizes; CSV syntax is csv-parse's job.
 */
import type { Problem } from './errors.js';
import { MAX_CELL_CHARACTERS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, limitText } from './limits.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Where a CSV text sits in its file and how its cells are split. */
export interface CsvLayout {
  /** The cell delimiter's character code (default `,`). */
  readonly delimiter?: number;
  /** The physical line of the file the text starts on (default 1; 2 after a skipped `sep=` line). */
  readonly firstLine?: number;
}

/** The first characters of the cell starting at `start` (enough to quote it), without an opening quote. */
function cellTextAt(text: string, start: number, delimiter = COMMA): string {
  const head = text.slice(start, start + 200);
  if (head.charCodeAt(0) !== QUOTE) {
    const end = head.split('').findIndex((char) => char === '\r' || char === '\n' || char.charCodeAt(0) === delimiter);
    return end < 0 ? head : head.slice(0, end);
  }
  let cell = '';
  for (let index = 1; index < head.length; index += 1) {
    const char = head[index] as string;
    if (char === '"') {
      if (head[index + 1] !== '"') break;
      index += 1;
    }
    cell += char;
  }
  return cell;
}

/**
 * The first size limit `text` (one CSV file, already decoded) breaks, as a located problem,
 * or undefined when it is within every limit:
 * - a cell over {@link MAX_CELL_CHARACTERS} characters (row, column number, the cell's start quoted);
 * - a row of more than {@link MAX_COLUMNS} cells (row, the first cell over the limit quoted);
 * - more than {@link MAX_ROWS} rows, or more than {@link MAX_CELLS} cells in the file.
 * Runs in one pass and stops at the first limit broken.
 */
export function csvLimitProblem(text: string, file: string, layout: CsvLayout = {}): Problem | undefined {
  const delimiter = layout.delimiter ?? COMMA;
  let line = layout.firstLine ?? 1; // physical line being read
  let row = line; // physical line the record being read starts on
  let records = 1;
  let column = 1; // 1-based index of the cell being read
  let cells = 1;
  let cellStart = 0;
  let inQuotes = false;
  const length = text.length;

  const cellTooLong = (end: number): Problem | undefined => {
    const size = end - cellStart;
    if (size <= MAX_CELL_CHARACTERS) return undefined;
    return {
      file,
      row,
      text: cellTextAt(text, cellStart, delimiter),
      message: `is in column ${limitText(column)} and has about ${limitText(size)} characters; cells over ${limitText(MAX_CELL_CHARACTERS)} characters (Excel's maximum) are refused`,
    };
  };
  const startCell = (at: number): Problem | undefined => {
    cellStart = at;
    cells += 1;
    if (column > MAX_COLUMNS) {
      return { file, row, text: cellTextAt(text, at, delimiter), message: `is cell ${limitText(column)} of the row; rows of more than ${limitText(MAX_COLUMNS)} cells (Excel's maximum) are refused` };
    }
    if (cells > MAX_CELLS) {
      return { file, row, text: cellTextAt(text, at, delimiter), message: `is in column ${limitText(column)}; files of more than ${limitText(MAX_CELLS)} cells are refused` };
    }
    return undefined;
  };

  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (inQuotes) {
      if (code === QUOTE) {
        if (text.charCodeAt(index + 1) === QUOTE) index += 1;
        else inQuotes = false;
      } else if (code === LF || (code === CR && text.charCodeAt(index + 1) !== LF)) line += 1;
      continue;
    }
    if (code === QUOTE) {
      if (index === cellStart) inQuotes = true;
      continue;
    }
    if (code === delimiter) {
      const problem = cellTooLong(index);
      if (problem) return problem;
      column += 1;
      const over = startCell(index + 1);
      if (over) return over;
      continue;
    }
    if (code === CR || code === LF) {
      const problem = cellTooLong(index);
      if (problem) return problem;
      if (code === CR && text.charCodeAt(index + 1) === LF) index += 1;
      if (index + 1 >= length) return undefined; // a final line break ends the last record
      line += 1;
      row = line;
      records += 1;
      column = 1;
      if (records > MAX_ROWS) return { file, row, text: cellTextAt(text, index + 1, delimiter), message: `is past row ${limitText(MAX_ROWS)}; files of more rows (Excel's maximum) are refused` };
      const over = startCell(index + 1);
      if (over) return over;
    }
  }
  return cellTooLong(length);
}

/**
 * The start of the cell at 1-based record number `row` and 0-based `columnIndex` of CSV
 * `text`, by the same record rules as {@link csvLimitProblem} (so records agree with
 * csv-parse's), or undefined when there is no such cell. Used to quote the cell a CSV
 * syntax error is in. `delimiter` is the cell delimiter's character code.
 */
export function csvCellText(text: string, row: number, columnIndex: number, delimiter = COMMA): string | undefined {
  let currentRow = 1;
  let column = 0;
  let cellStart = 0;
  let inQuotes = false;
  const found = () => (currentRow === row && column === columnIndex ? cellTextAt(text, cellStart, delimiter) : undefined);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (currentRow === row && column === columnIndex) return cellTextAt(text, cellStart, delimiter);
    if (currentRow > row) return undefined;
    if (inQuotes) {
      if (code === QUOTE) {
        if (text.charCodeAt(index + 1) === QUOTE) index += 1;
        else inQuotes = false;
      }
      continue;
    }
    if (code === QUOTE && index === cellStart) inQuotes = true;
    else if (code === delimiter) {
      column += 1;
      cellStart = index + 1;
    } else if (code === CR || code === LF) {
      if (code === CR && text.charCodeAt(index + 1) === LF) index += 1;
      currentRow += 1;
      column = 0;
      cellStart = index + 1;
    }
  }
  return found();
}
