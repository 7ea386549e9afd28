/**
 * The variance report as JSON: the contract scripts and auditors rely on
 * (documented field by field in docs/json.md). Money is always a decimal string in
 * £000 (`"-158"`), never a JSON number; a figure the source does not state is `null`.
 */
import { type Amount, toDecimalString } from '../money/index.js';
import type { Field, SourceCell } from '../model/index.js';
import type { TableResult, VarianceReport } from '../engine/index.js';
import type { Diagnosis } from '../engine/diagnose.js';
import { solutionJson } from './diagnose-json.js';

type FieldValues = Partial<Record<Field, string | null>>;

function money(value: Amount | undefined): string | null {
  return value === undefined ? null : toDecimalString(value);
}

function figures(values: Readonly<Partial<Record<Field, Amount>>>, fields: readonly Field[]): FieldValues {
  const out: FieldValues = {};
  for (const field of fields) out[field] = money(values[field]);
  return out;
}

/** A source cell as JSON: `{ file, sheet, row, column }`, sheet `null` for CSV (plus `cell` for workbooks). */
export function sourceJson(source: SourceCell): Record<string, string | number | null> {
  return {
    file: source.file,
    sheet: source.sheet ?? null,
    row: source.row,
    column: source.column,
    ...(source.cell ? { cell: source.cell } : {}),
  };
}

function tableJson(result: TableResult) {
  const { table } = result;
  return {
    id: table.id,
    title: table.title,
    totalName: table.totalName ?? null,
    kind: table.kind,
    ...(table.covers.length > 0 ? { covers: [...table.covers] } : {}),
    lines: result.lines.map((line) => ({
      line: line.line.id,
      name: line.line.name,
      ...figures(line.computed, table.fields),
      stated: { total: money(line.line.stated.total), variance: money(line.line.stated.variance) },
      source: { file: table.source.file, sheet: table.source.sheet ?? null, row: line.line.row },
    })),
    computed: figures(result.computed, table.fields),
    stated: figures(table.stated, table.fields),
  };
}

function outturnJson(report: VarianceReport) {
  const source = report.programme.outturnSource;
  if (!source) return { source: 'dataset' };
  return {
    source: source.kind,
    ledger: source.ledger,
    map: source.map,
    lines: [...source.lines],
    unmappedLines: [...source.unmappedLines],
    unmappedRows: source.unmappedRows,
    unmappedAmount: toDecimalString(source.unmappedAmount),
  };
}

/**
 * The short diagnosis (docs/json.md): the rules that do not hold, the likeliest correction in
 * full, how many minimum corrections there are, and the headline under the "stated totals
 * are wrong" reading.
 */
function diagnosisBriefJson(diagnosis: Diagnosis) {
  const best = diagnosis.solutions[0];
  return {
    violated: diagnosis.violated.map((rule) => rule.id),
    likeliest: best ? solutionJson(best, 1) : null,
    minimumSolutions: diagnosis.solutions.length + diagnosis.more,
    moreAtLeast: diagnosis.moreAtLeast,
    statedTotalsWrong: diagnosis.statedTotalsWrong
      ? { changes: diagnosis.statedTotalsWrong.changes.length, headline: solutionJson(diagnosis.statedTotalsWrong, null).headline }
      : null,
    complete: diagnosis.search.complete,
  };
}

/**
 * The report as a JSON-ready object:
 * `{ dataset, unit: "GBP thousands", tolerance, tables, discrepancies, costs, savings, combined, headline }`.
 */
export function varianceAsJsonValue(report: VarianceReport) {
  return {
    dataset: { name: report.programme.name, path: report.programme.path },
    unit: 'GBP thousands',
    tolerance: toDecimalString(report.tolerance),
    outturn: outturnJson(report),
    tables: report.tables.map(tableJson),
    discrepancies: report.discrepancies.map((item) => ({
      table: item.table,
      line: item.line,
      field: item.field,
      stated: toDecimalString(item.stated),
      computed: toDecimalString(item.computed),
      difference: toDecimalString(item.difference),
      source: sourceJson(item.source),
    })),
    costs: {
      budget: toDecimalString(report.costs.budget),
      outturn: toDecimalString(report.costs.outturn),
      variance: toDecimalString(report.costs.variance),
    },
    savings: {
      budget: toDecimalString(report.savings.budget),
      outturn: toDecimalString(report.savings.outturn),
      variance: toDecimalString(report.savings.variance),
    },
    combined: { computed: toDecimalString(report.combined.computed), published: money(report.combined.published) },
    headline: report.headline.map((item) => ({
      figure: item.figure,
      computed: toDecimalString(item.computed),
      published: money(item.published),
    })),
    ...(report.diagnosis ? { diagnosis: diagnosisBriefJson(report.diagnosis) } : {}),
  };
}

/** The report as JSON text (2-space indent, trailing newline). */
export function varianceAsJson(report: VarianceReport): string {
  return `${JSON.stringify(varianceAsJsonValue(report), null, 2)}\n`;
}
