/**
 * The variance report laid out as rows of display text, shared by the terminal table
 * and Markdown renderers so both show the same figures in the same places.
 *
 * Each table is shown as published, with a computed column beside every stated one:
 * the line's stated Total and Variance each have a `total (computed)` / `variance (computed)`
 * column; the TOTAL row
 * shows the stated totals and, beneath it, a "computed" row with the sums of the lines.
 * A stated figure that differs from its computed value beyond the tolerance is flagged.
 * Amounts are £000, shown exactly (whole £000 in the report), negatives in brackets.
 */
import { type Amount, formatAmount, formatMillions, subtract } from '../money/index.js';
import { type Field, FIELD_LABELS, cellReference } from '../model/index.js';
import type { VarianceReport } from '../engine/index.js';
import { printable } from './printable.js';

/** One displayed cell: its text, whether it is a flagged (discrepant) stated figure, and alignment. */
export interface GridCell {
  readonly text: string;
  readonly flagged?: boolean;
  readonly numeric?: boolean;
  /**
   * Where the cell's figure is in the JSON of the same report (a dot-separated path such
   * as `scenarios.0.change.combined-adverse-movement`) and its exact value there; the HTML
   * report writes both as `data-figure` / `data-value`, other formats ignore them.
   */
  readonly figure?: string;
  readonly value?: string;
}

/** A displayed table: heading, column headings and rows; `emphasis` marks TOTAL / computed rows. */
export interface GridTable {
  readonly id: string;
  readonly title: string;
  readonly head: readonly string[];
  readonly rows: readonly { readonly cells: readonly GridCell[]; readonly emphasis?: 'total' | 'computed' }[];
  /** A sentence shown beneath the table (terminal, Markdown, HTML), e.g. the lines a grouped row stands for. */
  readonly note?: string;
}


/**
 * The heading of the computed column beside a stated Total or Variance: `total (computed)`,
 * `variance (computed)` (issue 15: two columns both headed `computed` were ambiguous).
 */
export function computedHeading(field: Field): string {
  return `${field} (computed)`;
}

/** What `n/s` in a figure's place means, for the legends of the table, Markdown and HTML. */
export const NOT_STATED_LEGEND = 'n/s = not stated in the source';

/** The marker appended to a stated figure that disagrees with its computed value. */
export const DISCREPANCY_MARK = '!';

const NOT_STATED = 'n/s';
const DERIVED = new Set<Field>(['total', 'variance']);

function amountCell(value: Amount | undefined, flagged = false): GridCell {
  if (value === undefined) return { text: NOT_STATED, numeric: true };
  const text = formatAmount(value);
  return flagged ? { text: `${text}${DISCREPANCY_MARK}`, flagged: true, numeric: true } : { text, numeric: true };
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** Input text made safe for one table cell (no control characters, no line breaks). */
const shown = (text: string): string => printable(text, true);

/** Options for {@link varianceGrid}. */
export interface VarianceGridOptions {
  /**
   * Leave out the `total (computed)` and `variance (computed)` columns (`variance --compact`):
   * lines show their stated Total and Variance (a differing one still carries the `!` mark
   * and is listed under Discrepancies with its computed value), and the computed row
   * beneath TOTAL shows the computed Total and Variance in the Total and Variance columns.
   */
  readonly compact?: boolean;
}

/**
 * Lay out every table of the report. `nameWidth` truncates long line names for
 * display only (the full name is in JSON and CSV output); 0 means no truncation.
 */
export function varianceGrid(report: VarianceReport, nameWidth = 0, options: VarianceGridOptions = {}): GridTable[] {
  const compact = options.compact === true;
  const flagged = new Set(report.discrepancies.map((item) => `${item.table}|${item.line}|${item.field}`));
  return report.tables.map((result) => {
    const { table } = result;
    const head: string[] = ['Line', 'Name'];
    for (const field of table.fields) {
      head.push(FIELD_LABELS[field]);
      if (DERIVED.has(field) && !compact) head.push(computedHeading(field));
    }
    const name = (text: string) => (nameWidth > 0 ? truncate(shown(text), nameWidth) : shown(text));
    const rows: { cells: GridCell[]; emphasis?: 'total' | 'computed' }[] = [];
    for (const line of result.lines) {
      const cells: GridCell[] = [{ text: shown(line.line.id) }, { text: name(line.line.name) }];
      for (const field of table.fields) {
        if (DERIVED.has(field)) {
          cells.push(amountCell(line.line.stated[field], flagged.has(`${table.id}|${line.line.id}|${field}`)));
          if (!compact) cells.push(amountCell(line.computed[field]));
        } else {
          cells.push(amountCell(line.computed[field]));
        }
      }
      rows.push({ cells });
    }
    const statedCells: GridCell[] = [{ text: 'TOTAL' }, { text: name(`${table.totalName ?? table.title} (stated)`) }];
    const computedCells: GridCell[] = [{ text: 'computed' }, { text: table.covers.length > 0 ? name(`sum of ${table.covers.join(' + ')} lines`) : 'sum of lines' }];
    for (const field of table.fields) {
      const isFlagged = flagged.has(`${table.id}|TOTAL|${field}`);
      statedCells.push(amountCell(table.stated[field], isFlagged));
      if (DERIVED.has(field) && compact) {
        computedCells.push(amountCell(result.computed[field]));
      } else if (DERIVED.has(field)) {
        statedCells.push(amountCell(result.computed[field]));
        computedCells.push({ text: '' }, amountCell(result.computed[field]));
      } else {
        computedCells.push(amountCell(result.computed[field]));
      }
    }
    rows.push({ cells: statedCells, emphasis: 'total' }, { cells: computedCells, emphasis: 'computed' });
    return { id: table.id, title: table.title, head, rows };
  });
}

/** The headline rows: figure, computed and published in £000 and £m, difference. */
export function headlineGrid(report: VarianceReport): GridTable {
  const labels: Record<string, string> = {
    'cost-underspend': 'Cost underspend',
    'savings-shortfall': 'Savings shortfall',
    'combined-adverse-movement': 'Combined adverse movement',
  };
  const flagged = new Set(report.discrepancies.filter((item) => item.table === 'headline').map((item) => item.line));
  return {
    id: 'headline',
    title: 'Headline, 2020/21: savings shortfall less cost underspend = combined adverse movement',
    head: ['Figure', 'Computed £000', 'Published £000', 'Difference', 'Computed £m', 'Published £m'],
    rows: report.headline.map((item) => ({
      cells: [
        { text: labels[item.figure] ?? item.figure },
        amountCell(item.computed),
        amountCell(item.published, flagged.has(item.figure)),
        item.published === undefined ? { text: NOT_STATED, numeric: true } : amountCell(subtract(item.published, item.computed)),
        { text: formatMillions(item.computed), numeric: true },
        { text: item.published === undefined ? NOT_STATED : formatMillions(item.published), numeric: true },
      ],
    })),
  };
}

/** The discrepancy rows: where, stated, computed, difference (stated − computed), source cell. */
export function discrepancyGrid(report: VarianceReport): GridTable {
  return {
    id: 'discrepancies',
    title: `Discrepancies: stated figures that differ from their line items (tolerance ${formatAmount(report.tolerance)} £000)`,
    head: ['Table', 'Line', 'Field', 'Stated', 'Computed', 'Difference', 'Source'],
    rows: report.discrepancies.map((item) => ({
      cells: [
        { text: item.table },
        { text: shown(item.line) },
        { text: item.field },
        amountCell(item.stated),
        amountCell(item.computed),
        amountCell(item.difference),
        { text: shown(cellReference(item.source) ?? `${item.source.file}:${item.source.row} "${item.source.column}"`) },
      ],
    })),
  };
}

/** `1 line`, `2 lines`. */
function linesText(count: number): string {
  return `${count} ${count === 1 ? 'line' : 'lines'}`;
}

/**
 * A sentence saying where the outturn column came from when it is not the dataset's own
 * (e.g. ledger actuals), or `undefined` when it is.
 */
export function outturnNote(report: VarianceReport): string | undefined {
  const source = report.programme.outturnSource;
  if (!source) return undefined;
  const kept = source.unmappedLines.length === 0
    ? 'every line'
    : `${linesText(source.lines.length)}; ${linesText(source.unmappedLines.length)} the map does not name ${source.unmappedLines.length === 1 ? 'keeps' : 'keep'} the dataset's outturn (${source.unmappedLines.join(', ')})`;
  const unmapped = `${source.unmappedRows} ledger ${source.unmappedRows === 1 ? 'row' : 'rows'} unmapped`;
  return `Outturn: ledger actuals from ${source.ledger} via ${source.map} (${kept}); ${unmapped}, totalling ${formatAmount(source.unmappedAmount)} £000.`;
}
