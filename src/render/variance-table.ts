/**
 * The variance report for the terminal: one table per published block (drawn by
 * `box-table.ts`, as cli-table3 would, without its start-up cost),
 * then the discrepancies and the headline. Colour (via chalk) only when asked, which
 * the command decides (a TTY and no NO_COLOR); without colour, flagged figures still
 * carry the `!` mark so nothing depends on colour alone.
 */
import { NO_STYLES, type TextStyles, type textStyles } from './text-styles.js';
import { formatMillions } from '../money/index.js';
import { boxTable } from './box-table.js';
import { printable } from './printable.js';
import { diagnosisSummary } from './diagnose-grid.js';
import type { VarianceReport } from '../engine/index.js';
import { type FitPlan, fitGrid, fitProse } from './table-fit.js';
import { type GridTable, type VarianceGridOptions, DISCREPANCY_MARK, NOT_STATED_LEGEND, discrepancyGrid, headlineGrid, outturnNote, varianceGrid } from './variance-grid.js';

/** Options for {@link varianceAsTable}. */
export interface TableRenderOptions {
  /** Use ANSI colour (red for discrepancies, bold for totals). Default false. */
  readonly colour?: boolean;
  /** Fit every table and sentence to this many columns ({@link fitGrid}); undefined: no limit. */
  readonly width?: number;
  /** Only these columns of the programme tables (keys of {@link VARIANCE_COLUMNS}; the line id is always shown). */
  readonly columns?: readonly VarianceColumn[];
  /** Leave out the computed columns ({@link VarianceGridOptions.compact}). */
  readonly compact?: boolean;
}

/**
 * Options for {@link varianceAsTable}: those of {@link TableRenderOptions} but colour, which
 * comes as the styles to apply ({@link textStyles}: chalk is loaded only when colour is on).
 */
export interface VarianceTableOptions extends Omit<TableRenderOptions, 'colour'> {
  /** Default {@link NO_STYLES}. */
  readonly styles?: TextStyles;
}

/**
 * Render one display grid as a boxed table (numeric columns right-aligned, bold
 * headings and TOTAL rows, red flagged figures, cyan computed rows when colour is on).
 * The grid's note, if any, follows the table.
 */
export function renderGrid(grid: GridTable, colour: TextStyles): string {
  const table = boxTable({
    head: grid.head.map((text) => colour.bold(text)),
    align: grid.rows[0]?.cells.map((cell) => (cell.numeric ? 'right' : 'left')) ?? [],
    rows: grid.rows.map((row) => row.cells.map((cell) => {
      const text = cell.flagged ? colour.red.bold(cell.text) : cell.text;
      return row.emphasis === 'total' ? colour.bold(text) : row.emphasis === 'computed' ? colour.cyan(text) : text;
    })),
  });
  return `${colour.bold(grid.title)}\n${table}\n${grid.note ? `${grid.note}\n` : ''}`;
}

/** The column keys `variance --columns` takes, in table order. */
export const VARIANCE_COLUMNS = ['line', 'name', '2019/20', '2020/21', '2021/24', 'total', 'total-computed', 'outturn', 'variance', 'variance-computed', 'delayed-wholly', 'delayed-partly'] as const;
/** One of {@link VARIANCE_COLUMNS}. */
export type VarianceColumn = (typeof VARIANCE_COLUMNS)[number];

/** The key of a programme-table heading: `total (computed)` → `total-computed`, `Delayed wholly` → `delayed-wholly`. */
export function columnKey(heading: string): string {
  return heading.toLowerCase().replace(' (computed)', '-computed').replace(/ /g, '-');
}

/**
 * A programme table with only the chosen columns (the line id always). When Total or
 * Variance is shown without its computed column, the computed row shows the computed
 * figure in the stated column (as `--compact` does).
 */
function withColumns(grid: GridTable, columns: readonly VarianceColumn[]): GridTable {
  const wanted = new Set<string>(['line', ...columns]);
  const keys = grid.head.map(columnKey);
  const kept = keys.map((key, index) => (wanted.has(key) ? index : -1)).filter((index) => index >= 0);
  const source = (index: number, computedRow: boolean): number => {
    const partner = keys.indexOf(`${keys[index]}-computed`);
    return computedRow && partner >= 0 && !wanted.has(`${keys[index]}-computed`) ? partner : index;
  };
  return {
    ...grid,
    head: kept.map((index) => grid.head[index]!),
    rows: grid.rows.map((row) => ({ ...row, cells: kept.map((index) => row.cells[source(index, row.emphasis === 'computed')] ?? { text: '' }) })),
  };
}

/**
 * Render the report as terminal text: dataset line, each table (£000), the
 * discrepancies (or a line saying there are none), and the headline in £000 and £m.
 * With a width, tables are fitted to it (never cutting a number) and sentences wrapped.
 */
export function varianceAsTable(report: VarianceReport, options: VarianceTableOptions = {}): string {
  const colour = options.styles ?? NO_STYLES;
  const { width } = options;
  const prose = (text: string): string => (width === undefined ? text : fitProse(text, width));
  const fitted = (grid: GridTable, plan: Omit<FitPlan, 'width'> = {}): GridTable[] => (width === undefined ? [grid] : fitGrid(grid, { ...plan, width }));
  const draw = (grids: readonly GridTable[]): string => grids.map((grid) => renderGrid({ ...grid, title: prose(grid.title) }, colour)).join('\n');
  const parts: string[] = [];
  parts.push(`${prose(`Dataset: ${printable(report.programme.name, true)} (${printable(report.programme.path, true)}); all amounts £000; ${DISCREPANCY_MARK} marks a stated figure that differs from its line items; ${NOT_STATED_LEGEND}`)}\n`);
  const note = outturnNote(report);
  if (note) parts.push(`${prose(note)}\n`);
  for (const grid of varianceGrid(report, 40, { compact: options.compact === true })) {
    const shown = options.columns ? withColumns(grid, options.columns) : grid;
    const nameColumn = shown.head.indexOf('Name');
    parts.push(draw(fitted({ ...shown, title: `${grid.title} [${grid.id}]` }, { truncate: nameColumn >= 0 ? [nameColumn] : [] })));
  }
  if (report.discrepancies.length === 0) {
    parts.push(`${prose('No discrepancies: every stated figure agrees with its line items.')}\n`);
  } else {
    // a continuation repeats table, line and field, so each row is still identified
    parts.push(draw(fitted(discrepancyGrid(report), { repeat: 3, minimumText: 16 })));
  }
  parts.push(draw(fitted(headlineGrid(report))));
  const combined = report.combined;
  parts.push(
    `${prose(`Combined impact (computed): ${formatMillions(report.costs.variance)} cost underspend offsetting a ${formatMillions(report.savings.variance)} savings shortfall gives a combined adverse movement of ${formatMillions(combined.computed)}` +
      (combined.published === undefined ? '.' : ` (published: ${formatMillions(combined.published)}).`))}\n`,
  );
  if (report.diagnosis) parts.push(`${colour.bold(prose('Diagnosis (fn-model diagnose shows every reading and the rules)'))}\n${diagnosisSummary(report.diagnosis).map(prose).join('\n')}\n`);
  return parts.join('\n');
}
