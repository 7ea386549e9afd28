/**
 * The reconcile report in each format: `table` (aligned text for people), `json` (the
 * contract in docs/json.md; money as decimal strings) and `csv` (one row per finding).
 * All render the same {@link ReconcileReport}; money is £000.
 */
import { stringify } from 'csv-stringify/sync';
import { type Amount, formatAmount, toDecimalString } from '../money/index.js';
import { type CauseGroup, FINDING_KINDS, type Finding, type FindingGroup, type FindingKind, type ReconcileReport, findingGroups } from '../engine/index.js';
import { cellReference } from '../model/index.js';
import { neutraliseFormula } from './csv-safety.js';
import { largest } from '../extent.js';

/** The reconcile report's output formats. */
export type ReconcileFormat = 'table' | 'json' | 'csv';

/** The columns of a finding, in order (JSON keys and CSV header). */
export const FINDING_COLUMNS = ['kind', 'sheet', 'cell', 'table', 'line', 'field', 'was', 'now', 'difference'] as const;

function money(value: Amount | undefined): string | null {
  return value === undefined ? null : toDecimalString(value);
}

/**
 * One finding as JSON: every column (null when absent) and `expected`; plus `formula` and
 * `dependsOn` on a stale formula, `stated` and `computed` on a discrepancy.
 */
export function findingJson(finding: Finding): Record<string, string | boolean | string[] | null> {
  return {
    kind: finding.kind,
    sheet: finding.sheet ?? null,
    cell: finding.cell ?? null,
    table: finding.table ?? null,
    line: finding.line ?? null,
    field: finding.field ?? null,
    was: money(finding.was),
    now: money(finding.now),
    difference: money(finding.difference),
    ...(finding.formula !== undefined ? { formula: `=${finding.formula}` } : {}),
    ...(finding.dependsOn !== undefined ? { dependsOn: [...finding.dependsOn] } : {}),
    ...(finding.kind === 'discrepancy' ? { stated: money(finding.stated), computed: money(finding.computed) } : {}),
    expected: finding.expected === true,
    ...(sourceReferenceOf(finding) !== undefined ? { source: sourceReferenceOf(finding) ?? null } : {}),
  };
}

/** Where an edited or discrepant figure is in the source dataset, as a cell reference (`book.xlsx!Sheet!G14`), when the source has cell addresses. */
function sourceReferenceOf(finding: Finding): string | undefined {
  return finding.source ? cellReference(finding.source) : undefined;
}

/** The source column, shown for a kind when one of its findings has a source cell (a workbook source). */
const SOURCE_COLUMN: Column = { heading: 'Source', text: (finding) => sourceReferenceOf(finding) ?? '' };

/**
 * The report as a JSON-ready object: `{ workbook, against, unit, tolerance, baseline,
 * findings, groups, summary }` (docs/json.md).
 */
export function reconcileAsJsonValue(report: ReconcileReport) {
  return {
    workbook: report.workbook.path,
    against: report.source.path,
    unit: 'GBP thousands',
    tolerance: toDecimalString(report.tolerance),
    baseline: report.baseline ? { source: report.source.path, discrepancies: report.baseline.discrepancies } : null,
    findings: report.findings.map(findingJson),
    groups: findingGroups(report.findings).map((group) => ({
      kind: group.kind,
      count: group.findings.length,
      expected: group.expected,
      ...(group.causes ? { causes: group.causes.map((cause) => ({ dependsOn: cause.cause ?? null, count: cause.findings.length })) } : {}),
    })),
    summary: {
      ...Object.fromEntries(FINDING_KINDS.map((kind) => [kind, report.summary[kind]])),
      total: report.summary.total,
      expected: report.summary.expected,
      unexpected: report.summary.unexpected,
    },
  };
}

/**
 * The summary line: `8 findings: 0 edited, 0 added, 0 removed, 0 stale-formula, 0 overwritten-formula, 8 discrepancy`,
 * and with a baseline `; 8 expected (published in the source), 0 unexpected`.
 */
export function summaryLine(report: ReconcileReport): string {
  const counts = FINDING_KINDS.map((kind) => `${report.summary[kind]} ${kind}`).join(', ');
  const baseline = report.baseline ? `; ${report.summary.expected} expected (published in the source), ${report.summary.unexpected} unexpected` : '';
  return `${report.summary.total} finding${report.summary.total === 1 ? '' : 's'}: ${counts}${baseline}`;
}

function shown(value: Amount | undefined): string {
  return value === undefined ? '' : formatAmount(value);
}

/** A column of a kind's table: its heading, the cell text of a finding, right-aligned or not. */
interface Column {
  readonly heading: string;
  readonly text: (finding: Finding) => string;
  readonly numeric?: boolean;
}

const PLACE_COLUMNS: readonly Column[] = [
  { heading: 'Sheet', text: (finding) => finding.sheet ?? '' },
  { heading: 'Cell', text: (finding) => finding.cell ?? '' },
  { heading: 'Table', text: (finding) => finding.table ?? '' },
  { heading: 'Line', text: (finding) => finding.line ?? '' },
  { heading: 'Field', text: (finding) => finding.field ?? '' },
];

const WAS_NOW_COLUMNS: readonly Column[] = [
  { heading: 'Was', text: (finding) => shown(finding.was), numeric: true },
  { heading: 'Now', text: (finding) => shown(finding.now), numeric: true },
  { heading: 'Difference', text: (finding) => shown(finding.difference), numeric: true },
];

/** The columns of each kind: discrepancies as `variance` shows them (Stated | Computed | Difference = stated − computed). */
function columnsOf(kind: FindingKind, baseline: boolean): readonly Column[] {
  if (kind === 'discrepancy') {
    return [
      ...PLACE_COLUMNS,
      { heading: 'Stated', text: (finding) => shown(finding.stated), numeric: true },
      { heading: 'Computed', text: (finding) => shown(finding.computed), numeric: true },
      { heading: 'Difference', text: (finding) => shown(finding.difference), numeric: true },
      ...(baseline ? [{ heading: 'Baseline', text: (finding: Finding) => (finding.expected ? 'expected' : 'NEW') }] : []),
    ];
  }
  if (kind === 'stale-formula') return [...PLACE_COLUMNS, { heading: 'Formula', text: (finding) => `=${finding.formula ?? ''}` }, ...WAS_NOW_COLUMNS];
  return [...PLACE_COLUMNS, ...WAS_NOW_COLUMNS];
}

/** What each kind's heading says after its count. */
const KIND_NOTES: Readonly<Record<FindingKind, string>> = {
  edited: 'figures that differ from the source dataset',
  added: 'lines the source dataset lacks',
  removed: 'lines of the source dataset missing from the workbook (Cell: the row each had in the export)',
  'stale-formula': 'formulas whose cached value differs from what their inputs now give, under the edited cell each depends on',
  'overwritten-formula': 'values typed where the export writes a formula',
  discrepancy: 'stated figures that disagree with their line items, as variance reports them (Difference = stated − computed)',
};

/** What a cause line names: the cell and the finding there. */
function causeHeading(cause: CauseGroup): string {
  if (cause.cause === undefined) return 'depending on no edited cell (a row inserted or deleted, or a formula typed in)';
  const found = cause.causeFinding;
  if (!found) return `depending on ${cause.cause}`;
  const change = found.kind === 'edited' ? `edited: ${found.table ?? ''} ${found.line ?? ''} ${found.field ?? ''} ${shown(found.was)} → ${shown(found.now)}`
    : `overwritten formula: ${found.line ?? ''} ${found.field ?? ''}`;
  return `depending on ${cause.cause} (${change.replace(/\s+/g, ' ')})`;
}

/** One kind's findings as aligned rows under its heading; stale formulas in sub-groups by cause. */
function kindSection(group: FindingGroup, baseline: boolean): string[] {
  const columns = [...columnsOf(group.kind, baseline), ...(group.findings.some((finding) => sourceReferenceOf(finding) !== undefined) ? [SOURCE_COLUMN] : [])];
  const texts = (finding: Finding) => columns.map((column) => column.text(finding));
  const all = [columns.map((column) => column.heading), ...group.findings.map(texts)];
  const widths = columns.map((_, index) => largest(all.map((row) => [...(row[index] ?? '')].length)));
  const line = (cells: readonly string[], indent: string) =>
    indent + cells.map((cell, index) => (columns[index]?.numeric ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!))).join('  ').trimEnd();
  const expected = baseline && group.expected > 0 ? ` (${group.expected} expected: published in the source)` : '';
  const lines = [`${group.kind}: ${group.findings.length}${expected}: ${KIND_NOTES[group.kind]}`];
  if (!group.causes) {
    lines.push(line(all[0]!, '  '), ...group.findings.map((finding) => line(texts(finding), '  ')));
    return lines;
  }
  lines.push(line(all[0]!, '    '));
  for (const cause of group.causes) {
    lines.push(`  ${cause.findings.length} ${causeHeading(cause)}`);
    lines.push(...cause.findings.map((finding) => line(texts(finding), '    ')));
  }
  return lines;
}

/**
 * The report as text for people: a heading, then one section per kind of finding present
 * (its count, then aligned rows; stale formulas grouped under the cell they depend on),
 * then the summary line.
 */
export function reconcileAsTable(report: ReconcileReport): string {
  const baseline = report.baseline
    ? `; baseline: the ${report.baseline.discrepancies} discrepanc${report.baseline.discrepancies === 1 ? 'y' : 'ies'} the source publishes are expected`
    : '';
  const heading = `Reconciling ${report.workbook.path} against ${report.source.path}; all amounts £000; tolerance ${toDecimalString(report.tolerance)}${baseline}`;
  const sections = findingGroups(report.findings).map((group) => kindSection(group, report.baseline !== undefined).join('\n'));
  const body = report.findings.length === 0 ? ['No findings: the workbook agrees with its source, every formula is in place and current, and every stated figure agrees with its line items.'] : sections;
  return `${[heading, '', body.join('\n\n'), '', summaryLine(report)].join('\n')}\n`;
}

/** Extra CSV columns after {@link FINDING_COLUMNS} and `formula`. */
const CSV_EXTRA = ['stated', 'computed', 'depends_on', 'expected'] as const;

/**
 * The report as CSV: a header row, then one row per finding (money as decimal text):
 * {@link FINDING_COLUMNS}, `formula`, then `stated`, `computed` (discrepancies),
 * `depends_on` (stale formulas: cells separated by spaces) and `expected` (`yes`/`no`).
 */
export function reconcileAsCsv(report: ReconcileReport): string {
  const rows: string[][] = [[...FINDING_COLUMNS, 'formula', ...CSV_EXTRA]];
  for (const finding of report.findings) {
    const json = findingJson(finding);
    const text = (key: string) => {
      const value = json[key];
      return typeof value === 'string' ? value : '';
    };
    rows.push([
      ...FINDING_COLUMNS.map((column) => (column === 'was' || column === 'now' || column === 'difference' ? text(column) : neutraliseFormula(text(column)))),
      neutraliseFormula(text('formula')),
      text('stated'),
      text('computed'),
      neutraliseFormula((finding.dependsOn ?? []).join(' ')),
      finding.expected === true ? 'yes' : 'no',
    ]);
  }
  return stringify(rows, { record_delimiter: '\n' });
}

/** Render the report in `format` (text ending with a newline). */
export function renderReconcile(report: ReconcileReport, format: ReconcileFormat): string {
  if (format === 'json') return `${JSON.stringify(reconcileAsJsonValue(report), null, 2)}\n`;
  if (format === 'csv') return reconcileAsCsv(report);
  return reconcileAsTable(report);
}
