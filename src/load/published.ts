/**
 * Reading a workbook (or a CSV saved from one sheet) laid out as the report is published:
 * the tables stacked on one sheet or several, in any order, each under a title row
 * ("Future Northants Programme Costs"), with one- to three-row headers (merged cells and
 * "Year End Outturn Projection" over "2020/21 £000" read by label), notes and blank rows
 * between tables, and a total row per table ("Total FN Programme Costs"). The report's
 * cross-table totals ("Total" under NCC investment, the last row of the savings block) are
 * read as the one total row directly below the table they close. The headline comes from
 * the "Combined Impact: …" sentence. Rules and examples: docs/published-layout.md.
 *
 * Pure: sheets of {@link GridRow}s in, tables (built by {@link buildTable}, so every cell rule
 * of the CSV format applies), headline, located problems and notes out. Hidden rows and
 * columns are never silently used or dropped: each one that holds anything gets a note
 * saying whether it was read. A layout ({@link PublishedLayout}, from `--layout`) names
 * where tables are when detection by title is ambiguous.
 *
 * All amounts are £000 as published (the headline's £m converted to £000 exactly).
 */
import { millionsToThousands, parseAmount } from '../money/index.js';
import {
  TABLE_LAYOUTS, layoutOf, type HeadlineFigure, type HeadlineStatement, type Table, type TableId, type TableLayout,
} from '../model/index.js';
import { formatProblem, type Problem } from './errors.js';
import { columnHeading, normaliseLabel, tableColumnOf, type TableColumn } from './header.js';
import { buildTable, isBlankRow, TOTAL_LINE_ID, type GridCell, type GridRow, type GridSource } from './table.js';
import { largest } from '../extent.js';

/** A rectangle of cells: rows 1-based, columns 0-based indexes (A = 0), bounds included. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The 0-based index of a column's letters (`A` → 0, `AA` → 26). */
export function columnIndexOf(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** The letters of a 0-based column index (0 → `A`, 26 → `AA`). */
export function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** A cell range's text (`A5:H12`) as a {@link CellRange}. @throws Error when it is not one (the layout schema checks first). */
export function parseRange(text: string): CellRange {
  const match = /^([A-Z]{1,3})([1-9][0-9]*):([A-Z]{1,3})([1-9][0-9]*)$/i.exec(text.trim());
  if (!match) throw new Error(`not a cell range: ${text}`);
  const [left, right] = [columnIndexOf(match[1] ?? 'A'), columnIndexOf(match[3] ?? 'A')];
  const [top, bottom] = [Number(match[2]), Number(match[4])]; // number-ok: row numbers, not money
  return { top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: Math.min(left, right), right: Math.max(left, right) };
}

/** A {@link CellRange} as text (`A5:H12`). */
export function rangeText(range: CellRange): string {
  return `${columnLetters(range.left)}${range.top}:${columnLetters(range.right)}${range.bottom}`;
}

/** One sheet as read: every row (blank ones too) with cell addresses, and which rows and columns (0-based) are hidden. */
export interface PublishedSheet {
  readonly source: GridSource;
  readonly rows: readonly GridRow[];
  readonly hiddenRows: ReadonlySet<number>;
  readonly hiddenColumns: ReadonlySet<number>;
}

/** Where a layout problem points: the layout file and its line. */
export type LayoutPlace = Pick<Problem, 'file' | 'row'>;

/** Where one table is, as a layout file says (see `src/layout-file/schema.ts`). Exactly one of `title`, `range`, `below`. */
export interface TablePlacement {
  readonly id: TableId;
  readonly sheet?: string;
  readonly title?: string;
  readonly range?: CellRange;
  readonly below?: TableId;
  /** Header labels for columns, by column. */
  readonly columns: ReadonlyMap<TableColumn, string>;
  /** The layout file's line for the table's entry, or for one of its keys (`title`, `columns.outturn`). */
  readonly at: (key?: string) => LayoutPlace;
}

/** A parsed layout file: tables it places (others are detected) and, optionally, the headline sentence's cell. */
export interface PublishedLayout {
  readonly file: string;
  readonly tables: ReadonlyMap<TableId, TablePlacement>;
  readonly headline?: { readonly sheet?: string; readonly cell: string; readonly at: () => LayoutPlace };
}

/** What was found for one table, as `fn-model layout init` writes it. */
export interface DetectedTable {
  readonly id: TableId;
  readonly sheet?: string;
  readonly title?: string;
  readonly range?: string;
  readonly below?: TableId;
  /** Each column's header label as it stands in the workbook (rows joined by a space). */
  readonly columns: ReadonlyMap<TableColumn, string>;
}

/** The outcome of reading a published layout: tables and headline when there were no problems, what was found, notes (hidden rows and columns, figures outside tables) and problems. */
export interface PublishedRead {
  readonly tables?: readonly Table[];
  readonly headline: readonly HeadlineStatement[];
  readonly detected: readonly DetectedTable[];
  readonly headlineCell?: { readonly sheet?: string; readonly cell: string };
  readonly notes: readonly string[];
  readonly problems: readonly Problem[];
}

/** Most header rows a table may have (e.g. a group label, then "Year End Outturn Projection", then "2020/21 £000"). */
export const MAX_HEADER_ROWS = 3;

/** Titles each table is found by (besides its own title in the model and its id), as the report and officers' workbooks write them. */
export const TITLE_ALIASES: Readonly<Record<TableId, readonly string[]>> = {
  'fn-costs': ['Future Northants Programme Costs', 'FN Programme Costs'],
  'brp-investment': ['Business Rates Funded Projects - Investment', 'Business Rates Pilot - Investment', 'Business Rates Pilot - Investment / Costs'],
  'brp-savings': ['Business Rates Pilot - Savings'],
  'ncc-investment': ['NCC Transformation - Investment'],
  'ncc-savings': ['NCC Transformation savings'],
  'all-costs': ['Total costs'],
  'all-savings': ['Total savings'],
};

/** A title for matching: lower case, dashes unified, white space folded, no spaces around `-` and `/`, no trailing colon. */
export function normaliseTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/\s*([-/])\s*/g, '$1')
    .trim()
    .replace(/:$/, '');
}

const TITLES: ReadonlyMap<string, TableId> = new Map(
  TABLE_LAYOUTS.flatMap((layout) => [layout.title, layout.id, ...TITLE_ALIASES[layout.id]].map((title) => [normaliseTitle(title), layout.id] as const)),
);

/** The table a title row names, or undefined. */
export function tableOfTitle(text: string): TableId | undefined {
  return TITLES.get(normaliseTitle(text));
}

function hasValue(cell: GridCell | undefined): boolean {
  return cell !== undefined && (cell.text.trim() !== '' || cell.amount !== undefined || cell.unreadable === true);
}

/** Whether a cell holds a figure: a number, or text that reads as an amount and has a digit. */
function holdsFigure(cell: GridCell): boolean {
  if (cell.amount !== undefined) return true;
  return /[0-9]/.test(cell.text) && parseAmount(cell.text).kind === 'amount';
}

/** Whether a label starts a total row ("Total", "Total FN Programme Costs", "TOTAL"). */
function isTotalLabel(text: string): boolean {
  return /^total\b/.test(normaliseLabel(text));
}

/** `file[sheet]:row: message` or `file[sheet]: message`, for notes. */
function noteAt(source: GridSource, row: number | undefined, message: string): string {
  return formatProblem({ file: source.file, ...(source.sheet !== undefined ? { sheet: source.sheet } : {}), ...(row !== undefined ? { row } : {}), message });
}

/** A sheet with its rows by number. */
interface Sheet {
  readonly index: number;
  readonly read: PublishedSheet;
  readonly byRow: ReadonlyMap<number, GridRow>;
  readonly lastRow: number;
}

/** Where a table's title is: its sheet, row, and the title text. */
interface TitleCell {
  readonly sheet: Sheet;
  readonly row: number;
  readonly text: string;
  /** The title row also holds header labels (the title is header text). */
  readonly inHeader: boolean;
}

/** A table's header: its rows, and each column's labels. */
interface HeaderBand {
  readonly rows: readonly number[];
  readonly columns: ReadonlyMap<TableColumn, number>;
  /** Every labelled column (0-based) with its labels joined top to bottom. */
  readonly labels: ReadonlyMap<number, string>;
}

/** One table's block on a sheet, before it is built. */
interface Block {
  readonly id: TableId;
  readonly sheet: Sheet;
  readonly title?: string;
  readonly range?: CellRange;
  readonly header: HeaderBand;
  readonly body: readonly GridRow[];
  /** Total rows directly below this table's own total row (the report's cross-table totals). */
  readonly followers: readonly GridRow[];
}

/** The cells of a row between two columns (0-based, inclusive), each column at its index. */
function cellsOf(row: GridRow | undefined, left: number, right: number): (GridCell | undefined)[] {
  if (!row) return [];
  return row.cells.map((cell, index) => (index >= left && index <= right ? cell : undefined));
}

/**
 * Each column's labels in header rows: the distinct texts top to bottom, a merged cell
 * taking its top-left cell's text. Candidates for matching: all joined, then the bottom
 * one, then the top one ("Year End Outturn Projection 2020/21", else "2019/20 £000").
 */
function columnLabels(rows: readonly GridRow[], left: number, right: number): Map<number, readonly string[]> {
  const byAddress = new Map<string, string>();
  for (const row of rows) for (const cell of row.cells) if (cell.address !== undefined) byAddress.set(cell.address, cell.text);
  const labels = new Map<number, string[]>();
  for (const row of rows) {
    cellsOf(row, left, right).forEach((cell, index) => {
      if (!cell) return;
      const text = (cell.mergedWith !== undefined && cell.mergedWith !== cell.address ? byAddress.get(cell.mergedWith) ?? '' : cell.text).trim();
      if (text === '') return;
      const texts = labels.get(index) ?? [];
      if (texts[texts.length - 1] !== text) texts.push(text);
      labels.set(index, texts);
    });
  }
  return labels;
}

function candidatesOf(texts: readonly string[]): string[] {
  return [...new Set([texts.join(' '), texts[texts.length - 1] ?? '', texts[0] ?? ''])].filter((text) => text !== '');
}

/** Map header rows' columns to table columns: the layout's labels first, then by the label vocabulary. */
function mapHeader(
  rows: readonly GridRow[],
  layout: TableLayout,
  span: { left: number; right: number },
  placement: TablePlacement | undefined,
  problems: Problem[] | undefined,
): HeaderBand {
  const labels = columnLabels(rows, span.left, span.right);
  const columns = new Map<TableColumn, number>();
  const taken = new Set<number>();
  const wanted = new Set<TableColumn>(['line', 'name', ...layout.fields]);
  for (const [column, label] of placement?.columns ?? []) {
    const target = normaliseLabel(label);
    // a column's whole label first (as layout init writes it), else any one of its header rows
    const whole = [...labels].filter(([, texts]) => normaliseLabel(texts.join(' ')) === target).map(([index]) => index);
    const matches = whole.length > 0 ? whole : [...labels].filter(([, texts]) => texts.some((text) => normaliseLabel(text) === target)).map(([index]) => index);
    if (matches.length === 1) {
      columns.set(column, matches[0] ?? 0);
      taken.add(matches[0] ?? 0);
    } else {
      problems?.push({ ...placement!.at(`columns.${columnHeading(column)}`), text: label, message: matches.length === 0 ? `no column of table ${layout.id} has this label (header rows ${rows.map((row) => row.row).join(', ')})` : `more than one column of table ${layout.id} has this label (${matches.map(columnLetters).join(', ')})` });
    }
  }
  const autoColumns = new Map<TableColumn, number[]>();
  for (const [index, texts] of labels) {
    if (taken.has(index)) continue;
    for (const text of candidatesOf(texts)) {
      const column = tableColumnOf(text);
      if (column === undefined || !wanted.has(column) || columns.has(column)) continue;
      autoColumns.set(column, [...(autoColumns.get(column) ?? []), index]);
      break;
    }
  }
  for (const [column, indexes] of autoColumns) columns.set(column, indexes[0] ?? 0);
  // a second column with the same label stays labelled but unmapped: the duplicate is reported when the table is built
  const joined = new Map<number, string>([...labels].map(([index, texts]) => [index, texts.join(' ')]));
  for (const [column, indexes] of autoColumns) for (const index of indexes.slice(1)) joined.set(index, `${columnHeading(column)}`);
  return { rows: rows.map((row) => row.row), columns, labels: joined };
}

/** Whether a header maps every column the table needs. */
function isComplete(header: HeaderBand, layout: TableLayout): boolean {
  return ['line', 'name', ...layout.fields].every((column) => header.columns.has(column as TableColumn));
}

/** The rows of a sheet from `start` (inclusive) that are not blank within the span, in order, up to `bottom`. */
function rowsFrom(sheet: Sheet, start: number, bottom: number, span: { left: number; right: number }): GridRow[] {
  const found: GridRow[] = [];
  for (let row = start; row <= bottom; row += 1) {
    const gridRow = sheet.byRow.get(row);
    if (gridRow && cellsOf(gridRow, span.left, span.right).some(hasValue)) found.push(gridRow);
  }
  return found;
}

/**
 * Find a table's header below its title (or starting at it, when the title is header text):
 * the fewest consecutive non-blank rows, up to {@link MAX_HEADER_ROWS}, that name every
 * column the table needs; failing that, the rows that name the most.
 */
function findBand(candidates: readonly GridRow[], layout: TableLayout, span: { left: number; right: number }, placement: TablePlacement | undefined): { header: HeaderBand; problems: Problem[] } {
  const consecutive: GridRow[] = [];
  for (const row of candidates.slice(0, MAX_HEADER_ROWS)) {
    if (consecutive.length > 0 && row.row !== (consecutive[consecutive.length - 1]?.row ?? 0) + 1) break;
    consecutive.push(row);
  }
  let best: HeaderBand | undefined;
  for (let count = 1; count <= consecutive.length; count += 1) {
    const header = mapHeader(consecutive.slice(0, count), layout, span, placement, undefined);
    if (isComplete(header, layout)) {
      best = header;
      break;
    }
    if (!best || header.columns.size > best.columns.size) best = header;
  }
  const chosen: HeaderBand = best ?? { rows: [], columns: new Map(), labels: new Map() };
  const problems: Problem[] = [];
  // map again to report the layout's column labels against the chosen rows
  const rows = consecutive.filter((row) => chosen.rows.includes(row.row));
  const header = rows.length > 0 ? mapHeader(rows, layout, span, placement, problems) : chosen;
  return { header, problems };
}

/** A copy of a row with the line cell set (a total row gets `TOTAL`), hidden unmapped columns blanked, cells outside the span dropped. */
function bodyRow(row: GridRow, lineIndex: number, lineText: string | undefined, blanked: ReadonlySet<number>, span: { left: number; right: number }): GridRow {
  const cells = row.cells.map((cell, index): GridCell => {
    if (index < span.left || index > span.right || blanked.has(index)) return { text: '', ...(cell.address !== undefined ? { address: cell.address } : {}) };
    if (index === lineIndex && lineText !== undefined) return { ...cell, text: lineText };
    return cell;
  });
  return { row: row.row, cells };
}

/** Reads a table's body: the rows below its header, to its total row (and the total rows directly below that). */
function readBody(sheet: Sheet, header: HeaderBand, layout: TableLayout, span: { left: number; right: number }, bottom: number, titleRows: ReadonlySet<string>, blanked: ReadonlySet<number>): { body: GridRow[]; followers: GridRow[] } {
  const lineIndex = header.columns.get('line') ?? -1;
  const nameIndex = header.columns.get('name') ?? -1;
  const figureIndexes = layout.fields.map((field) => header.columns.get(field)).filter((index): index is number => index !== undefined);
  const start = (header.rows[header.rows.length - 1] ?? 0) + 1;
  const body: GridRow[] = [];
  const followers: GridRow[] = [];
  let totalSeen = false;
  for (const row of rowsFrom(sheet, start, bottom, span)) {
    if (titleRows.has(`${sheet.index}:${row.row}`)) break;
    const cell = (index: number): GridCell => row.cells[index] ?? { text: '' };
    const lineBlank = !hasValue(cell(lineIndex));
    const isTotal = (lineBlank && isTotalLabel(cell(nameIndex).text)) || cell(lineIndex).text.trim().toUpperCase() === TOTAL_LINE_ID;
    if (totalSeen) {
      if (isTotal && lineBlank && figureIndexes.some((index) => hasValue(cell(index)))) {
        followers.push(bodyRow(row, lineIndex, TOTAL_LINE_ID, blanked, span));
        continue;
      }
      break;
    }
    // a sub-heading or empty "Sub Total" row: no line id and nothing but its label
    const onlyLabel = lineBlank && row.cells.every((value, index) => index === nameIndex || index < span.left || index > span.right || blanked.has(index) || !hasValue(value));
    if (onlyLabel && !isTotal) continue;
    body.push(bodyRow(row, lineIndex, isTotal ? TOTAL_LINE_ID : undefined, blanked, span));
    if (isTotal) totalSeen = true;
  }
  return { body, followers };
}

/** The header row {@link buildTable} reads: each mapped column's canonical heading, any other labelled column's own label (reported there). */
function headerRow(header: HeaderBand, width: number): GridRow {
  const byIndex = new Map<number, string>([...header.labels]);
  for (const [column, index] of header.columns) byIndex.set(index, columnHeading(column));
  const cells: GridCell[] = [];
  for (let index = 0; index < width; index += 1) cells.push({ text: byIndex.get(index) ?? '' });
  return { row: header.rows[header.rows.length - 1] ?? 0, cells };
}

/** The figure a headline phrase states: the report's words, in £m. */
const HEADLINE_PHRASES: readonly (readonly [HeadlineFigure, RegExp])[] = [
  ['cost-underspend', /£\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*m\s+reduction in costs/i],
  ['savings-shortfall', /£\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*m\s+reduction in savings/i],
  ['combined-adverse-movement', /total adverse movement of\s+£\s*([0-9][0-9,]*(?:\.[0-9]+)?)\s*m\b/i],
];

/** Whether a cell's text is the report's "Combined Impact: …" sentence. */
function isHeadlineSentence(text: string): boolean {
  return /^combined impact\b/.test(normaliseLabel(text));
}

/**
 * The headline statements of the "Combined Impact" sentence: "£0.454m reduction in costs",
 * "£1.342m reduction in savings", "total adverse movement of £0.888 m" (£m, converted to
 * £000 exactly). A phrase that is missing is a problem at the cell.
 */
function readHeadline(sheet: Sheet, row: number, cell: GridCell): { headline: HeadlineStatement[]; problems: Problem[] } {
  const place = { file: sheet.read.source.file, ...(sheet.read.source.sheet !== undefined ? { sheet: sheet.read.source.sheet } : {}) };
  const headline: HeadlineStatement[] = [];
  const problems: Problem[] = [];
  for (const [figure, pattern] of HEADLINE_PHRASES) {
    const match = pattern.exec(cell.text);
    const parsed = match ? parseAmount(match[1] ?? '') : undefined;
    if (!match || parsed?.kind !== 'amount') {
      problems.push({ ...place, row, text: cell.text, message: `in cell ${cell.address ?? ''} does not state the ${figure} (expected e.g. ${figure === 'combined-adverse-movement' ? '"total adverse movement of £0.888 m"' : figure === 'cost-underspend' ? '"£0.454m reduction in costs"' : '"£1.342m reduction in savings"'})` });
      continue;
    }
    headline.push({
      figure,
      description: match[0].replace(/\s+/g, ' '),
      amount: millionsToThousands(parsed.value),
      statedText: match[1] ?? '',
      unit: '£m',
      source: { ...place, row, column: 'amount', ...(cell.address !== undefined ? { cell: cell.address } : {}) },
    });
  }
  return { headline, problems };
}

/**
 * Read the tables of a published layout from its sheets (see the module comment).
 *
 * Tables are found by title (a row whose only text names a table, see
 * {@link TITLE_ALIASES}) or as the layout places them; a table found twice, or not found, is
 * a problem (name it in a layout file). Every table is then built by {@link buildTable}
 * from a header row of canonical headings and its body rows, so a bad cell is located as in
 * any other dataset. Returns the tables in the report's order when there are no problems.
 */
export function readPublished(sheetsRead: readonly PublishedSheet[], layout?: PublishedLayout): PublishedRead {
  const sheets: Sheet[] = sheetsRead.map((read, index) => ({
    index,
    read,
    byRow: new Map(read.rows.map((row) => [row.row, row])),
    lastRow: read.rows.reduce((last, row) => Math.max(last, row.row), 0),
  }));
  const problems: Problem[] = [];
  const notes: string[] = [];
  const sheetNamed = (name: string | undefined, at: LayoutPlace): Sheet[] | undefined => {
    if (name === undefined) return sheets;
    const found = sheets.filter((sheet) => (sheet.read.source.sheet ?? '').toLowerCase() === name.toLowerCase());
    if (found.length === 0) problems.push({ ...at, text: name, message: `is not a sheet of ${sheetsRead[0]?.source.file ?? 'the workbook'} (sheets: ${sheetsRead.map((sheet) => sheet.source.sheet ?? '').join(', ')})` });
    return found.length > 0 ? found : undefined;
  };

  // 1. title rows, by table
  const titles = new Map<TableId, TitleCell[]>();
  const titleRows = new Set<string>();
  for (const sheet of sheets) {
    for (const row of sheet.read.rows) {
      const filled = row.cells.filter(hasValue);
      if (filled.length !== 1) continue;
      const id = tableOfTitle(filled[0]?.text ?? '');
      if (id === undefined) continue;
      // a title row always ends the table above it, even when the layout places this table elsewhere
      titleRows.add(`${sheet.index}:${row.row}`);
      if (layout?.tables.has(id)) continue;
      titles.set(id, [...(titles.get(id) ?? []), { sheet, row: row.row, text: filled[0]?.text.trim() ?? '', inHeader: false }]);
    }
  }
  for (const placement of layout?.tables.values() ?? []) {
    if (placement.title === undefined) continue;
    const wanted = normaliseTitle(placement.title);
    const found: TitleCell[] = [];
    const onSheets = sheetNamed(placement.sheet, placement.at('sheet'));
    if (!onSheets) continue; // reported: no such sheet
    for (const sheet of onSheets) {
      for (const row of sheet.read.rows) {
        const cell = row.cells.find((candidate) => normaliseTitle(candidate.text) === wanted);
        if (cell) found.push({ sheet, row: row.row, text: cell.text.trim(), inHeader: row.cells.filter(hasValue).length > 1 });
      }
    }
    if (found.length === 0) problems.push({ ...placement.at('title'), text: placement.title, message: `no cell has this text${placement.sheet !== undefined ? ` on sheet ${JSON.stringify(placement.sheet)}` : ''}` });
    if (found.length > 1) problems.push({ ...placement.at('title'), text: placement.title, message: `is in more than one place (${found.map((title) => `${title.sheet.read.source.sheet ?? ''}!A${title.row}`.replace(/^!/, 'row ')).join(', ')}); give the sheet or a range` });
    if (found.length === 1) {
      titles.set(placement.id, found);
      if (!found[0]!.inHeader) titleRows.add(`${found[0]!.sheet.index}:${found[0]!.row}`);
    }
  }

  // 2. blocks: header and body of every table placed by title or range
  const blocks = new Map<TableId, Block>();
  const usedRows = new Set<string>(titleRows);
  const mappedColumns = new Map<string, string[]>(); // `${sheet}:${column}` → table ids reading it
  const readBlock = (id: TableId, sheet: Sheet, start: number, range: CellRange | undefined, title: string | undefined, placement: TablePlacement | undefined): void => {
    const layoutOfTable = layoutOf(id);
    const span = { left: range?.left ?? 0, right: range?.right ?? Number.MAX_SAFE_INTEGER };
    const bottom = range?.bottom ?? sheet.lastRow;
    const candidates = rowsFrom(sheet, start, bottom, span).filter((row) => !titleRows.has(`${sheet.index}:${row.row}`));
    const found = findBand(candidates, layoutOfTable, span, placement);
    problems.push(...found.problems);
    const header = found.header;
    const place = { file: sheet.read.source.file, ...(sheet.read.source.sheet !== undefined ? { sheet: sheet.read.source.sheet } : {}) };
    if (!header.columns.has('line') || header.rows.length === 0) {
      problems.push({ ...place, row: candidates[0]?.row ?? start, message: `table ${id}: no header with a line id column ("Ref", "Line" or "ID") below ${title !== undefined ? `its title ${JSON.stringify(title)}` : `row ${start}`}; name the columns in a layout file (fn-model layout init)` });
      return;
    }
    const hiddenColumns = sheet.read.hiddenColumns;
    const mapped = new Set(header.columns.values());
    const blanked = new Set([...hiddenColumns].filter((index) => !mapped.has(index)));
    for (const index of mapped) mappedColumns.set(`${sheet.index}:${index}`, [...(mappedColumns.get(`${sheet.index}:${index}`) ?? []), id]);
    const { body, followers } = readBody(sheet, header, layoutOfTable, span, bottom, titleRows, blanked);
    for (const row of [...header.rows, ...body.map((line) => line.row), ...followers.map((line) => line.row)]) usedRows.add(`${sheet.index}:${row}`);
    blocks.set(id, { id, sheet, ...(title !== undefined ? { title } : {}), ...(range !== undefined ? { range } : {}), header, body, followers });
    for (const row of body) if (sheet.read.hiddenRows.has(row.row)) notes.push(noteAt(sheet.read.source, row.row, `hidden row, read as part of table ${id}`));
  };

  const ambiguous = new Set<TableId>();
  for (const tableLayout of TABLE_LAYOUTS) {
    const placement = layout?.tables.get(tableLayout.id);
    if (placement?.range !== undefined) {
      const onSheets = sheetNamed(placement.sheet, placement.at('sheet'));
      if (onSheets && onSheets.length !== 1) problems.push({ ...placement.at('range'), message: 'give the sheet the range is on (the workbook has more than one)' });
      else if (onSheets?.[0]) readBlock(tableLayout.id, onSheets[0], placement.range.top, placement.range, undefined, placement);
      continue;
    }
    if (placement?.below !== undefined) continue;
    const found = titles.get(tableLayout.id) ?? [];
    if (found.length > 1) {
      ambiguous.add(tableLayout.id);
      problems.push({ file: sheetsRead[0]?.source.file ?? '', message: `table ${tableLayout.id} has more than one title row (${found.map((title) => noteAt(title.sheet.read.source, title.row, JSON.stringify(title.text))).join('; ')}); say which in a layout file (--layout, see fn-model layout init)` });
      continue;
    }
    const title = found[0];
    if (title) readBlock(tableLayout.id, title.sheet, title.inHeader ? title.row : title.row + 1, undefined, title.text, placement);
  }

  // 3. cross-table totals printed directly below the table they close
  const followed = new Map<TableId, { row: GridRow; under: Block }>();
  for (const block of blocks.values()) {
    const [first, ...rest] = block.followers;
    if (!first) continue;
    const explicit = [...(layout?.tables.values() ?? [])].find((placement) => placement.below === block.id);
    const implicit = TABLE_LAYOUTS.find((candidate) => candidate.covers.includes(block.id) && candidate.kind === layoutOf(block.id).kind);
    const target = explicit?.id ?? implicit?.id;
    const place = { file: block.sheet.read.source.file, ...(block.sheet.read.source.sheet !== undefined ? { sheet: block.sheet.read.source.sheet } : {}) };
    if (target === undefined) problems.push({ ...place, row: first.row, message: `a second total row below table ${block.id}'s total, and no table takes it` });
    else followed.set(target, { row: first, under: block });
    for (const extra of rest) problems.push({ ...place, row: extra.row, message: `a further total row below table ${block.id}'s total, and no table takes it` });
  }

  // 4. build every table
  const tables: Table[] = [];
  const detected: DetectedTable[] = [];
  for (const tableLayout of TABLE_LAYOUTS) {
    const id = tableLayout.id;
    const placement = layout?.tables.get(id);
    const block = blocks.get(id);
    const below = followed.get(id);
    if (placement?.below !== undefined && below?.under.id !== placement.below) {
      problems.push({ ...placement.at('below'), text: placement.below, message: blocks.has(placement.below) ? `table ${placement.below} has no total row directly below its total` : `table ${placement.below} was not found` });
      continue;
    }
    if (block && below && placement?.below === undefined) {
      problems.push({ file: block.sheet.read.source.file, message: `table ${id} is both under its title (${noteAt(block.sheet.read.source, block.header.rows[0], 'header')}) and the total row below table ${below.under.id} (row ${below.row.row}); say which in a layout file` });
      continue;
    }
    const source = block ?? below?.under;
    if (!source && (placement || ambiguous.has(id))) continue; // already reported: the layout's place matched nothing, or the title is in two places
    if (!source) {
      problems.push({ file: sheetsRead[0]?.source.file ?? '', message: `table ${id} not found (no title row such as ${JSON.stringify(tableLayout.title)}${tableLayout.covers.length > 0 ? ', and no total row directly below a table it covers' : ''}); name where it is in a layout file (--layout, see fn-model layout init)` });
      continue;
    }
    const sheet = source.sheet;
    const body = block ? block.body : below ? [below.row] : [];
    const width = largest(sheet.read.rows.map((row) => row.cells.length), 0);
    const built = buildTable(tableLayout, [headerRow(source.header, width), ...body], sheet.read.source, { checkWidth: false });
    problems.push(...built.problems);
    if (built.table) tables.push(built.table);
    const columns = new Map<TableColumn, string>();
    for (const column of ['line', 'name', ...tableLayout.fields] as TableColumn[]) {
      const index = source.header.columns.get(column);
      const label = index !== undefined ? source.header.labels.get(index) : undefined;
      if (label !== undefined) columns.set(column, label);
    }
    detected.push({
      id,
      ...(sheet.read.source.sheet !== undefined ? { sheet: sheet.read.source.sheet } : {}),
      ...(block?.title !== undefined ? { title: block.title } : {}),
      ...(block?.range !== undefined ? { range: rangeText(block.range) } : {}),
      ...(!block && below ? { below: below.under.id } : {}),
      columns,
    });
  }

  // 5. the headline sentence
  let headline: HeadlineStatement[] = [];
  let headlineCell: { sheet?: string; cell: string } | undefined;
  const sentences: { sheet: Sheet; row: number; cell: GridCell }[] = [];
  if (layout?.headline) {
    const { cell: address, sheet: sheetName } = layout.headline;
    for (const sheet of sheetNamed(sheetName, layout.headline.at()) ?? []) {
      const row = sheet.byRow.get(Number(/[0-9]+$/.exec(address)?.[0] ?? 0)); // number-ok: a row number, not money
      const cell = row?.cells.find((candidate) => candidate.address?.toUpperCase() === address.toUpperCase());
      if (row && cell && cell.text.trim() !== '') sentences.push({ sheet, row: row.row, cell });
    }
    if (sentences.length !== 1) problems.push({ ...layout.headline.at(), text: address, message: sentences.length === 0 ? 'is blank or not found' : 'is on more than one sheet; give the sheet' });
  } else {
    for (const sheet of sheets) {
      for (const row of sheet.read.rows) for (const cell of row.cells) if (isHeadlineSentence(cell.text)) sentences.push({ sheet, row: row.row, cell });
    }
    if (sentences.length > 1) problems.push({ file: sheetsRead[0]?.source.file ?? '', message: `more than one "Combined Impact" sentence (${sentences.map((found) => noteAt(found.sheet.read.source, found.row, found.cell.address ?? '')).join('; ')}); say which in a layout file (headline: cell)` });
  }
  if (sentences.length === 1 && sentences[0]) {
    const { sheet, row, cell } = sentences[0];
    const read = readHeadline(sheet, row, cell);
    problems.push(...read.problems);
    headline = read.headline;
    usedRows.add(`${sheet.index}:${row}`);
    if (cell.address !== undefined) headlineCell = { ...(sheet.read.source.sheet !== undefined ? { sheet: sheet.read.source.sheet } : {}), cell: cell.address };
  }

  // 6. notes: hidden columns, hidden rows and figures outside every table
  for (const sheet of sheets) {
    for (const index of [...sheet.read.hiddenColumns].sort((a, b) => a - b)) {
      const holds = sheet.read.rows.some((row) => hasValue(row.cells[index]));
      if (!holds) continue;
      const readers = mappedColumns.get(`${sheet.index}:${index}`);
      notes.push(noteAt(sheet.read.source, undefined, readers ? `hidden column ${columnLetters(index)}, read as part of table ${readers.join(', ')}` : `hidden column ${columnLetters(index)} is in no table's columns; not read`));
    }
    for (const row of sheet.read.rows) {
      if (usedRows.has(`${sheet.index}:${row.row}`) || isBlankRow(row)) continue;
      if (sheet.read.hiddenRows.has(row.row)) {
        notes.push(noteAt(sheet.read.source, row.row, 'hidden row, in no table; not read'));
        continue;
      }
      // (not when the read failed: a table that was not found would fill the screen with its figures)
      const figure = problems.length === 0 ? row.cells.find((cell, index) => !sheet.read.hiddenColumns.has(index) && holdsFigure(cell)) : undefined;
      if (figure) notes.push(noteAt(sheet.read.source, row.row, `${JSON.stringify(figure.text)}${figure.address !== undefined ? ` (${figure.address})` : ''} is a figure in no table; not read`));
    }
  }

  if (problems.length > 0) return { headline: [], detected, notes, problems };
  return { tables, headline, detected, ...(headlineCell ? { headlineCell } : {}), notes, problems };
}
