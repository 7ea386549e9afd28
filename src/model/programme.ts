/**
 * The domain model of a programme finance dataset, as the March 2021 Future Northants
 * programme status report ("Benefits Realisation") lays it out.
 *
 * All amounts in tables are £000 as published. Values held here are exactly what the
 * source said: inputs (period budgets, outturn, delayed analysis) and *stated* figures
 * (line totals, line variances, the TOTAL row, the headline). The engine computes; it
 * never overwrites a stated figure.
 */
import type { Amount } from '../money/index.js';

/** The budget periods of the report, in order: actual 2019/20, budget 2020/21, plan 2021/24. */
export const PERIODS = ['2019/20', '2020/21', '2021/24'] as const;
/** One of the report's budget periods. */
export type Period = (typeof PERIODS)[number];

/**
 * Every figure column a table can have, in the report's column order.
 * - `2019/20`, `2020/21`, `2021/24`: the period columns (£000);
 * - `total`: "Total £000", the sum of the three periods;
 * - `outturn`: "Year End Outturn Projection 2020/21 £000";
 * - `variance`: "Variance Under / (Over) 2020/21 £000" = 2020/21 budget − outturn;
 * - `delayedWholly`, `delayedPartly`: NCC savings only, "Delayed but wholly / partly
 *   deliverable in 2021/22 £000" (the further analysis of the 2020/21 variance).
 */
export const FIELDS = ['2019/20', '2020/21', '2021/24', 'total', 'outturn', 'variance', 'delayedWholly', 'delayedPartly'] as const;
/** A figure column. */
export type Field = (typeof FIELDS)[number];

/** The fields of a line that are inputs (everything else on a line is computed and, if given, stated). */
export const INPUT_FIELDS: readonly Field[] = ['2019/20', '2020/21', '2021/24', 'outturn', 'delayedWholly', 'delayedPartly'];
/** The fields of a line that the report states but that fn-model computes from the inputs. */
export const DERIVED_FIELDS: readonly Field[] = ['total', 'variance'];

/** Whether a table is of costs (positive variance = underspend) or savings (positive variance = shortfall). */
export type TableKind = 'costs' | 'savings';

/** The table ids of the bundled report, in the report's order. */
export const TABLE_IDS = ['fn-costs', 'brp-investment', 'brp-savings', 'ncc-investment', 'ncc-savings', 'all-costs', 'all-savings'] as const;
/** A table id. */
export type TableId = (typeof TABLE_IDS)[number];

/** Where a figure came from: file (and sheet for a workbook), 1-based row, column name. */
export interface SourceCell {
  /** The path as the user gave it (or the bundled dataset's path). */
  readonly file: string;
  /** Sheet name, for workbooks only. */
  readonly sheet?: string;
  /** 1-based row in the file or sheet (the header is usually row 1 in CSV). */
  readonly row: number;
  /** The canonical column name (`outturn`, `2020/21`, …). */
  readonly column: string;
  /** Spreadsheet cell address (`F12`), for workbooks only. */
  readonly cell?: string;
}

/**
 * A source cell as a spreadsheet reference the officer can go to: `book.xlsx!Sheet!G14`
 * (workbooks), `book.csv!G14` (a CSV saved from a sheet), or `undefined` when the source
 * has no cell address (a CSV folder, whose place is its file, row and column name).
 */
export function cellReference(source: SourceCell): string | undefined {
  if (source.cell === undefined) return undefined;
  return source.sheet !== undefined ? `${source.file}!${source.sheet}!${source.cell}` : `${source.file}!${source.cell}`;
}

/** One line of a table (e.g. `BRR04 - CFN Improving Fostering`), £000. */
export interface Line {
  /** The line id (`BRR04`, `Adults`, `Staff Costs`). Unique within its table. */
  readonly id: string;
  /** The line's name as published. */
  readonly name: string;
  /** Input figures: the three periods and outturn always; delayed analysis for NCC savings. */
  readonly inputs: Readonly<Partial<Record<Field, Amount>>>;
  /** Figures the source states for this line that fn-model recomputes (`total`, `variance`). */
  readonly stated: Readonly<Partial<Record<Field, Amount>>>;
  /** Where each figure (input or stated) came from. */
  readonly sources: Readonly<Partial<Record<Field, SourceCell>>>;
  /** 1-based row of the line in its file or sheet. */
  readonly row: number;
  /**
   * Scenarios only (never loaded): the net amount slips have moved from this line's 2020/21
   * outturn into its 2021/24 plan (less any brought forward), £000. It is part of the
   * 2020/21 shortfall but already in the plan, so it is not "not deliverable". Absent = nil.
   */
  readonly slippedToPlan?: Amount;
}

/** A table as published: lines, then the stated TOTAL row. */
export interface Table {
  readonly id: TableId;
  /** The published block's title (e.g. "Business Rates Funded Projects - Investment / Costs"). */
  readonly title: string;
  readonly kind: TableKind;
  /** The figure columns this table has, in order. */
  readonly fields: readonly Field[];
  /** The lines (empty for the cross-table rows `all-costs`, `all-savings`). */
  readonly lines: readonly Line[];
  /** The TOTAL row as stated; a field that is absent was "not stated" (blank). */
  readonly stated: Readonly<Partial<Record<Field, Amount>>>;
  /** The TOTAL row's label as the source gives it (e.g. "Total FN Programme Costs"), if any. */
  readonly totalName?: string;
  /** Where each TOTAL figure came from. */
  readonly statedSources: Readonly<Partial<Record<Field, SourceCell>>>;
  /** For cross-table rows: the tables whose lines it sums (`all-costs` = FN + BRP + NCC investment). */
  readonly covers: readonly TableId[];
  /** The file (and sheet) the table came from. */
  readonly source: { readonly file: string; readonly sheet?: string };
}

/** The headline figures the report states in its "Combined Impact" sentence. */
export const HEADLINE_FIGURES = ['cost-underspend', 'savings-shortfall', 'combined-adverse-movement'] as const;
/** A headline figure id. */
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];

/** One stated headline figure, converted to £000 (the sentence states £m). */
export interface HeadlineStatement {
  readonly figure: HeadlineFigure;
  /** The words of the report (e.g. "£0.454m reduction in costs"). */
  readonly description: string;
  /** The stated amount in £000 (0.454 £m → 454). */
  readonly amount: Amount;
  /** The amount exactly as stated, in its own unit. */
  readonly statedText: string;
  readonly unit: '£m' | '£000';
  readonly source: SourceCell;
}

/**
 * Where the outturn column came from when it is not the dataset's own projection:
 * `fn-model variance --actuals LEDGER --map MAP` replaces each mapped line's outturn
 * with its ledger actuals (£000, exact).
 */
export interface OutturnSource {
  readonly kind: 'ledger actuals';
  /** The ledger and map paths as the user gave them. */
  readonly ledger: string;
  readonly map: string;
  /** Lines whose outturn now comes from the ledger, as `table.line`. */
  readonly lines: readonly string[];
  /** Lines the map does not name, which keep the dataset's outturn, as `table.line`. */
  readonly unmappedLines: readonly string[];
  /** Ledger rows the map does not cover, and their total in £000 (ledger sign). */
  readonly unmappedRows: number;
  readonly unmappedAmount: Amount;
}

/** A whole dataset: the seven tables and the headline. */
export interface Programme {
  /** A short name for the dataset (folder or workbook name, e.g. `march-2021`). */
  readonly name: string;
  /** The path it was read from. */
  readonly path: string;
  /** The seven tables, in {@link TABLE_IDS} order. */
  readonly tables: readonly Table[];
  /** The headline statements, in {@link HEADLINE_FIGURES} order; may be empty if not given. */
  readonly headline: readonly HeadlineStatement[];
  /** Present when the outturn column was replaced (e.g. by ledger actuals); absent = the dataset's own. */
  readonly outturnSource?: OutturnSource;
}
