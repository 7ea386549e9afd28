/**
 * Reconciling an exported workbook that may have been edited by hand. Pure: both
 * programmes and the workbook's cells are given as data.
 *
 * Findings, in this order:
 * - `edited`: a figure (input or stated) whose value in the workbook differs from the
 *   dataset it was exported from. Lines are matched by table id and line id, never by
 *   row, so an inserted or deleted row is one `added` / `removed` finding, not a cascade.
 * - `added` / `removed`: a line in the workbook but not in the dataset, or the reverse.
 * - `stale-formula`: a formula whose cached value differs from what the cells it
 *   references now give (referenced formulas count as their cached values, so one edit
 *   makes only the formulas that read the edited cell stale, not everything downstream).
 * - `discrepancy`: a stated figure that disagrees with its line items, as `variance`
 *   reports it (computed from the workbook's figures as they now are).
 *
 * Every finding has `was`, `now` and `difference` = now − was (£000):
 * edited: the dataset's value, the workbook's value; added: none, the line's computed
 * total; removed: the line's computed total, none; stale-formula: the cached value, what
 * the inputs now give; discrepancy: the computed value, the stated value (so the
 * difference is stated − computed, as in `variance`).
 */
import { type Amount, absolute, compare, equals, negate, subtract, ZERO } from '../money/index.js';
import type { Field, Line, Programme, Table } from '../model/index.js';
import { cellLookupOf, evaluateFormula, type WorkbookCell } from './formula.js';
import { computeLine, computeVariance, type VarianceReport } from './variance.js';

/** The kinds of finding, in report order. */
export const FINDING_KINDS = ['edited', 'added', 'removed', 'stale-formula', 'discrepancy'] as const;
/** A kind of finding. */
export type FindingKind = (typeof FINDING_KINDS)[number];

/** One thing an auditor should look at, with where it is. Amounts £000; absent = none. */
export interface Finding {
  readonly kind: FindingKind;
  /** Sheet of the workbook (undefined for a removed line's place in the source only). */
  readonly sheet: string | undefined;
  /** Cell address (`F12`), a whole row (`14:14`) for an added line, undefined for a removed one. */
  readonly cell: string | undefined;
  /** Table id, `headline`, or the sheet for a formula outside the tables (`Checks`). */
  readonly table: string | undefined;
  /** Line id, `TOTAL`, `TOTAL (computed)`, a headline figure id, or the row's label. */
  readonly line: string | undefined;
  /** Field (`outturn`, `total`, …), `amount` for a headline figure, or the column's heading. */
  readonly field: string | undefined;
  readonly was: Amount | undefined;
  readonly now: Amount | undefined;
  /** now − was, when both exist; for added/removed, ± the line's total. */
  readonly difference: Amount | undefined;
  /** The formula, for `stale-formula` (without `=`). */
  readonly formula?: string;
}

/** What {@link reconcileWorkbook} needs. */
export interface ReconcileInput {
  /** The dataset the workbook was exported from (the About sheet's source, or `--against`). */
  readonly source: Programme;
  /** The workbook's figures as the loader reads them (stated and input columns). */
  readonly workbook: Programme;
  /** Every cell of the workbook's table, Headline and Checks sheets (formulas with cached values). */
  readonly cells: readonly WorkbookCell[];
  /** Differences up to this (£000) are not discrepancies or stale formulas. Default 0. Edits are always exact. */
  readonly tolerance?: Amount;
}

/** Everything `reconcile` reports. */
export interface ReconcileReport {
  readonly workbook: Programme;
  readonly source: Programme;
  readonly tolerance: Amount;
  readonly findings: readonly Finding[];
  /** How many findings of each kind, and in all. */
  readonly summary: Readonly<Record<FindingKind, number>> & { readonly total: number };
  /** The variance report of the workbook as it now is. */
  readonly variance: VarianceReport;
}

/** The stated-or-input figures of a line, by field. */
function figuresOf(line: Line): Partial<Record<Field, Amount>> {
  return { ...line.inputs, ...line.stated };
}

function differs(was: Amount | undefined, now: Amount | undefined): boolean {
  if (was === undefined || now === undefined) return was !== now;
  return !equals(was, now);
}

function differenceOf(was: Amount | undefined, now: Amount | undefined): Amount | undefined {
  return was !== undefined && now !== undefined ? subtract(now, was) : undefined;
}

/** `edited`, `added` and `removed` findings for one table (matched by line id). */
function compareTable(source: Table, workbook: Table): Finding[] {
  const findings: Finding[] = [];
  const sheet = workbook.source.sheet;
  const sourceLines = new Map(source.lines.map((line) => [line.id, line]));
  const workbookIds = new Set(workbook.lines.map((line) => line.id));
  for (const line of workbook.lines) {
    const was = sourceLines.get(line.id);
    if (!was) {
      const total = computeLine(line, ['total']).computed.total ?? ZERO;
      findings.push({ kind: 'added', sheet, cell: `${line.row}:${line.row}`, table: workbook.id, line: line.id, field: 'total', was: undefined, now: total, difference: total });
      continue;
    }
    const before = figuresOf(was);
    const after = figuresOf(line);
    for (const field of workbook.fields) {
      if (!differs(before[field], after[field])) continue;
      findings.push({
        kind: 'edited', sheet: line.sources[field]?.sheet ?? sheet, cell: line.sources[field]?.cell, table: workbook.id, line: line.id, field,
        was: before[field], now: after[field], difference: differenceOf(before[field], after[field]),
      });
    }
  }
  for (const line of source.lines) {
    if (workbookIds.has(line.id)) continue;
    const total = computeLine(line, ['total']).computed.total ?? ZERO;
    findings.push({ kind: 'removed', sheet, cell: undefined, table: workbook.id, line: line.id, field: 'total', was: total, now: undefined, difference: negate(total) });
  }
  for (const field of workbook.fields) {
    if (!differs(source.stated[field], workbook.stated[field])) continue;
    findings.push({
      kind: 'edited', sheet: workbook.statedSources[field]?.sheet ?? sheet, cell: workbook.statedSources[field]?.cell, table: workbook.id, line: 'TOTAL', field,
      was: source.stated[field], now: workbook.stated[field], difference: differenceOf(source.stated[field], workbook.stated[field]),
    });
  }
  return findings;
}

/**
 * Compare two programmes figure by figure: `edited`, `added` and `removed` findings
 * (lines matched by id), then edited headline statements (compared in £000).
 */
export function compareProgrammes(source: Programme, workbook: Programme): Finding[] {
  const findings: Finding[] = [];
  for (const table of workbook.tables) {
    const before = source.tables.find((candidate) => candidate.id === table.id);
    if (before) findings.push(...compareTable(before, table));
  }
  const figures = new Set([...source.headline.map((item) => item.figure), ...workbook.headline.map((item) => item.figure)]);
  for (const figure of figures) {
    const was = source.headline.find((item) => item.figure === figure);
    const now = workbook.headline.find((item) => item.figure === figure);
    if (!differs(was?.amount, now?.amount)) continue;
    findings.push({
      kind: 'edited', sheet: now?.source.sheet, cell: now?.source.cell, table: 'headline', line: figure, field: 'amount',
      was: was?.amount, now: now?.amount, difference: differenceOf(was?.amount, now?.amount),
    });
  }
  return findings.sort((a, b) => FINDING_KINDS.indexOf(a.kind) - FINDING_KINDS.indexOf(b.kind));
}

/**
 * Every formula cell whose cached value differs (beyond `tolerance`) from what its
 * referenced cells now give, or that has no cached number although it can be evaluated.
 * Formulas outside the evaluable language are not checked (see `formula.ts`).
 */
export function staleFormulas(cells: readonly WorkbookCell[], tolerance: Amount = ZERO): Finding[] {
  const lookup = cellLookupOf(cells);
  const findings: Finding[] = [];
  for (const cell of cells) {
    if (cell.formula === undefined) continue;
    const now = evaluateFormula(cell.formula, cell.sheet, lookup);
    if (now === undefined) continue;
    if (cell.cached !== undefined && compare(absolute(subtract(now, cell.cached)), tolerance) <= 0) continue;
    findings.push({
      kind: 'stale-formula', sheet: cell.sheet, cell: cell.address,
      table: cell.label?.table ?? cell.sheet, line: cell.label?.line, field: cell.label?.field,
      was: cell.cached, now, difference: differenceOf(cell.cached, now), formula: cell.formula,
    });
  }
  return findings;
}

/** Reconcile an exported workbook: see the module comment for the findings and their order. */
export function reconcileWorkbook(input: ReconcileInput): ReconcileReport {
  const tolerance = input.tolerance ?? ZERO;
  const variance = computeVariance(input.workbook, { tolerance });
  const discrepancies: Finding[] = variance.discrepancies.map((item) => ({
    kind: 'discrepancy', sheet: item.source.sheet, cell: item.source.cell, table: item.table, line: item.line, field: item.field,
    was: item.computed, now: item.stated, difference: item.difference,
  }));
  const findings = [...compareProgrammes(input.source, input.workbook), ...staleFormulas(input.cells, tolerance), ...discrepancies];
  const counts = Object.fromEntries(FINDING_KINDS.map((kind) => [kind, findings.filter((finding) => finding.kind === kind).length])) as Record<FindingKind, number>;
  return { workbook: input.workbook, source: input.source, tolerance, findings, summary: { ...counts, total: findings.length }, variance };
}
