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
 * - `overwritten-formula`: a position where `fn-model export` writes a formula (a
 *   "(computed)" column of a line row, a `TOTAL (computed)` row, the Headline sheet's
 *   "(computed)" columns, the Checks sheet's count and formula columns) that now holds a
 *   typed value (a number or text) instead. Blank positions are not reported.
 * - `discrepancy`: a stated figure that disagrees with its line items, as `variance`
 *   reports it (computed from the workbook's figures as they now are).
 *
 * Every finding has `was`, `now` and `difference` = now − was (£000):
 * edited: the dataset's value, the workbook's value; added: none, the line's computed
 * total; removed: the line's computed total, none; stale-formula: the cached value, what
 * the inputs now give; overwritten-formula: the value fn-model computes for that position
 * from the workbook's figures as they now are (not a cached value: the overwrite removed
 * it), the typed number (none for text); discrepancy: the computed value, the stated value (so the
 * difference is stated − computed, as in `variance`).
 */
import { type Amount, absolute, amountOf, compare, equals, isZero, negate, subtract, ZERO } from '../money/index.js';
import { FIELD_HEADINGS, FIELD_LABELS, type Field, type Line, type Programme, type SourceCell, type Table } from '../model/index.js';
import { cellLookupOf, evaluateFormula, type CellLookup, type WorkbookCell } from './formula.js';
import { computeLine, computeVariance, type TableResult, type VarianceReport } from './variance.js';

/** The kinds of finding, in report order. */
export const FINDING_KINDS = ['edited', 'added', 'removed', 'stale-formula', 'overwritten-formula', 'discrepancy'] as const;
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
  /** Where the figure is in the source dataset (an edited or discrepant figure), so a finding points at the officer's own cell. */
  readonly source?: SourceCell;
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
        ...(was.sources[field] ? { source: was.sources[field] } : {}),
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
      ...(source.statedSources[field] ? { source: source.statedSources[field] } : {}),
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
      ...(was ? { source: was.source } : {}),
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

/** The suffix of the export's computed column headings and row labels. */
const COMPUTED = /\s*\(\s*computed\s*\)$/i;

/** The Checks sheet's formula columns, by column letter, with the headings the export writes (`src/render/xlsx-export.ts`). */
export const CHECKS_FORMULA_COLUMNS = {
  E: 'Stated',
  F: 'Computed',
  G: 'Difference (stated − computed)',
  H: 'Disagrees (1 = yes)',
} as const;

/** The Checks sheet's count cell and the start of its label. */
const CHECKS_COUNT = { address: 'H2', label: 'Discrepancies' } as const;

const FIELDS = Object.keys(FIELD_LABELS) as Field[];

/** The field a heading names: a field id, its report label or its CSV heading, with or without "(computed)". */
function fieldOfHeading(heading: string): Field | undefined {
  const bare = heading.replace(COMPUTED, '').trim().toLowerCase();
  return FIELDS.find((field) => field.toLowerCase() === bare || FIELD_LABELS[field].toLowerCase() === bare || FIELD_HEADINGS[field].toLowerCase() === bare);
}

function rowOf(address: string): number {
  return Number(/\d+$/.exec(address)?.[0] ?? 0); // number-ok: a row number
}

function columnOf(address: string): string {
  return /^[A-Z]+/.exec(address)?.[0] ?? '';
}

/** What fn-model computes for a table sheet's formula position, or `null` when the cell is not one. */
function tablePosition(cell: WorkbookCell, result: TableResult): Amount | undefined | null {
  const label = cell.label;
  if (!label) return null;
  const field = fieldOfHeading(label.field);
  if (field === undefined || !result.table.fields.includes(field)) return null;
  const computedColumn = COMPUTED.test(label.field);
  if (label.line === 'TOTAL (computed)') {
    // the stated Total and Variance columns are blank on the computed row; every other field column is a formula
    if (!computedColumn && (field === 'total' || field === 'variance')) return null;
    return result.computed[field];
  }
  if (!computedColumn) return null;
  const line = result.lines.find((candidate) => candidate.line.id === label.line);
  return line ? line.computed[field] : null;
}

/** Stated and computed values of one Checks row (table, line, field as the export writes them), or undefined. */
function checkOf(variance: VarianceReport, table: string, line: string, heading: string): { stated: Amount; computed: Amount } | undefined {
  if (table === 'headline') {
    const result = variance.headline.find((candidate) => candidate.figure === line);
    return result?.published !== undefined && heading === 'amount' ? { stated: result.published, computed: result.computed } : undefined;
  }
  const result = variance.tables.find((candidate) => candidate.table.id === table);
  const field = fieldOfHeading(heading);
  if (!result || field === undefined) return undefined;
  if (line === 'TOTAL') {
    const stated = result.table.stated[field];
    const computed = result.computed[field];
    return stated !== undefined && computed !== undefined ? { stated, computed } : undefined;
  }
  const found = result.lines.find((candidate) => candidate.line.id === line);
  const stated = found?.line.stated[field];
  const computed = found?.computed[field];
  return stated !== undefined && computed !== undefined ? { stated, computed } : undefined;
}

/** What fn-model computes for a Checks sheet formula position, or `null` when the cell is not one. */
function checksPosition(cell: WorkbookCell, variance: VarianceReport, lookup: CellLookup): Amount | undefined | null {
  if (cell.address === CHECKS_COUNT.address) {
    return cell.label?.line.startsWith(CHECKS_COUNT.label) ? amountOf(String(variance.discrepancies.length)) : null;
  }
  const column = columnOf(cell.address) as keyof typeof CHECKS_FORMULA_COLUMNS;
  if (!(column in CHECKS_FORMULA_COLUMNS) || cell.label?.field !== CHECKS_FORMULA_COLUMNS[column]) return null;
  const row = rowOf(cell.address);
  const textAt = (letter: string) => lookup(cell.sheet, `${letter}${row}`)?.text?.trim() ?? '';
  const check = checkOf(variance, textAt('A'), textAt('B'), textAt('C'));
  if (!check) return null;
  const difference = subtract(check.stated, check.computed);
  if (column === 'E') return check.stated;
  if (column === 'F') return check.computed;
  if (column === 'G') return difference;
  return amountOf(isZero(difference) ? '0' : '1');
}

/** What fn-model computes for a Headline sheet formula position, or `null` when the cell is not one. */
function headlinePosition(cell: WorkbookCell, variance: VarianceReport): Amount | undefined | null {
  const label = cell.label;
  if (!label || !COMPUTED.test(label.field)) return null;
  const result = variance.headline.find((candidate) => candidate.figure === label.line.replace(COMPUTED, '').trim());
  if (!result) return null;
  const column = columnOf(cell.address);
  if (column === 'F') return result.computed;
  if (result.published === undefined) return null;
  if (column === 'E') return result.published;
  if (column === 'G') return subtract(result.published, result.computed);
  return null;
}

/**
 * Every position where `fn-model export` writes a formula that now holds a typed number
 * or text (see the module comment). The positions are recognised from the export's
 * labels (computed headings, `TOTAL (computed)` rows, the Checks sheet's headings and
 * row labels), so a workbook not written by `fn-model export` has none. `was` is what
 * fn-model computes for the position from `workbook` (exactly, tolerance 0); `now` the
 * typed number (undefined for text). Always reported, whatever the tolerance: the cell no
 * longer recalculates.
 */
export function overwrittenFormulas(cells: readonly WorkbookCell[], workbook: Programme): Finding[] {
  const variance = computeVariance(workbook, { tolerance: ZERO });
  const lookup = cellLookupOf(cells);
  const findings: Finding[] = [];
  for (const cell of cells) {
    if (cell.formula !== undefined) continue;
    if (cell.value === undefined && (cell.text === undefined || cell.text.trim() === '')) continue;
    const table = variance.tables.find((candidate) => candidate.table.id === cell.sheet);
    const was = table ? tablePosition(cell, table)
      : cell.sheet === 'Checks' ? checksPosition(cell, variance, lookup)
        : cell.sheet === 'Headline' ? headlinePosition(cell, variance)
          : null;
    if (was === null) continue;
    findings.push({
      kind: 'overwritten-formula', sheet: cell.sheet, cell: cell.address,
      table: cell.label?.table ?? cell.sheet, line: cell.label?.line, field: cell.label?.field,
      was, now: cell.value, difference: differenceOf(was, cell.value),
    });
  }
  return findings;
}

/** Where a stated figure (`table`, line id or `TOTAL` or headline figure, field) is in a dataset, if it is there. */
function sourceCellOf(programme: Programme, table: string, line: string, field: string): SourceCell | undefined {
  if (table === 'headline') return programme.headline.find((item) => item.figure === line)?.source;
  const found = programme.tables.find((candidate) => candidate.id === table);
  if (!found) return undefined;
  const sources = line === 'TOTAL' ? found.statedSources : found.lines.find((candidate) => candidate.id === line)?.sources;
  return sources?.[field as Field];
}

/** Reconcile an exported workbook: see the module comment for the findings and their order. */
export function reconcileWorkbook(input: ReconcileInput): ReconcileReport {
  const tolerance = input.tolerance ?? ZERO;
  const variance = computeVariance(input.workbook, { tolerance });
  const discrepancies: Finding[] = variance.discrepancies.map((item) => {
    const where = sourceCellOf(input.source, item.table, item.line, item.field);
    return {
      kind: 'discrepancy', sheet: item.source.sheet, cell: item.source.cell, table: item.table, line: item.line, field: item.field,
      was: item.computed, now: item.stated, difference: item.difference,
      ...(where ? { source: where } : {}),
    };
  });
  const findings = [...compareProgrammes(input.source, input.workbook), ...staleFormulas(input.cells, tolerance), ...overwrittenFormulas(input.cells, input.workbook), ...discrepancies];
  const counts = Object.fromEntries(FINDING_KINDS.map((kind) => [kind, findings.filter((finding) => finding.kind === kind).length])) as Record<FindingKind, number>;
  return { workbook: input.workbook, source: input.source, tolerance, findings, summary: { ...counts, total: findings.length }, variance };
}
