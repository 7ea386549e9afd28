/**
 * The audit workbook `fn-model export` writes (layout documented sheet by sheet in
 * docs/audit.md). {@link exportLayout} lays the report out as data (pure: cells, formulas
 * and their cached values from the engine), each sheet's rows produced one at a time;
 * {@link writeExportWorkbook} streams them to a file with exceljs's streaming
 * `WorkbookWriter` (imported lazily so other commands never load it), committing each
 * row as it goes, so memory stays flat however many lines the programme has.
 *
 * Number rule: an amount is written as a spreadsheet number only when its exact decimal
 * text survives the trip through a double unchanged and has at most 15 significant digits
 * (every whole £000 figure does, and so do figures with a few decimals such as `12.5`);
 * otherwise the export is refused with a located problem rather than rounding. Text cells
 * are neutralised against formula injection (`csv-safety.ts`); numbers are never touched.
 */
import { type Amount, amountOf, isZero, millionsShown, subtract, thousandsToMillions, toDecimalString } from '../money/index.js';
import { EXPORT_FIRST_LINE_ROW, FIELD_HEADINGS, FIELD_LABELS, type Field, type SourceCell, type TableId } from '../model/index.js';
import type { TableResult, VarianceReport } from '../engine/index.js';
import { CHECKS_FORMULA_COLUMNS, cellAddress, columnLetters } from '../engine/index.js';
import { InputError } from '../load/errors.js';
import { neutraliseFormula } from './csv-safety.js';

/** What the About sheet records. */
export interface ExportAbout {
  /** The dataset path as the user gave it. */
  readonly source: string;
  /** The same, absolute. */
  readonly sourceAbsolute: string;
  /** SHA-256 of the dataset (see `src/io/fingerprint.ts`), hex. */
  readonly sha256: string;
  readonly version: string;
  /** ISO 8601 time of the export. */
  readonly exportedAt: string;
}

/** One cell of the export: text, an input amount, or a formula with its cached value. */
export type ExportCell =
  | { readonly kind: 'text'; readonly text: string; readonly bold?: boolean }
  | { readonly kind: 'amount'; readonly value: Amount }
  | { readonly kind: 'formula'; readonly formula: string; readonly cached: Amount }
  | undefined;

/**
 * One sheet of the export, as data. The first row `rows` yields is spreadsheet row 1.
 * `rows` is produced afresh, one row at a time, each time it is iterated (a table sheet
 * of a large programme is never held whole in memory).
 */
export interface ExportSheet {
  readonly name: string;
  readonly rows: Iterable<readonly ExportCell[]>;
  /** Rows (from the top) and columns (from the left) kept in view. */
  readonly frozenRows: number;
  readonly frozenColumns: number;
  /** Column widths in characters, from column A. */
  readonly widths: readonly number[];
  /** 1-based rows whose cells are bold (headers). */
  readonly boldRows: readonly number[];
}

/** The About sheet's labels, which `reconcile` reads back. */
export const ABOUT_LABELS = {
  source: 'Source dataset',
  sourceAbsolute: 'Source dataset (absolute path)',
  sha256: 'Source SHA-256',
  version: 'fn-model version',
  exportedAt: 'Exported at',
} as const;

/** The name of the sheet of checks, of the headline sheet and of the About sheet. */
export const EXPORT_SHEETS = { checks: 'Checks', headline: 'Headline', about: 'About' } as const;

/** The suffix that marks computed columns and rows (the loader skips them: `isComputedLabel`). */
export const COMPUTED_SUFFIX = ' (computed)';

/** Header labels of the table sheets, by field (the report's short headings). */
const LABELS = FIELD_LABELS;

/** A column of a table sheet: the line id, the name, a field as stated/input, or a computed field. */
type SheetColumn = { readonly kind: 'line' } | { readonly kind: 'name' } | { readonly kind: 'field'; readonly field: Field } | { readonly kind: 'computed'; readonly field: Field };

const FIRST_LINE_ROW = EXPORT_FIRST_LINE_ROW;

/** Where things are on one table sheet. */
interface TablePlace {
  readonly sheet: string;
  readonly columns: readonly SheetColumn[];
  readonly lineRows: ReadonlyMap<string, number>;
  readonly totalRow: number;
  readonly computedRow: number;
}

function columnsOf(fields: readonly Field[]): SheetColumn[] {
  return [
    { kind: 'line' },
    { kind: 'name' },
    ...fields.flatMap((field): SheetColumn[] => (field === 'total' || field === 'variance' ? [{ kind: 'field', field }, { kind: 'computed', field }] : [{ kind: 'field', field }])),
  ];
}

/** Column letter of a field's stated/input column, or of its computed column (total and variance have both). */
function letterOf(place: TablePlace, field: Field, computed: boolean): string | undefined {
  const wantComputed = computed && (field === 'total' || field === 'variance');
  const index = place.columns.findIndex((column) => (column.kind === 'field' || column.kind === 'computed') && column.field === field && (column.kind === 'computed') === wantComputed);
  return index < 0 ? undefined : columnLetters(index + 1);
}

/** A sheet name as a formula reference (`'fn-costs'!`). */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** Exact spreadsheet number of an amount, or undefined (see the module comment). */
export function spreadsheetNumber(amount: Amount): number | undefined { // number-ok: a spreadsheet cell number, only when its text round-trips exactly
  const text = toDecimalString(amount);
  const value = Number(text); // number-ok: a spreadsheet cell number, only when its text round-trips exactly
  if (!Number.isFinite(value) || amountOf(String(value)).eq(amount) === false) return undefined;
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return digits.length <= 15 ? value : undefined;
}

/** The report's number format for an amount with `places` decimals: `#,##0;(#,##0);"-"`. */
export function numberFormatOf(places: number): string {
  const body = places > 0 ? `#,##0.${'0'.repeat(places)}` : '#,##0';
  return `${body};(${body});"-"`;
}

function text(value: string, bold = false): ExportCell {
  return { kind: 'text', text: neutraliseFormula(value), ...(bold ? { bold } : {}) };
}

function tablePlaces(report: VarianceReport): Map<TableId, TablePlace> {
  const places = new Map<TableId, TablePlace>();
  for (const result of report.tables) {
    const lineRows = new Map(result.lines.map((line, index) => [line.line.id, FIRST_LINE_ROW + index]));
    const totalRow = FIRST_LINE_ROW + result.lines.length;
    places.set(result.table.id, { sheet: result.table.id, columns: columnsOf(result.table.fields), lineRows, totalRow, computedRow: totalRow + 1 });
  }
  return places;
}

function placeOf(places: ReadonlyMap<TableId, TablePlace>, id: TableId): TablePlace {
  const place = places.get(id);
  if (!place) throw new Error(`no sheet for table ${id}`);
  return place;
}

/** The computed-row formula of one field: SUM of the column over the lines, or the covered tables' computed rows. */
function computedTotalFormula(result: TableResult, place: TablePlace, field: Field, places: ReadonlyMap<TableId, TablePlace>): string {
  if (result.table.covers.length === 0) {
    const letter = letterOf(place, field, true) as string;
    return result.lines.length === 0 ? '0' : `SUM(${letter}${FIRST_LINE_ROW}:${letter}${place.totalRow - 1})`;
  }
  const parts = result.table.covers.flatMap((id) => {
    const covered = placeOf(places, id);
    const letter = letterOf(covered, field, true);
    return letter === undefined ? [] : [`${sheetRef(covered.sheet)}${letter}${covered.computedRow}`];
  });
  return parts.length === 0 ? '0' : parts.join('+');
}

function tableSheet(result: TableResult, places: ReadonlyMap<TableId, TablePlace>): ExportSheet {
  const place = placeOf(places, result.table.id);
  const { table } = result;
  const header = place.columns.map((column) => {
    if (column.kind === 'line') return text('Line', true);
    if (column.kind === 'name') return text('Name', true);
    return text(column.kind === 'computed' ? `${LABELS[column.field]}${COMPUTED_SUFFIX}` : LABELS[column.field], true);
  });
  const d = (field: Field) => letterOf(place, field, false) as string;
  function* rows(): Generator<readonly ExportCell[]> {
    yield [text(table.title, true)];
    yield header;
    for (const line of result.lines) {
      const row = place.lineRows.get(line.line.id) as number;
      yield place.columns.map((column): ExportCell => {
        if (column.kind === 'line') return text(line.line.id);
        if (column.kind === 'name') return text(line.line.name);
        const figures = { ...line.line.inputs, ...line.line.stated };
        if (column.kind === 'field') {
          const value = figures[column.field];
          return value === undefined ? undefined : { kind: 'amount', value };
        }
        const cached = line.computed[column.field] as Amount;
        const formula = column.field === 'total' ? `SUM(${d('2019/20')}${row}:${d('2021/24')}${row})` : `${d('2020/21')}${row}-${d('outturn')}${row}`;
        return { kind: 'formula', formula, cached };
      });
    }
    yield place.columns.map((column): ExportCell => {
      if (column.kind === 'line') return text('TOTAL');
      if (column.kind === 'name') return text(table.totalName ?? `${table.title} (as published)`);
      if (column.kind === 'computed') return undefined;
      const value = table.stated[column.field];
      return value === undefined ? undefined : { kind: 'amount', value };
    });
    yield place.columns.map((column): ExportCell => {
      if (column.kind === 'line') return text(`TOTAL${COMPUTED_SUFFIX}`);
      if (column.kind === 'name') return text(table.covers.length === 0 ? 'Computed from the lines above' : `Computed from the lines of ${table.covers.join(', ')}`);
      const hasBoth = column.field === 'total' || column.field === 'variance';
      if (column.kind === 'field' && hasBoth) return undefined;
      return { kind: 'formula', formula: computedTotalFormula(result, place, column.field, places), cached: result.computed[column.field] as Amount };
    });
  }
  return {
    name: place.sheet,
    rows: { [Symbol.iterator]: rows },
    frozenRows: 2,
    frozenColumns: 2,
    widths: place.columns.map((column) => (column.kind === 'line' ? 22 : column.kind === 'name' ? 50 : column.kind === 'computed' ? 18 : 14)),
    boldRows: [1, 2],
  };
}

/** Headline rows: 3 cost-underspend, 4 savings-shortfall, 5 combined-adverse-movement. */
function headlineSheet(report: VarianceReport, places: ReadonlyMap<TableId, TablePlace>): ExportSheet {
  const rowOf = { 'cost-underspend': 3, 'savings-shortfall': 4, 'combined-adverse-movement': 5 } as const;
  const varianceOf = (kind: 'costs' | 'savings'): string => {
    const cross = report.tables.find((result) => result.table.kind === kind && result.table.covers.length > 0);
    const chosen = cross ? [cross] : report.tables.filter((result) => result.table.kind === kind);
    const parts = chosen.map((result) => {
      const place = placeOf(places, result.table.id);
      return `${sheetRef(place.sheet)}${letterOf(place, 'variance', true) as string}${place.computedRow}`;
    });
    return parts.length === 0 ? '0' : parts.join('+');
  };
  const formulas = {
    'cost-underspend': varianceOf('costs'),
    'savings-shortfall': varianceOf('savings'),
    'combined-adverse-movement': `F${rowOf['savings-shortfall']}-F${rowOf['cost-underspend']}`,
  };
  const rows: ExportCell[][] = [
    [text('Headline (Combined Impact): stated and computed, £000', true)],
    ['Figure', 'Description', 'Amount', 'Unit', `Stated £000${COMPUTED_SUFFIX}`, `Computed £000${COMPUTED_SUFFIX}`, `Difference${COMPUTED_SUFFIX}`, `Computed £m${COMPUTED_SUFFIX}`].map((label) => text(label, true)),
  ];
  for (const result of report.headline) {
    const row = rowOf[result.figure];
    const statement = report.programme.headline.find((item) => item.figure === result.figure);
    const computed: ExportCell = { kind: 'formula', formula: formulas[result.figure], cached: result.computed };
    // the £m figure as fn-model prints it (formatMillions): ROUND half away from zero, as Excel's ROUND
    const computedMillions: ExportCell = { kind: 'formula', formula: `ROUND(F${row}/1000,3)`, cached: millionsShown(result.computed) };
    if (!statement) {
      rows.push([text(`${result.figure}${COMPUTED_SUFFIX}`), text('not stated in the source'), undefined, undefined, undefined, computed, undefined, computedMillions]);
      continue;
    }
    const amount = statement.unit === '£m' ? thousandsToMillions(statement.amount) : statement.amount;
    rows.push([
      text(statement.figure),
      text(statement.description),
      { kind: 'amount', value: amount },
      text(statement.unit),
      { kind: 'formula', formula: statement.unit === '£m' ? `C${row}*1000` : `C${row}`, cached: statement.amount },
      computed,
      { kind: 'formula', formula: `E${row}-F${row}`, cached: subtract(statement.amount, result.computed) },
      computedMillions,
    ]);
  }
  return { name: EXPORT_SHEETS.headline, rows, frozenRows: 2, frozenColumns: 1, widths: [28, 45, 12, 8, 22, 24, 18, 22], boldRows: [1, 2] };
}

/** One row of the Checks sheet: a stated figure, where it and its computed value are, and both values. */
interface Check {
  readonly table: string;
  readonly line: string;
  readonly field: string;
  readonly sheet: string;
  readonly stated: string;
  readonly computed: string;
  readonly statedValue: Amount;
  readonly computedValue: Amount;
}

/** Every stated figure to check, in sheet order: each table's lines, its TOTAL, then the headline (produced one at a time). */
function* checksOf(report: VarianceReport, places: ReadonlyMap<TableId, TablePlace>): Generator<Check> {
  for (const result of report.tables) {
    const place = placeOf(places, result.table.id);
    for (const line of result.lines) {
      const row = place.lineRows.get(line.line.id) as number;
      for (const field of ['total', 'variance'] as const) {
        const stated = line.line.stated[field];
        if (stated === undefined || !result.table.fields.includes(field)) continue;
        yield {
          table: result.table.id, line: line.line.id, field, sheet: place.sheet,
          stated: `${letterOf(place, field, false) as string}${row}`, computed: `${letterOf(place, field, true) as string}${row}`,
          statedValue: stated, computedValue: line.computed[field] as Amount,
        };
      }
    }
    for (const field of result.table.fields) {
      const stated = result.table.stated[field];
      if (stated === undefined) continue;
      yield {
        table: result.table.id, line: 'TOTAL', field: FIELD_HEADINGS[field], sheet: place.sheet,
        stated: `${letterOf(place, field, false) as string}${place.totalRow}`, computed: `${letterOf(place, field, true) as string}${place.computedRow}`,
        statedValue: stated, computedValue: result.computed[field] as Amount,
      };
    }
  }
  for (const [index, result] of report.headline.entries()) {
    if (result.published === undefined) continue;
    yield {
      table: 'headline', line: result.figure, field: 'amount', sheet: EXPORT_SHEETS.headline,
      stated: `E${3 + index}`, computed: `F${3 + index}`, statedValue: result.published, computedValue: result.computed,
    };
  }
}

/**
 * The Checks sheet: one row per stated figure (stated − computed), the count of
 * discrepancies on row 2. The checks are counted in a first pass and written in a second,
 * so they are never all held at once.
 */
function checksSheet(report: VarianceReport, places: ReadonlyMap<TableId, TablePlace>): ExportSheet {
  const first = 5;
  function* rows(): Generator<readonly ExportCell[]> {
    let count = 0;
    let disagreeing = 0;
    for (const check of checksOf(report, places)) {
      count += 1;
      if (!isZero(subtract(check.statedValue, check.computedValue))) disagreeing += 1;
    }
    const last = first + count - 1;
    yield [text('Checks: every stated figure against its line items (£000)', true)];
    yield [text('Discrepancies (stated figures that disagree with their line items)', true), undefined, undefined, undefined, undefined, undefined, undefined,
      { kind: 'formula', formula: count === 0 ? '0' : `SUM(H${first}:H${last})`, cached: amountOf(String(disagreeing)) }];
    yield [];
    yield ['Table', 'Line', 'Field', 'Stated cell', ...Object.values(CHECKS_FORMULA_COLUMNS)].map((label) => text(label, true));
    let row = first;
    for (const check of checksOf(report, places)) {
      const difference = subtract(check.statedValue, check.computedValue);
      yield [
        text(check.table), text(check.line), text(check.field), text(`${check.sheet}!${check.stated}`),
        { kind: 'formula', formula: `${sheetRef(check.sheet)}${check.stated}`, cached: check.statedValue },
        { kind: 'formula', formula: `${sheetRef(check.sheet)}${check.computed}`, cached: check.computedValue },
        { kind: 'formula', formula: `E${row}-F${row}`, cached: difference },
        { kind: 'formula', formula: `SIGN(ABS(G${row}))`, cached: amountOf(isZero(difference) ? '0' : '1') },
      ];
      row += 1;
    }
  }
  return { name: EXPORT_SHEETS.checks, rows: { [Symbol.iterator]: rows }, frozenRows: 4, frozenColumns: 0, widths: [16, 26, 12, 22, 14, 14, 30, 18], boldRows: [1, 2, 4] };
}

function aboutSheet(about: ExportAbout): ExportSheet {
  const rows: ExportCell[][] = [
    [text('About this workbook', true)],
    [text('Written by'), text('fn-model export')],
    [text(ABOUT_LABELS.version), text(about.version)],
    [text(ABOUT_LABELS.source), text(about.source)],
    [text(ABOUT_LABELS.sourceAbsolute), text(about.sourceAbsolute)],
    [text(ABOUT_LABELS.sha256), text(about.sha256)],
    [text(ABOUT_LABELS.exportedAt), text(about.exportedAt)],
    [text('Amounts'), text('£000 as published; headline amounts as stated (£m). Stated figures are values; "(computed)" columns and rows are formulas.')],
    [text('Layout'), text('see docs/audit.md; check with: fn-model reconcile THIS-FILE')],
  ];
  return { name: EXPORT_SHEETS.about, rows, frozenRows: 0, frozenColumns: 0, widths: [32, 90], boldRows: [1] };
}

/** The whole export as data: the seven table sheets in report order, then Headline, Checks, About. */
export function exportLayout(report: VarianceReport, about: ExportAbout): readonly ExportSheet[] {
  const places = tablePlaces(report);
  return [
    ...report.tables.map((result) => tableSheet(result, places)),
    headlineSheet(report, places),
    checksSheet(report, places),
    aboutSheet(about),
  ];
}

/** Where an amount came from, for a refusal message. */
function locate(report: VarianceReport, sheet: string): SourceCell | undefined {
  const table = report.programme.tables.find((candidate) => candidate.id === sheet);
  return table ? { file: table.source.file, ...(table.source.sheet ? { sheet: table.source.sheet } : {}), row: 0, column: '' } : undefined;
}

/**
 * Drop the streaming worksheet's index of the formula cells it has written. exceljs 4.4's
 * `WorksheetWriter` keeps every written formula cell's model (`_formulae`, by address) so
 * that a later cell could share its formula; the export writes no shared formulas, and
 * the index grew by about 10 KB per programme line (1 GB at 100,000 lines). Emptying it
 * after each committed row keeps memory flat. A no-op if a later exceljs renames it.
 */
function forgetFormulas(sheet: object): void {
  const writer = sheet as { _formulae?: Record<string, unknown> };
  if (writer._formulae !== undefined) writer._formulae = {};
}

/** How many rows are written between waits for the zip to take the sheet's data ({@link zipCaughtUp}). */
const ROWS_PER_YIELD = 256;

/** The stream a streaming sheet's XML goes to: archiver's PassThrough (readable-stream 2), as far as we need it. */
interface SheetTarget {
  readonly writableNeedDrain?: boolean;
  readonly _writableState?: { readonly needDrain?: boolean };
  once(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

/**
 * Wait until the zip has taken the sheet's XML written so far. exceljs 4.4's streaming
 * sheet (a `StreamBuf`) writes into archiver's PassThrough without heeding its answer, so
 * without this wait the sheet's XML queued in memory while the zip deflated and wrote
 * what came before it (at the end of a 100,000-line write, 123 MB of buffers still held;
 * 27 MB with the wait: docs/performance.md, `export` at scale).
 * With it, the sheet waits for the PassThrough's `drain`, which follows the zip's own
 * pace, which follows the file's. Reads exceljs's private `_stream.pipes`; when a later
 * exceljs moves them, it just yields to the event loop (correct, but memory grows again:
 * `npm run bench -- export-memory` shows it).
 */
async function zipCaughtUp(sheet: object): Promise<void> {
  const stream = (sheet as { _stream?: { pipes?: readonly SheetTarget[] } })._stream;
  const target = stream?.pipes?.[0];
  const needsDrain = target !== undefined && (target.writableNeedDrain ?? target._writableState?.needDrain ?? false);
  if (!needsDrain) {
    await new Promise((resolve) => setImmediate(resolve));
    return;
  }
  await new Promise<void>((resolve) => {
    // 'close' and 'error' too: a failed zip never drains, and workbook.commit() reports the error
    const events = ['drain', 'close', 'error'] as const;
    const done = (): void => {
      for (const event of events) target.removeListener(event, done);
      resolve();
    };
    for (const event of events) target.once(event, done);
  });
}

/**
 * Write the export as an .xlsx file at `path` (a temporary file: the caller renames it
 * into place), streaming with exceljs's `WorkbookWriter`: each row is committed as it is
 * laid out and the zip is written as it goes, so memory does not grow with the number of
 * lines. Strings are written inline (no shared-string table to hold).
 * @throws InputError when an amount cannot be written as an exact spreadsheet number
 *   (after writing the rest; the caller removes the partial file).
 */
export async function writeExportWorkbook(report: VarianceReport, about: ExportAbout, path: string): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const when = new Date(about.exportedAt);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'fn-model';
  workbook.lastModifiedBy = 'fn-model';
  workbook.created = when;
  workbook.modified = when;
  const refusals: { file: string; sheet?: string; message: string }[] = [];
  for (const layout of exportLayout(report, about)) {
    const sheet = workbook.addWorksheet(layout.name, {
      views: [{ state: 'frozen', xSplit: layout.frozenColumns, ySplit: layout.frozenRows }],
    });
    layout.widths.forEach((width, index) => {
      sheet.getColumn(index + 1).width = width;
    });
    let rowNumber = 0;
    for (const cells of layout.rows) {
      rowNumber += 1;
      const row = sheet.getRow(rowNumber);
      cells.forEach((content, columnIndex) => {
        if (content === undefined) return;
        const cell = row.getCell(columnIndex + 1);
        if (content.kind === 'text') {
          cell.value = content.text;
          return;
        }
        const amount = content.kind === 'amount' ? content.value : content.cached;
        const number = spreadsheetNumber(amount); // number-ok: a spreadsheet cell number, only when its text round-trips exactly
        if (number === undefined) {
          const place = locate(report, layout.name);
          refusals.push({
            file: place?.file ?? layout.name, ...(place?.sheet ? { sheet: place.sheet } : {}),
            message: `${layout.name}!${cellAddress(rowNumber, columnIndex + 1)}: amount ${toDecimalString(amount)} cannot be written to a workbook exactly (more than 15 significant digits)`,
          });
          return;
        }
        cell.value = content.kind === 'amount' ? number : { formula: content.formula, result: number };
        cell.numFmt = numberFormatOf(Math.max(0, amount.decimalPlaces()));
        cell.alignment = { horizontal: 'right' };
      });
      if (layout.boldRows.includes(rowNumber)) row.font = { bold: true };
      if (layout.frozenRows > 0 && rowNumber === layout.frozenRows) row.alignment = { wrapText: true, vertical: 'top' };
      row.commit();
      forgetFormulas(sheet);
      if (rowNumber % ROWS_PER_YIELD === 0) await zipCaughtUp(sheet);
    }
    sheet.commit();
  }
  await workbook.commit();
  if (refusals.length > 0) throw new InputError(refusals);
}
