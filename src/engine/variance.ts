/**
 * The variance engine: recompute every figure of the report from its line items and
 * compare each stated figure with what the lines give. Pure: no I/O, no CLI, no
 * colour, no workbook library.
 *
 * Rules (from the report's own column headings, "Benefits Realisation" section):
 * - Line total = 2019/20 + 2020/21 + 2021/24 ("Total £000").
 * - Line variance = 2020/21 budget − outturn ("Variance Under / (Over) 2020/21 £000").
 *   For costs a positive variance is an underspend; for savings a positive variance is
 *   a shortfall (savings not delivered in the year).
 * - A table's totals are the sums of its lines' figures, column by column, using the
 *   computed line total and variance, never a stated one.
 * - `all-costs` and `all-savings` sum the lines of the tables they cover, never other
 *   stated totals.
 * - Combined adverse movement = savings shortfall − cost underspend (the headline
 *   sentence: "£0.454m reduction in costs offsetting a £1.342m reduction in savings").
 */
import {
  type Amount,
  ZERO,
  absolute,
  add,
  compare,
  subtract,
  sum,
} from '../money/index.js';
import {
  type Field,
  type HeadlineFigure,
  type Line,
  type Programme,
  type SourceCell,
  type Table,
  type TableId,
  type TableKind,
  DERIVED_FIELDS,
  PERIODS,
} from '../model/index.js';
import type { Diagnosis } from './diagnose.js';

/** A line with every figure of its table computed (inputs as given, total and variance recomputed), £000. */
export interface LineResult {
  readonly line: Line;
  /** Every field of the table: inputs copied, `total` and `variance` computed. */
  readonly computed: Readonly<Partial<Record<Field, Amount>>>;
}

/** A table with its lines and its computed TOTAL row, £000. */
export interface TableResult {
  readonly table: Table;
  readonly lines: readonly LineResult[];
  /** The TOTAL row computed from line items (for cross-table rows, from the covered tables' lines). */
  readonly computed: Readonly<Partial<Record<Field, Amount>>>;
}

/**
 * A stated figure that differs from the value computed from line items by more than
 * the tolerance. `difference` = stated − computed (£000).
 */
export interface Discrepancy {
  /** Table id, or `headline` for the Combined Impact sentence. */
  readonly table: TableId | 'headline';
  /** Line id, `TOTAL` for a total row, or the headline figure id. */
  readonly line: string;
  /** The field (`total`, `variance`, `2021/24`, …); `amount` for a headline figure. */
  readonly field: Field | 'amount';
  readonly stated: Amount;
  readonly computed: Amount;
  readonly difference: Amount;
  /** Where the stated figure came from. */
  readonly source: SourceCell;
}

/** A programme-wide position for 2020/21, £000: budget, outturn and variance (budget − outturn). */
export interface Position {
  readonly budget: Amount;
  readonly outturn: Amount;
  readonly variance: Amount;
}

/** A headline figure: what fn-model computes and what the report states (if it does), £000. */
export interface HeadlineResult {
  readonly figure: HeadlineFigure;
  readonly computed: Amount;
  readonly published: Amount | undefined;
  readonly source: SourceCell | undefined;
}

/** Everything the variance report shows; every renderer works from this alone. */
export interface VarianceReport {
  readonly programme: Programme;
  /** Tolerance used for reconciliation, £000 (0 = exact). */
  readonly tolerance: Amount;
  /** All seven tables in the report's order. */
  readonly tables: readonly TableResult[];
  /** Every stated figure that disagrees with its line items, in table/line/field order. */
  readonly discrepancies: readonly Discrepancy[];
  /** All costs (FN programme + BRP investment + NCC investment), computed. Positive variance = underspend. */
  readonly costs: Position;
  /** All savings (BRP + NCC), computed. Positive variance = shortfall. */
  readonly savings: Position;
  /** Combined adverse movement = savings shortfall − cost underspend, computed; and as published. */
  readonly combined: { readonly computed: Amount; readonly published: Amount | undefined };
  /** The three headline figures, computed and as published. */
  readonly headline: readonly HeadlineResult[];
  /**
   * Which stated cells are likeliest wrong (`fn-model diagnose`), when the command asked for it
   * ({@link diagnoseForReport}); absent when not computed. Renderers show a short block.
   */
  readonly diagnosis?: Diagnosis | undefined;
}

/** Options for {@link computeVariance}. */
export interface VarianceOptions {
  /** Differences up to this size (£000, ≥ 0) are not discrepancies. Default 0: exact. */
  readonly tolerance?: Amount;
}

/**
 * Compute a line's figures: inputs as given, `total` = sum of the three periods,
 * `variance` = 2020/21 − outturn. Missing inputs count as zero (the loader refuses
 * blank line cells, so this only happens for fields a table does not have).
 */
export function computeLine(line: Line, fields: readonly Field[]): LineResult {
  const computed: Partial<Record<Field, Amount>> = {};
  for (const field of fields) {
    if (field === 'total') computed.total = sum(PERIODS.map((period) => line.inputs[period] ?? ZERO));
    else if (field === 'variance') computed.variance = subtract(line.inputs['2020/21'] ?? ZERO, line.inputs.outturn ?? ZERO);
    else computed[field] = line.inputs[field] ?? ZERO;
  }
  return { line, computed };
}

/** Sum line results field by field over the given fields (£000). */
export function totalOf(lines: readonly LineResult[], fields: readonly Field[]): Partial<Record<Field, Amount>> {
  const totals: Partial<Record<Field, Amount>> = {};
  for (const field of fields) totals[field] = sum(lines.map((result) => result.computed[field] ?? ZERO));
  return totals;
}

function exceeds(difference: Amount, tolerance: Amount): boolean {
  return compare(absolute(difference), tolerance) > 0;
}

function statedCell(table: Table, field: Field): SourceCell {
  return table.statedSources[field] ?? { file: table.source.file, ...(table.source.sheet ? { sheet: table.source.sheet } : {}), row: 0, column: field };
}

/**
 * Recompute the whole programme and reconcile every stated figure.
 *
 * Takes a loaded {@link Programme} (£000) and returns the {@link VarianceReport}.
 * Stated figures checked: each line's total and variance, every cell of every TOTAL
 * row (including `all-costs` and `all-savings`), and the three headline figures.
 * A stated figure absent from the source ("not stated") is not checked.
 * @throws Error if a cross-table row covers a table that is not in the programme (a loader bug).
 */
export function computeVariance(programme: Programme, options: VarianceOptions = {}): VarianceReport {
  const tolerance = options.tolerance ?? ZERO;
  const discrepancies: Discrepancy[] = [];
  const lineResults = new Map<TableId, readonly LineResult[]>();

  for (const table of programme.tables) {
    lineResults.set(table.id, table.lines.map((line) => computeLine(line, table.fields)));
  }

  const tables: TableResult[] = programme.tables.map((table) => {
    const lines = lineResults.get(table.id) ?? [];
    const covered = table.covers.length === 0
      ? lines
      : table.covers.flatMap((id) => {
          const coveredLines = lineResults.get(id);
          if (!coveredLines) throw new Error(`${table.id} covers ${id}, which is not loaded`);
          return coveredLines.map((result) => computeLine(result.line, table.fields));
        });
    const computed = totalOf(covered, table.fields);

    for (const result of lines) {
      for (const field of DERIVED_FIELDS) {
        const stated = result.line.stated[field];
        const value = result.computed[field];
        if (stated === undefined || value === undefined) continue;
        const difference = subtract(stated, value);
        if (exceeds(difference, tolerance)) {
          discrepancies.push({
            table: table.id, line: result.line.id, field, stated, computed: value, difference,
            source: result.line.sources[field] ?? { file: table.source.file, row: result.line.row, column: field },
          });
        }
      }
    }
    for (const field of table.fields) {
      const stated = table.stated[field];
      const value = computed[field];
      if (stated === undefined || value === undefined) continue;
      const difference = subtract(stated, value);
      if (exceeds(difference, tolerance)) {
        discrepancies.push({ table: table.id, line: 'TOTAL', field, stated, computed: value, difference, source: statedCell(table, field) });
      }
    }
    return { table, lines, computed };
  });

  const costs = positionOf(tables, 'costs');
  const savings = positionOf(tables, 'savings');
  const combinedComputed = subtract(savings.variance, costs.variance);
  const computedHeadline: Record<HeadlineFigure, Amount> = {
    'cost-underspend': costs.variance,
    'savings-shortfall': savings.variance,
    'combined-adverse-movement': combinedComputed,
  };
  const headline: HeadlineResult[] = (Object.keys(computedHeadline) as HeadlineFigure[]).map((figure) => {
    const statement = programme.headline.find((candidate) => candidate.figure === figure);
    return { figure, computed: computedHeadline[figure], published: statement?.amount, source: statement?.source };
  });
  for (const result of headline) {
    if (result.published === undefined || result.source === undefined) continue;
    const difference = subtract(result.published, result.computed);
    if (exceeds(difference, tolerance)) {
      discrepancies.push({ table: 'headline', line: result.figure, field: 'amount', stated: result.published, computed: result.computed, difference, source: result.source });
    }
  }

  return {
    programme,
    tolerance,
    tables,
    discrepancies,
    costs,
    savings,
    combined: { computed: combinedComputed, published: headline.find((result) => result.figure === 'combined-adverse-movement')?.published },
    headline,
  };
}

/**
 * The programme-wide 2020/21 position of one kind (costs or savings), from the
 * computed cross-table row of that kind (`all-costs` / `all-savings`); if the
 * programme has no cross-table row of that kind, from all ordinary tables of that kind.
 */
function positionOf(tables: readonly TableResult[], kind: TableKind): Position {
  const cross = tables.find((result) => result.table.kind === kind && result.table.covers.length > 0);
  const figures = cross
    ? [cross.computed]
    : tables.filter((result) => result.table.kind === kind).map((result) => result.computed);
  const field = (name: Field) => figures.reduce<Amount>((total, values) => add(total, values[name] ?? ZERO), ZERO);
  return { budget: field('2020/21'), outturn: field('outturn'), variance: field('variance') };
}
