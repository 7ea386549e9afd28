/**
 * The fixed layout of the report's tables: ids, titles, kinds, columns, and which
 * tables the cross-table rows sum. Source: the "Benefits Realisation" section of the
 * March 2021 Future Northants programme status report.
 */
import type { Field, TableId, TableKind } from './programme.js';

/** What the report says a table is. */
export interface TableLayout {
  readonly id: TableId;
  readonly title: string;
  readonly kind: TableKind;
  readonly fields: readonly Field[];
  /** Tables whose lines a cross-table row sums; empty for ordinary tables. */
  readonly covers: readonly TableId[];
}

const STANDARD: readonly Field[] = ['2019/20', '2020/21', '2021/24', 'total', 'outturn', 'variance'];
const WITH_DELAY: readonly Field[] = [...STANDARD, 'delayedWholly', 'delayedPartly'];

/** The seven tables, in the report's order (the five blocks, then the two cross-table rows). */
export const TABLE_LAYOUTS: readonly TableLayout[] = [
  { id: 'fn-costs', title: 'Future Northants Programme Costs', kind: 'costs', fields: STANDARD, covers: [] },
  { id: 'brp-investment', title: 'Business Rates Funded Projects - Investment / Costs', kind: 'costs', fields: STANDARD, covers: [] },
  { id: 'brp-savings', title: 'Business Rates Funded Projects - Savings', kind: 'savings', fields: STANDARD, covers: [] },
  { id: 'ncc-investment', title: 'NCC Transformation - Investment/Costs', kind: 'costs', fields: STANDARD, covers: [] },
  { id: 'ncc-savings', title: 'NCC Transformation - Savings', kind: 'savings', fields: WITH_DELAY, covers: [] },
  { id: 'all-costs', title: 'Total costs (FN programme + Business Rates + NCC Transformation)', kind: 'costs', fields: STANDARD, covers: ['fn-costs', 'brp-investment', 'ncc-investment'] },
  { id: 'all-savings', title: 'Total savings (Business Rates + NCC Transformation)', kind: 'savings', fields: WITH_DELAY, covers: ['brp-savings', 'ncc-savings'] },
];

/** The layout of a table id. @throws Error for an unknown id (a programming error). */
export function layoutOf(id: TableId): TableLayout {
  const layout = TABLE_LAYOUTS.find((candidate) => candidate.id === id);
  if (!layout) throw new Error(`unknown table id ${id}`);
  return layout;
}

/** Column headings for each field as the CSVs and exported workbooks name them. */
export const FIELD_HEADINGS: Readonly<Record<Field, string>> = {
  '2019/20': '2019/20',
  '2020/21': '2020/21',
  '2021/24': '2021/24',
  total: 'total',
  outturn: 'outturn',
  variance: 'variance',
  delayedWholly: 'delayed_wholly',
  delayedPartly: 'delayed_partly',
};

/** Column headings for each field as the report prints them (short form), for tables and workbooks. */
export const FIELD_LABELS: Readonly<Record<Field, string>> = {
  '2019/20': '2019/20',
  '2020/21': '2020/21',
  '2021/24': '2021/24',
  total: 'Total',
  outturn: 'Outturn',
  variance: 'Variance',
  delayedWholly: 'Delayed wholly',
  delayedPartly: 'Delayed partly',
};

/**
 * The spreadsheet row of a table's first line on its sheet of the audit workbook
 * `fn-model export` writes (row 1 the title, row 2 the header; docs/audit.md): line `i`
 * (0-based, in the dataset's order) is on row `EXPORT_FIRST_LINE_ROW + i`. `reconcile`
 * uses it to say where a removed line was.
 */
export const EXPORT_FIRST_LINE_ROW = 3;
