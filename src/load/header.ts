/**
 * Finding a table's header row by its labels.
 *
 * Labels are matched case-insensitively after trimming, folding line breaks and runs of
 * white space to one space, and removing the unit `£000` (also `(£000)`). Both the
 * short CSV headings (`outturn`, `delayed_wholly`) and the report's long labels
 * ("Year End Outturn Projection 2020/21 £000", "Variance Under / (Over) 2020/21 £000",
 * "Delayed but wholly deliverable in 2021/22 £000") are recognised.
 */
import { FIELD_HEADINGS, type Field } from '../model/index.js';
import type { Problem } from './errors.js';

/** A column of a table file: the line id, the line name, or a figure column. */
export type TableColumn = 'line' | 'name' | Field;

/** How many rows from the top are searched for the header (room for title rows). */
export const HEADER_SEARCH_ROWS = 10;

/** The canonical name of a column as messages and {@link SourceCell}s show it (`outturn`, `delayed_wholly`). */
export function columnHeading(column: TableColumn): string {
  return column === 'line' || column === 'name' ? column : FIELD_HEADINGS[column];
}

/**
 * Normalise a header label for matching: lower case, `£000` removed, line breaks and
 * white space folded, spaces around `/` kept as single spaces, trimmed.
 */
export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\(\s*£\s*000\s*\)|£\s*000/g, ' ')
    .replace(/[\s\u00a0\ufeff]+/g, ' ')
    .trim();
}

const TABLE_LABELS: ReadonlyMap<string, TableColumn> = new Map<string, TableColumn>([
  ['line', 'line'],
  ['line id', 'line'],
  ['id', 'line'],
  ['ref', 'line'],
  ['reference', 'line'],
  ['name', 'name'],
  ['description', 'name'],
  ['2019/20', '2019/20'],
  ['2020/21', '2020/21'],
  ['2021/24', '2021/24'],
  ['total', 'total'],
  ['outturn', 'outturn'],
  ['year end outturn projection', 'outturn'],
  ['year end outturn projection 2020/21', 'outturn'],
  ['variance', 'variance'],
  ['variance under / (over)', 'variance'],
  ['variance under / (over) 2020/21', 'variance'],
  ['delayed_wholly', 'delayedWholly'],
  ['delayed wholly', 'delayedWholly'],
  ['delayed but wholly deliverable in 2021/22', 'delayedWholly'],
  ['delayed_partly', 'delayedPartly'],
  ['delayed partly', 'delayedPartly'],
  ['delayed but partly deliverable in 2021/22', 'delayedPartly'],
]);

/**
 * The table column a header label names, or undefined when it names none.
 * E.g. "Total £000" → `total`, "Variance Under / (Over)\n2020/21 £000" → `variance`.
 */
export function tableColumnOf(label: string): TableColumn | undefined {
  return TABLE_LABELS.get(normaliseLabel(label).replace(/\s*\/\s*/g, ' / ').replace(/(\d) \/ (\d)/g, '$1/$2'));
}

/**
 * Whether a header label, line id or headline figure names a *computed* column or row:
 * its label ends with `(computed)` (e.g. "Total (computed)", "TOTAL (computed)"), as in
 * the workbooks `fn-model export` writes. Such columns and rows hold formulas derived
 * from the inputs; the loader skips them (the stated figures sit in their own columns),
 * and `fn-model reconcile` checks them.
 */
export function isComputedLabel(label: string): boolean {
  return /\(\s*computed\s*\)$/.test(normaliseLabel(label));
}

/** A header row that was found: its 1-based row number and where each column is (0-based index). */
export interface HeaderRow<C extends string> {
  readonly row: number;
  readonly columns: ReadonlyMap<C, number>;
  /** The 0-based index of every cell of the header with a label, recognised or not. */
  readonly labelled: ReadonlySet<number>;
}

/** What {@link findHeader} needs to know about a file's vocabulary. */
export interface HeaderVocabulary<C extends string> {
  /** The column a label names, or undefined. */
  readonly columnOf: (label: string) => C | undefined;
  /** The column that marks a header row (`line` for tables, `figure` for the headline). */
  readonly anchor: C;
  /** Columns the file must have. */
  readonly required: readonly C[];
  /** How a column is named in messages. */
  readonly heading: (column: C) => string;
  /** Labels of columns to skip without a problem (e.g. computed columns, {@link isComputedLabel}). */
  readonly ignores?: (label: string) => boolean;
}

/** One row of cell texts with its 1-based row number. */
export interface LabelRow {
  readonly row: number;
  readonly texts: readonly string[];
}

/**
 * Find the header among the first {@link HEADER_SEARCH_ROWS} rows: the row that has the
 * anchor label (`line`) and the most recognised labels (the first such row on a tie).
 * Rows above it are titles and are not read.
 *
 * Problems (returned, not thrown): header not found; a column named twice (e.g. both
 * "outturn" and "Year End Outturn Projection 2020/21 £000"); a label that names no
 * column of this file; a required column missing (`missing required column "outturn"`).
 * `place` supplies the file (and sheet) for each problem.
 */
export function findHeader<C extends string>(
  rows: readonly LabelRow[],
  vocabulary: HeaderVocabulary<C>,
  place: Pick<Problem, 'file' | 'sheet'>,
): { readonly header?: HeaderRow<C>; readonly problems: readonly Problem[] } {
  let best: LabelRow | undefined;
  let bestScore = -1;
  for (const candidate of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const found = candidate.texts.map((text) => (vocabulary.ignores?.(text) ? undefined : vocabulary.columnOf(text)));
    if (!found.includes(vocabulary.anchor)) continue;
    const score = found.filter((column) => column !== undefined).length;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (!best) {
    return {
      problems: [
        {
          ...place,
          message: `header not found (no row among the first ${HEADER_SEARCH_ROWS} has a ${JSON.stringify(vocabulary.heading(vocabulary.anchor))} column)`,
        },
      ],
    };
  }
  const problems: Problem[] = [];
  const columns = new Map<C, number>();
  const labelled = new Set<number>();
  best.texts.forEach((text, index) => {
    if (text.trim() === '') return;
    labelled.add(index);
    if (vocabulary.ignores?.(text)) return;
    const column = vocabulary.columnOf(text);
    const at = { ...place, row: best.row };
    if (column === undefined) {
      problems.push({ ...at, text, message: `is not a column heading this file can have (column ${index + 1})` });
      return;
    }
    const first = columns.get(column);
    if (first !== undefined) {
      problems.push({ ...at, column: vocabulary.heading(column), text, message: `duplicate column (first is column ${first + 1})` });
      return;
    }
    columns.set(column, index);
  });
  for (const column of vocabulary.required) {
    if (!columns.has(column)) problems.push({ ...place, row: best.row, message: `missing required column ${JSON.stringify(vocabulary.heading(column))}` });
  }
  return { header: { row: best.row, columns, labelled }, problems };
}
