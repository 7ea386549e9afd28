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
 *   reports it (computed from the workbook's figures as they now are). With `baseline`,
 *   a discrepancy the source dataset itself publishes (same table, line, field, stated
 *   and computed value) is `expected`: an auditor's known error, not a change.
 *
 * A removed line's `cell` is the row it had in the export (`5:5`, from the source's line
 * order: docs/audit.md). A stale formula's `dependsOn` lists the edited input cells and
 * overwritten formulas it references (`brp-savings!H6`), so the stale formulas one hand
 * edit causes are grouped under that edit ({@link findingGroups}).
 *
 * Every finding has `was`, `now` and `difference` = now − was (£000):
 * edited: the dataset's value, the workbook's value; added: none, the line's computed
 * total; removed: the line's computed total, none; stale-formula: the cached value, what
 * the inputs now give; overwritten-formula: the value fn-model computes for that position
 * from the workbook's figures as they now are (not a cached value: the overwrite removed
 * it), the typed number (none for text); discrepancy: the computed value, the stated value (so the
 * difference is stated − computed, as in `variance`).
 */
import { type Amount, absolute, amountOf, atSpreadsheetPrecision, compare, equals, isZero, millionsShown, negate, subtract, toDecimalString, ZERO } from '../money/index.js';
import { EXPORT_FIRST_LINE_ROW, FIELD_HEADINGS, FIELD_LABELS, type Field, type Line, type Programme, type SourceCell, type Table } from '../model/index.js';
import { cellLookupOf, evaluateFormula, formulaReferences, type CellLookup, type WorkbookCell } from './formula.js';
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
  /** Cell address (`F12`), or a whole row (`14:14`): an added line's row, or the row a removed line had in the export. */
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
  /**
   * For `stale-formula`: the cells it references that are `edited` or
   * `overwritten-formula` findings (`sheet!A1`, in the order the formula names them);
   * empty when none is (a row inserted or deleted, a formula typed in).
   */
  readonly dependsOn?: readonly string[];
  /** For `discrepancy`: the stated figure and the computed one, in `variance`'s order (Stated | Computed); `was`/`now` hold them reversed. */
  readonly stated?: Amount;
  readonly computed?: Amount;
  /** With a baseline: a discrepancy the source dataset publishes itself (same figures). False otherwise. */
  readonly expected?: boolean;
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
  /** Treat the source dataset's own discrepancies as expected (`reconcile --baseline`). Default false. */
  readonly baseline?: boolean;
}

/** The stale formulas that depend on one cause (an edited cell or an overwritten formula), or on none. */
export interface CauseGroup {
  /** `sheet!A1` of the cause; undefined for stale formulas that reference no edited or overwritten cell. */
  readonly cause: string | undefined;
  /** The finding at the cause (the edit or the overwrite), when there is one. */
  readonly causeFinding: Finding | undefined;
  readonly findings: readonly Finding[];
}

/** The findings of one kind, with counts; stale formulas also grouped by cause. */
export interface FindingGroup {
  readonly kind: FindingKind;
  readonly findings: readonly Finding[];
  /** How many of them are expected (baseline discrepancies). */
  readonly expected: number;
  /** For `stale-formula` only: grouped under the cell each depends on (its first cause). */
  readonly causes?: readonly CauseGroup[];
}

/** Everything `reconcile` reports. */
export interface ReconcileReport {
  readonly workbook: Programme;
  readonly source: Programme;
  readonly tolerance: Amount;
  readonly findings: readonly Finding[];
  /** How many findings of each kind, and in all; `expected` (baseline discrepancies) and `unexpected` (the rest). */
  readonly summary: Readonly<Record<FindingKind, number>> & { readonly total: number; readonly expected: number; readonly unexpected: number };
  /** Whether the source's own discrepancies were taken as expected, and how many the source has. */
  readonly baseline: { readonly discrepancies: number } | undefined;
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
  source.lines.forEach((line, index) => {
    if (workbookIds.has(line.id)) return;
    const total = computeLine(line, ['total']).computed.total ?? ZERO;
    const exportRow = EXPORT_FIRST_LINE_ROW + index;
    findings.push({ kind: 'removed', sheet, cell: `${exportRow}:${exportRow}`, table: workbook.id, line: line.id, field: 'total', was: total, now: undefined, difference: negate(total) });
  });
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
 * The comparison is at the 15 significant digits a spreadsheet holds: the cached value is
 * read as Excel shows it (`amountOfNumberCell`) and compared with fn-model's exact value
 * rounded to 15 digits (`atSpreadsheetPrecision`), so Excel's binary noise
 * (`6.0500000000000007` for 3.1 + 2.95) is not a finding.
 * Formulas outside the evaluable language are not checked (see `formula.ts`).
 */
export function staleFormulas(cells: readonly WorkbookCell[], tolerance: Amount = ZERO): Finding[] {
  const lookup = cellLookupOf(cells);
  const findings: Finding[] = [];
  for (const cell of cells) {
    if (cell.formula === undefined) continue;
    const now = evaluateFormula(cell.formula, cell.sheet, lookup);
    if (now === undefined) continue;
    if (cell.cached !== undefined && compare(absolute(subtract(atSpreadsheetPrecision(now), cell.cached)), tolerance) <= 0) continue;
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
  if (column === 'H') return millionsShown(result.computed);
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

/** `sheet!A1` of a finding's cell (sheet names compared case-insensitively by the caller). */
function placeOf(sheet: string | undefined, cell: string | undefined): string {
  return `${sheet ?? ''}!${cell ?? ''}`;
}

/**
 * The stale formulas with their `dependsOn` filled in: each referenced cell that is one of
 * `causes` (edited cells, overwritten formulas), then sorted so those with the same first
 * cause are together, causes in the order of `causes`, formulas with none last (stable).
 */
export function withCauses(stale: readonly Finding[], causes: readonly Finding[]): Finding[] {
  const order = new Map<string, number>();
  for (const cause of causes) {
    const key = placeOf(cause.sheet, cause.cell).toLowerCase();
    if (cause.sheet !== undefined && cause.cell !== undefined && !order.has(key)) order.set(key, order.size);
  }
  const rank = (finding: Finding) => {
    const first = finding.dependsOn?.[0];
    return first === undefined ? order.size : (order.get(first.toLowerCase()) ?? order.size);
  };
  return stale
    .map((finding) => {
      const references = finding.formula === undefined || finding.sheet === undefined ? [] : (formulaReferences(finding.formula, finding.sheet) ?? []);
      const dependsOn = references.map((reference) => placeOf(reference.sheet, reference.address)).filter((place) => order.has(place.toLowerCase()));
      return { ...finding, dependsOn };
    })
    .sort((a, b) => rank(a) - rank(b));
}

/** Key of a discrepancy for matching against the baseline: table, line, field, stated and computed value. */
function discrepancyKey(table: string, line: string, field: string, stated: Amount, computed: Amount): string {
  return [table, line, field, toDecimalString(stated), toDecimalString(computed)].join('\u0000');
}

/**
 * The findings by kind, in report order, kinds with none left out; stale formulas also
 * grouped under their first cause (see {@link withCauses}), causes in order, none last.
 */
export function findingGroups(findings: readonly Finding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const kind of FINDING_KINDS) {
    const ofKind = findings.filter((finding) => finding.kind === kind);
    if (ofKind.length === 0) continue;
    const expected = ofKind.filter((finding) => finding.expected === true).length;
    if (kind !== 'stale-formula') {
      groups.push({ kind, findings: ofKind, expected });
      continue;
    }
    const causes: { cause: string | undefined; findings: Finding[] }[] = [];
    for (const finding of ofKind) {
      const cause = finding.dependsOn?.[0];
      const group = causes.find((candidate) => candidate.cause === cause);
      if (group) group.findings.push(finding);
      else causes.push({ cause, findings: [finding] });
    }
    causes.sort((a, b) => Number(a.cause === undefined) - Number(b.cause === undefined)); // number-ok: a sort order
    const causeFinding = (cause: string | undefined) => cause === undefined ? undefined
      : findings.find((finding) => (finding.kind === 'edited' || finding.kind === 'overwritten-formula') && placeOf(finding.sheet, finding.cell).toLowerCase() === cause.toLowerCase());
    groups.push({ kind, findings: ofKind, expected, causes: causes.map((group) => ({ ...group, causeFinding: causeFinding(group.cause) })) });
  }
  return groups;
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
  const published = input.baseline ? computeVariance(input.source, { tolerance }).discrepancies : [];
  const expectedKeys = new Set(published.map((item) => discrepancyKey(item.table, item.line, item.field, item.stated, item.computed)));
  const discrepancies: Finding[] = variance.discrepancies.map((item) => {
    const where = sourceCellOf(input.source, item.table, item.line, item.field);
    return {
      kind: 'discrepancy', sheet: item.source.sheet, cell: item.source.cell, table: item.table, line: item.line, field: item.field,
      was: item.computed, now: item.stated, difference: item.difference, stated: item.stated, computed: item.computed,
      expected: expectedKeys.has(discrepancyKey(item.table, item.line, item.field, item.stated, item.computed)),
      ...(where ? { source: where } : {}),
    };
  });
  const compared = compareProgrammes(input.source, input.workbook);
  const overwritten = overwrittenFormulas(input.cells, input.workbook);
  const stale = withCauses(staleFormulas(input.cells, tolerance), [...compared.filter((finding) => finding.kind === 'edited'), ...overwritten]);
  const findings = [...compared, ...stale, ...overwritten, ...discrepancies];
  const counts = Object.fromEntries(FINDING_KINDS.map((kind) => [kind, findings.filter((finding) => finding.kind === kind).length])) as Record<FindingKind, number>;
  const expected = findings.filter((finding) => finding.expected === true).length;
  return {
    workbook: input.workbook, source: input.source, tolerance, findings,
    summary: { ...counts, total: findings.length, expected, unexpected: findings.length - expected },
    baseline: input.baseline ? { discrepancies: published.length } : undefined,
    variance,
  };
}
