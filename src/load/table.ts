/**
 * Building a {@link Table} from rows of cells, shared by the CSV and workbook readers.
 */
import { parseAmount, significantDigits, type Amount } from '../money/index.js';
import { FIELDS, INPUT_FIELDS, type Field, type Line, type SourceCell, type Table } from '../model/index.js';
import type { TableLayout } from '../model/index.js';
import type { Problem } from './errors.js';
import { columnHeading, findHeader, HEADER_SEARCH_ROWS, isComputedLabel, tableColumnOf, type HeaderVocabulary, type TableColumn } from './header.js';

/**
 * One cell as a reader saw it.
 * - `text`: the cell's text (for a workbook number, its shortest round-trip form);
 * - `amount`: set by the workbook reader for numeric cells, used instead of parsing `text`;
 * - `address`: spreadsheet address (`F12`), workbooks only;
 * - `mergedWith`: the address of the top-left cell of the merged range it belongs to;
 * - `unreadable`: the reader has already reported a problem for this cell (e.g. a formula
 *   with no cached result), so it is not parsed again;
 * - `line`: CSV only, the physical line the cell starts on when that is after its row's
 *   first line (a record continued past a quoted line break).
 */
export interface GridCell {
  readonly text: string;
  readonly line?: number;
  readonly amount?: Amount;
  readonly address?: string;
  readonly mergedWith?: string;
  readonly unreadable?: boolean;
}

/** One row of a file or sheet: its 1-based row number and its cells, left to right. */
export interface GridRow {
  readonly row: number;
  readonly cells: readonly GridCell[];
}

/** Where a grid came from: the file as the user named it, and the sheet for workbooks. */
export interface GridSource {
  readonly file: string;
  readonly sheet?: string;
}

/** How a reader wants rows checked. */
export interface GridRules {
  /** CSV only: report a row whose cell count differs from the header's (a ragged row). */
  readonly checkWidth: boolean;
  /** Text amounts are written with a decimal comma (`--decimal-comma`; see `parseAmount`). */
  readonly decimalComma?: boolean;
  /** Refuse a text amount that reads as a different amount with a decimal comma (`22.975`, `1,234`): a `;`-separated CSV read without `--decimal-comma`. */
  readonly refuseAmbiguous?: boolean;
}

/** Most significant digits of a text amount: 15, the most a spreadsheet cell holds (and the export writes). */
export const MAX_TEXT_AMOUNT_DIGITS = 15;

/**
 * A text cell read as an amount (`parseAmount` in the given style), or why it is not one:
 * - `blank`: empty or white space (whether that is an error is the caller's rule);
 * - not an amount; when the text would be one with a decimal comma (`-2,40`, `1.234,56`)
 *   the message says to give `--decimal-comma`, and with `--decimal-comma` text that is an
 *   amount only with a decimal point (`1234.5`) says so; never is `-2,40` read as −240;
 * - more than {@link MAX_TEXT_AMOUNT_DIGITS} significant digits (`0.30000000000000004`
 *   typed or pasted as text): refused, not rounded (numeric workbook cells are rounded as
 *   Excel shows them instead, in `xlsx.ts`);
 * - with `refuseAmbiguous` (a `;`-separated CSV, where European Excel writes decimal
 *   commas) and without `decimalComma`: text that is an amount both ways with different
 *   values (`22.975`, `1,234`) is refused, saying to give `--decimal-comma`.
 */
export function textAmount(text: string, decimalComma = false, refuseAmbiguous = false): { readonly amount?: Amount; readonly blank?: true; readonly message?: string } {
  const parsed = parseAmount(text, { decimalComma });
  if (refuseAmbiguous && !decimalComma && parsed.kind === 'amount') {
    const other = parseAmount(text, { decimalComma: true });
    if (other.kind === 'amount' && !other.value.eq(parsed.value)) {
      return { message: `is ambiguous in a semicolon-separated file: ${parsed.value.toFixed()}, or ${other.value.toFixed(decimalPlacesAfter(text, ','))} with a decimal comma (give --decimal-comma, or write the amount so it reads one way)` };
    }
  }
  if (parsed.kind === 'blank') return { blank: true };
  if (parsed.kind === 'invalid') {
    const other = parseAmount(text, { decimalComma: !decimalComma });
    if (other.kind !== 'amount') return { message: 'is not an amount' };
    return decimalComma
      ? { message: 'is not an amount with --decimal-comma (there "." groups thousands and "," is the decimal point)' }
      : { message: `is not an amount (a decimal comma? give --decimal-comma to read it as ${other.value.toFixed(decimalPlacesAfter(text, ','))})` };
  }
  if (significantDigits(parsed.value) > MAX_TEXT_AMOUNT_DIGITS) {
    return { message: `has more than ${MAX_TEXT_AMOUNT_DIGITS} significant digits, more than a spreadsheet holds; round it (see docs/robustness.md)` };
  }
  return { amount: parsed.value };
}

/** How many digits follow the last `separator` of an amount's text (0 when none): the places to show a reading with. */
function decimalPlacesAfter(text: string, separator: string): number {
  const at = text.lastIndexOf(separator);
  return at < 0 ? 0 : (/^\d*/.exec(text.slice(at + 1))?.[0].length ?? 0);
}

/** The `line` of a problem about `cell`, when the cell starts on a later physical line than its row. */
export function lineOfCell(cell: GridCell): { readonly line?: number } {
  return cell.line !== undefined ? { line: cell.line } : {};
}

/** The line id that marks the stated total row (matched case-insensitively). */
export const TOTAL_LINE_ID = 'TOTAL';

/** Whether every cell of a row is blank (such rows are skipped wherever they are). */
export function isBlankRow(row: GridRow): boolean {
  return row.cells.every((cell) => cell.text.trim() === '' && cell.amount === undefined && !cell.unreadable);
}

/** The vocabulary of a table's header: `line`, `name` and the table's fields, all required. */
export function tableVocabulary(layout: TableLayout): HeaderVocabulary<TableColumn> {
  const allowed = new Set<TableColumn>(['line', 'name', ...layout.fields]);
  return {
    columnOf: (label) => {
      const column = tableColumnOf(label);
      return column !== undefined && allowed.has(column) ? column : undefined;
    },
    anchor: 'line',
    required: ['line', 'name', ...layout.fields],
    heading: columnHeading,
    ignores: isComputedLabel,
  };
}

/**
 * The source cell of one figure: file (and sheet), 1-based row, column heading and, for a
 * workbook or a CSV saved from a sheet, the cell address.
 *
 * Built from one of four fixed object literals, not with spreads: V8 (Node 20) gave every
 * object made by `{ ...place, row, column, ...(address ? { cell } : {}) }` a hidden class of
 * its own once the loader had run for a second table, and those classes were most of a
 * large programme's memory (about 2 KB a line; docs/performance.md, `export` at scale).
 */
export function sourceCellAt(place: GridSource, row: number, column: string, address: string | undefined): SourceCell {
  if (place.sheet === undefined) return address === undefined ? { file: place.file, row, column } : { file: place.file, row, column, cell: address };
  return address === undefined ? { file: place.file, sheet: place.sheet, row, column } : { file: place.file, sheet: place.sheet, row, column, cell: address };
}

/** A field's bit in a {@link RowSources} mask. */
function fieldBit(field: Field): number {
  return 1 << FIELDS.indexOf(field);
}

/**
 * What a table's line sources have in common: the file (and sheet) and, for a sheet, each
 * field's column letters (`G` of `G14`), learnt from the first line's cells.
 */
class SourceColumns {
  private readonly letters = new Map<Field, string | undefined>();

  constructor(readonly place: GridSource) {}

  /**
   * Whether a cell's address is the one {@link RowSources} will give it: the field's column
   * letters (learnt here from the first cell seen) and `row`, or no address for every cell.
   */
  fits(field: Field, row: number, address: string | undefined): boolean {
    if (!this.letters.has(field)) {
      const letters = address === undefined ? undefined : /^([A-Z]+)[0-9]+$/.exec(address)?.[1];
      if (address !== undefined && letters === undefined) return false;
      this.letters.set(field, letters);
    }
    const letters = this.letters.get(field);
    return letters === undefined ? address === undefined : address === `${letters}${row}`;
  }

  /** The source cell of `field` on `row`, as {@link sourceCellAt} made it when the line was read. */
  sourceOf(field: Field, row: number): SourceCell {
    const letters = this.letters.get(field);
    return sourceCellAt(this.place, row, columnHeading(field), letters === undefined ? undefined : `${letters}${row}`);
  }
}

/**
 * A line's source cells (`line.sources`), made when asked from its row and its table's
 * {@link SourceColumns}, instead of one object per figure: a figure's source is its row and
 * its column. Each field is a getter returning the same {@link SourceCell} the loader would
 * have stored (`{ file, sheet?, row, column, cell? }`), so `line.sources.outturn` reads as
 * before, and `JSON.stringify` gives the same object; the getters are on the prototype, so
 * an object spread, `Object.keys` or `for…in` sees none of them (copy by field, as
 * engine/outturn.ts does). A line whose
 * cells are not where this expects them keeps a plain object of source cells. Measured:
 * ~340 bytes a line less (docs/performance.md, `export` at scale).
 */
class RowSources {
  // private (#): no own enumerable property, so `Object.keys`/`for…in` show no internals
  readonly #columns: SourceColumns;
  readonly #row: number;
  readonly #present: number;

  constructor(columns: SourceColumns, row: number, present: number) {
    this.#columns = columns;
    this.#row = row;
    this.#present = present;
  }

  /** The source cell of `field`, or undefined when the line has no such figure. */
  sourceOf(field: Field): SourceCell | undefined {
    return (this.#present & fieldBit(field)) === 0 ? undefined : this.#columns.sourceOf(field, this.#row);
  }

  /** As JSON: the plain object of source cells the loader used to store. */
  toJSON(): Partial<Record<Field, SourceCell>> {
    return Object.fromEntries(FIELDS.flatMap((field) => {
      const source = this.sourceOf(field);
      return source === undefined ? [] : [[field, source]];
    }));
  }
}
for (const field of FIELDS) {
  Object.defineProperty(RowSources.prototype, field, {
    get(this: RowSources): SourceCell | undefined {
      return this.sourceOf(field);
    },
  });
}

/** The {@link RowSources} of a line read from `row` with the fields in `present` (a mask of {@link fieldBit}s). */
function rowSources(columns: SourceColumns, row: number, present: number): Readonly<Partial<Record<Field, SourceCell>>> {
  return new RowSources(columns, row, present) as unknown as Readonly<Partial<Record<Field, SourceCell>>>;
}

/**
 * Build one table from its rows (£000 as published).
 *
 * Rules: the header is found by {@link findHeader}; rows above it are titles. Each later
 * row is a line (`line` id, `name`, then every field of the layout) until the one row
 * whose line id is `TOTAL`. Completely blank rows (only empty cells or only commas) are
 * skipped anywhere. In a line every figure must be an amount (`parseAmount`): blank is an
 * error ("is blank"), anything else not an amount is an error ("is not an amount"). In the
 * TOTAL row a blank figure means "not stated" and is left out of `stated`. Line ids must be
 * unique and non-blank; exactly one TOTAL row; no rows after it. The cross-table tables
 * (`all-costs`, `all-savings`, which have `covers`) have only a TOTAL row. Cells with data
 * under no heading, and merged cells in the data area, are errors. Columns and rows whose
 * label ends with `(computed)` (`isComputedLabel`, written by `fn-model export`) are skipped.
 *
 * Returns the table when there were no problems; otherwise every problem found.
 */
export function buildTable(
  layout: TableLayout,
  rows: readonly GridRow[],
  source: GridSource,
  rules: GridRules,
): { readonly table?: Table; readonly problems: readonly Problem[] } {
  const place: GridSource = source.sheet === undefined ? { file: source.file } : { file: source.file, sheet: source.sheet };
  const nonBlank = rows.filter((row) => !isBlankRow(row));
  if (nonBlank.length === 0) return { problems: [{ ...place, message: rows.length === 0 ? 'file is empty' : 'has no rows (the file is blank)' }] };

  const found = findHeader(
    // findHeader reads only the first HEADER_SEARCH_ROWS rows: label only those (not every line)
    nonBlank.slice(0, HEADER_SEARCH_ROWS).map((row) => ({ row: row.row, texts: row.cells.map((cell) => cell.text) })),
    tableVocabulary(layout),
    place,
  );
  const problems: Problem[] = [...found.problems];
  const header = found.header;
  if (!header || problems.length > 0) return { problems };

  const headerWidth = nonBlank.find((row) => row.row === header.row)?.cells.length ?? 0;
  const lineIndex = header.columns.get('line') ?? 0;
  const nameIndex = header.columns.get('name') ?? 0;
  const isCrossTable = layout.covers.length > 0;
  const reportedMerges = new Set<string>();

  const lines: Line[] = [];
  const columns = new SourceColumns(place);
  const firstRowOfLine = new Map<string, number>();
  let totalRow: number | undefined;
  let totalName = '';
  let stated: Partial<Record<Field, Amount>> = {};
  let statedSources: Partial<Record<Field, SourceCell>> = {};

  for (const gridRow of nonBlank) {
    if (gridRow.row <= header.row) continue;
    const at = { ...place, row: gridRow.row };
    const cellAt = (index: number): GridCell => gridRow.cells[index] ?? { text: '' };
    // a computed row of an exported workbook ("TOTAL (computed)"): formulas, checked by reconcile
    if (isComputedLabel(cellAt(lineIndex).text)) continue;

    if (rules.checkWidth && gridRow.cells.length !== headerWidth) {
      problems.push({ ...at, message: `row has ${gridRow.cells.length} cells, header has ${headerWidth}` });
      if (cellAt(lineIndex).text.trim().toUpperCase() === TOTAL_LINE_ID) totalRow ??= gridRow.row;
      continue;
    }

    // data under no heading
    gridRow.cells.forEach((cell, index) => {
      if (header.labelled.has(index)) return;
      if (cell.text.trim() === '' && cell.amount === undefined) return;
      problems.push({ ...at, ...lineOfCell(cell), text: cell.text, message: `is in a column with no heading (column ${index + 1})` });
    });
    // merged cells in the data area
    for (const [column, index] of header.columns) {
      const cell = cellAt(index);
      if (cell.mergedWith === undefined || reportedMerges.has(cell.mergedWith)) continue;
      reportedMerges.add(cell.mergedWith);
      problems.push({ ...at, column: columnHeading(column), message: `cell ${cell.address ?? ''} is part of merged cells starting at ${cell.mergedWith}; unmerge them` });
    }

    const lineCell = cellAt(lineIndex);
    const lineId = lineCell.text.trim();
    if (totalRow !== undefined) {
      if (lineId.toUpperCase() === TOTAL_LINE_ID) problems.push({ ...at, column: 'line', message: `second ${TOTAL_LINE_ID} row (first at row ${totalRow})` });
      else problems.push({ ...at, column: 'line', text: lineId, message: `comes after the ${TOTAL_LINE_ID} row (row ${totalRow})` });
      continue;
    }
    if (lineId === '') {
      problems.push({ ...at, column: 'line', message: 'is blank' });
      continue;
    }
    const isTotal = lineId.toUpperCase() === TOTAL_LINE_ID;
    if (!isTotal) {
      // Line ids are matched case-insensitively (BRR08 and brr08 are the same project).
      const first = firstRowOfLine.get(lineId.toUpperCase());
      if (first !== undefined) {
        problems.push({ ...at, column: 'line', message: `duplicate line id ${JSON.stringify(lineId)} (first at row ${first})` });
        continue;
      }
      firstRowOfLine.set(lineId.toUpperCase(), gridRow.row);
      if (isCrossTable) {
        problems.push({ ...at, column: 'line', text: lineId, message: `is a line, but table ${layout.id} has only a TOTAL row` });
        continue;
      }
    }

    const inputs: Partial<Record<Field, Amount>> = {};
    const lineStated: Partial<Record<Field, Amount>> = {};
    const sources: Partial<Record<Field, SourceCell>> = {};
    let regular = true; // every cell where RowSources will place it (else the line keeps `sources`)
    let present = 0;
    for (const field of layout.fields) {
      const index = header.columns.get(field) ?? 0;
      const cell = cellAt(index);
      // already reported: by the reader (unreadable) or above (merged)
      if (cell.unreadable || cell.mergedWith !== undefined) continue;
      const heading = columnHeading(field);
      let value: Amount | undefined = cell.amount;
      if (value === undefined) {
        const read = textAmount(cell.text, rules.decimalComma, rules.refuseAmbiguous);
        if (read.blank) {
          if (!isTotal) problems.push({ ...at, ...lineOfCell(cell), column: heading, message: 'is blank' });
          continue;
        }
        if (read.amount === undefined) {
          problems.push({ ...at, ...lineOfCell(cell), column: heading, text: cell.text, message: read.message ?? 'is not an amount' });
          continue;
        }
        value = read.amount;
      }
      sources[field] = sourceCellAt(place, gridRow.row, heading, cell.address);
      present |= fieldBit(field);
      if (!isTotal && regular) regular = columns.fits(field, gridRow.row, cell.address);
      if (isTotal || !INPUT_FIELDS.includes(field)) lineStated[field] = value;
      else inputs[field] = value;
    }

    if (isTotal) {
      totalRow = gridRow.row;
      totalName = cellAt(nameIndex).text.trim();
      stated = lineStated;
      statedSources = sources;
      continue;
    }
    const name = cellAt(nameIndex).text.trim();
    if (name === '') problems.push({ ...at, column: 'name', message: 'is blank' });
    lines.push({ id: lineId, name, inputs, stated: lineStated, sources: regular ? rowSources(columns, gridRow.row, present) : sources, row: gridRow.row });
  }
  if (totalRow === undefined) problems.push({ ...place, message: `no ${TOTAL_LINE_ID} row` });
  if (problems.length > 0) return { problems };
  return {
    table: {
      id: layout.id,
      title: layout.title,
      kind: layout.kind,
      fields: layout.fields,
      lines,
      stated,
      statedSources,
      ...(totalName !== '' ? { totalName } : {}),
      covers: layout.covers,
      source: place,
    },
    problems,
  };
}
