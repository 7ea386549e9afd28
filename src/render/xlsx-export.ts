/**
 * The audit workbook `fn-model export` writes (layout documented sheet by sheet in
 * docs/audit.md). {@link exportLayout} lays the report out as data (pure: cells, formulas
 * and their cached values from the engine); {@link exportWorkbookBytes} writes that with
 * exceljs, imported lazily so other commands never load it.
 *
 * Number rule: an amount is written as a spreadsheet number only when its exact decimal
 * text survives the trip through a double unchanged and has at most 15 significant digits
 * (every whole £000 figure does, and so do figures with a few decimals such as `12.5`);
 * otherwise the export is refused with a located problem rather than rounding. Text cells
 * are neutralised against formula injection (`csv-safety.ts`); numbers are never touched.
 */
import { type Amount, amountOf, isZero, millionsShown, subtract, thousandsToMillions, toDecimalString } from '../money/index.js';
import { FIELD_HEADINGS, FIELD_LABELS, type Field, type SourceCell, type TableId } from '../model/index.js';
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

/** One sheet of the export, as data. `rows[0]` is spreadsheet row 1. */
export interface ExportSheet {
  readonly name: string;
  readonly rows: readonly (readonly ExportCell[])[];
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

const FIRST_LINE_ROW = 3;

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
  const rows: ExportCell[][] = [[text(table.title, true)], header];
  const d = (field: Field) => letterOf(place, field, false) as string;
  for (const line of result.lines) {
    const row = place.lineRows.get(line.line.id) as number;
    rows.push(place.columns.map((column): ExportCell => {
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
    }));
  }
  rows.push(place.columns.map((column): ExportCell => {
    if (column.kind === 'line') return text('TOTAL');
    if (column.kind === 'name') return text(table.totalName ?? `${table.title} (as published)`);
    if (column.kind === 'computed') return undefined;
    const value = table.stated[column.field];
    return value === undefined ? undefined : { kind: 'amount', value };
  }));
  rows.push(place.columns.map((column): ExportCell => {
    if (column.kind === 'line') return text(`TOTAL${COMPUTED_SUFFIX}`);
    if (column.kind === 'name') return text(table.covers.length === 0 ? 'Computed from the lines above' : `Computed from the lines of ${table.covers.join(', ')}`);
    const hasBoth = column.field === 'total' || column.field === 'variance';
    if (column.kind === 'field' && hasBoth) return undefined;
    return { kind: 'formula', formula: computedTotalFormula(result, place, column.field, places), cached: result.computed[column.field] as Amount };
  }));
  return {
    name: place.sheet,
    rows,
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

/** The Checks sheet: one row per stated figure (stated − computed), the count of discrepancies on row 2. */
function checksSheet(report: VarianceReport, places: ReadonlyMap<TableId, TablePlace>): ExportSheet {
  const first = 5;
  const checks: { table: string; line: string; field: string; sheet: string; stated: string; computed: string; statedValue: Amount; computedValue: Amount }[] = [];
  for (const result of report.tables) {
    const place = placeOf(places, result.table.id);
    for (const line of result.lines) {
      const row = place.lineRows.get(line.line.id) as number;
      for (const field of ['total', 'variance'] as const) {
        const stated = line.line.stated[field];
        if (stated === undefined || !result.table.fields.includes(field)) continue;
        checks.push({
          table: result.table.id, line: line.line.id, field, sheet: place.sheet,
          stated: `${letterOf(place, field, false) as string}${row}`, computed: `${letterOf(place, field, true) as string}${row}`,
          statedValue: stated, computedValue: line.computed[field] as Amount,
        });
      }
    }
    for (const field of result.table.fields) {
      const stated = result.table.stated[field];
      if (stated === undefined) continue;
      checks.push({
        table: result.table.id, line: 'TOTAL', field: FIELD_HEADINGS[field], sheet: place.sheet,
        stated: `${letterOf(place, field, false) as string}${place.totalRow}`, computed: `${letterOf(place, field, true) as string}${place.computedRow}`,
        statedValue: stated, computedValue: result.computed[field] as Amount,
      });
    }
  }
  report.headline.forEach((result, index) => {
    if (result.published === undefined) return;
    checks.push({
      table: 'headline', line: result.figure, field: 'amount', sheet: EXPORT_SHEETS.headline,
      stated: `E${3 + index}`, computed: `F${3 + index}`, statedValue: result.published, computedValue: result.computed,
    });
  });
  const last = first + checks.length - 1;
  const disagreeing = checks.filter((check) => !isZero(subtract(check.statedValue, check.computedValue))).length;
  const rows: ExportCell[][] = [
    [text('Checks: every stated figure against its line items (£000)', true)],
    [text('Discrepancies (stated figures that disagree with their line items)', true), undefined, undefined, undefined, undefined, undefined, undefined,
      { kind: 'formula', formula: checks.length === 0 ? '0' : `SUM(H${first}:H${last})`, cached: amountOf(String(disagreeing)) }],
    [],
    ['Table', 'Line', 'Field', 'Stated cell', ...Object.values(CHECKS_FORMULA_COLUMNS)].map((label) => text(label, true)),
  ];
  checks.forEach((check, index) => {
    const row = first + index;
    const difference = subtract(check.statedValue, check.computedValue);
    rows.push([
      text(check.table), text(check.line), text(check.field), text(`${check.sheet}!${check.stated}`),
      { kind: 'formula', formula: `${sheetRef(check.sheet)}${check.stated}`, cached: check.statedValue },
      { kind: 'formula', formula: `${sheetRef(check.sheet)}${check.computed}`, cached: check.computedValue },
      { kind: 'formula', formula: `E${row}-F${row}`, cached: difference },
      { kind: 'formula', formula: `SIGN(ABS(G${row}))`, cached: amountOf(isZero(difference) ? '0' : '1') },
    ]);
  });
  return { name: EXPORT_SHEETS.checks, rows, frozenRows: 4, frozenColumns: 0, widths: [16, 26, 12, 22, 14, 14, 30, 18], boldRows: [1, 2, 4] };
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
 * Write the export as .xlsx bytes (exceljs, imported here lazily).
 * @throws InputError when an amount cannot be written as an exact spreadsheet number.
 */
export async function exportWorkbookBytes(report: VarianceReport, about: ExportAbout): Promise<Uint8Array> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  const when = new Date(about.exportedAt);
  workbook.creator = 'fn-model';
  workbook.lastModifiedBy = 'fn-model';
  workbook.created = when;
  workbook.modified = when;
  workbook.calcProperties = { fullCalcOnLoad: false };
  const refusals: { file: string; sheet?: string; message: string }[] = [];
  for (const layout of exportLayout(report, about)) {
    const sheet = workbook.addWorksheet(layout.name, {
      views: [{ state: 'frozen', xSplit: layout.frozenColumns, ySplit: layout.frozenRows }],
    });
    layout.rows.forEach((cells, rowIndex) => {
      const row = sheet.getRow(rowIndex + 1);
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
            message: `${layout.name}!${cellAddress(rowIndex + 1, columnIndex + 1)}: amount ${toDecimalString(amount)} cannot be written to a workbook exactly (more than 15 significant digits)`,
          });
          return;
        }
        cell.value = content.kind === 'amount' ? number : { formula: content.formula, result: number };
        cell.numFmt = numberFormatOf(Math.max(0, amount.decimalPlaces()));
        cell.alignment = { horizontal: 'right' };
      });
      if (layout.boldRows.includes(rowIndex + 1)) row.font = { bold: true };
    });
    if (layout.frozenRows > 0) sheet.getRow(layout.frozenRows).alignment = { wrapText: true, vertical: 'top' };
    layout.widths.forEach((width, index) => {
      sheet.getColumn(index + 1).width = width;
    });
  }
  if (refusals.length > 0) throw new InputError(refusals);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
