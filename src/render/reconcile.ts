/**
 * The reconcile report in each format: `table` (aligned text for people), `json` (the
 * contract in docs/json.md; money as decimal strings) and `csv` (one row per finding).
 * All render the same {@link ReconcileReport}; money is £000.
 */
import { stringify } from 'csv-stringify/sync';
import { type Amount, formatAmount, toDecimalString } from '../money/index.js';
import { FINDING_KINDS, type Finding, type ReconcileReport } from '../engine/index.js';
import { neutraliseFormula } from './csv-safety.js';
import { cellReference } from '../model/index.js';

/** The reconcile report's output formats. */
export type ReconcileFormat = 'table' | 'json' | 'csv';

/** The columns of a finding, in order (JSON keys and CSV header). */
export const FINDING_COLUMNS = ['kind', 'sheet', 'cell', 'table', 'line', 'field', 'was', 'now', 'difference'] as const;

function money(value: Amount | undefined): string | null {
  return value === undefined ? null : toDecimalString(value);
}

/** One finding as JSON: every column (null when absent), plus `formula` for a stale formula. */
export function findingJson(finding: Finding): Record<string, string | null> {
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
    ...(sourceReferenceOf(finding) !== undefined ? { source: sourceReferenceOf(finding) ?? null } : {}),
  };
}

/** Where an edited or discrepant figure is in the source dataset, as a cell reference (`book.xlsx!Sheet!G14`), when the source has cell addresses. */
function sourceReferenceOf(finding: Finding): string | undefined {
  return finding.source ? cellReference(finding.source) : undefined;
}

/** The report as a JSON-ready object: `{ workbook, against, unit, tolerance, findings, summary }`. */
export function reconcileAsJsonValue(report: ReconcileReport) {
  return {
    workbook: report.workbook.path,
    against: report.source.path,
    unit: 'GBP thousands',
    tolerance: toDecimalString(report.tolerance),
    findings: report.findings.map(findingJson),
    summary: { ...Object.fromEntries(FINDING_KINDS.map((kind) => [kind, report.summary[kind]])), total: report.summary.total },
  };
}

/** The summary line: `8 findings: 0 edited, 0 added, 0 removed, 0 stale-formula, 0 overwritten-formula, 8 discrepancy`. */
export function summaryLine(report: ReconcileReport): string {
  const counts = FINDING_KINDS.map((kind) => `${report.summary[kind]} ${kind}`).join(', ');
  return `${report.summary.total} finding${report.summary.total === 1 ? '' : 's'}: ${counts}`;
}

function shown(value: Amount | undefined): string {
  return value === undefined ? '' : formatAmount(value);
}

/** The report as aligned text: a heading, one row per finding, the summary line. */
export function reconcileAsTable(report: ReconcileReport): string {
  const heading = `Reconciling ${report.workbook.path} against ${report.source.path}; all amounts £000; tolerance ${toDecimalString(report.tolerance)}`;
  // the source column only when the source has cell addresses (a workbook): where the officer's own figure is
  const withSource = report.findings.some((finding) => sourceReferenceOf(finding) !== undefined);
  const rows: string[][] = [['kind', 'sheet', 'cell', 'table', 'line', 'field', 'was', 'now', 'difference', ...(withSource ? ['source'] : [])]];
  for (const finding of report.findings) {
    rows.push([
      finding.kind, finding.sheet ?? '', finding.cell ?? '', finding.table ?? '', finding.line ?? '', finding.field ?? '', shown(finding.was), shown(finding.now), shown(finding.difference),
      ...(withSource ? [sourceReferenceOf(finding) ?? ''] : []),
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length)));
  const numeric = new Set([6, 7, 8]);
  const lines = rows.map((row) =>
    row.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd(),
  );
  const body = report.findings.length === 0 ? ['No findings: the workbook agrees with its source, every formula is in place and current, and every stated figure agrees with its line items.'] : lines;
  return `${[heading, '', ...body, '', summaryLine(report)].join('\n')}\n`;
}

/** The report as CSV: a header row, then one row per finding (money as decimal text). */
export function reconcileAsCsv(report: ReconcileReport): string {
  const rows = [[...FINDING_COLUMNS, 'formula']];
  for (const finding of report.findings) {
    const json = findingJson(finding);
    rows.push([
      ...FINDING_COLUMNS.map((column) => {
        const value = json[column] ?? '';
        return column === 'was' || column === 'now' || column === 'difference' ? value : neutraliseFormula(value);
      }),
      neutraliseFormula(json.formula ?? ''),
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
