/**
 * The edit rules of a dataset: every arithmetic relation the published report asserts
 * between its stated cells, derived from the model (never hand-listed), in the form that
 * Fellegi–Holt error localisation needs (Fellegi & Holt 1976, "A systematic approach to
 * automatic edit and imputation"; Statistics Netherlands' `validate` / `errorlocate`).
 * Pure: no I/O.
 *
 * A *cell* is one stated value of the source: a line's inputs (periods, outturn, delayed
 * analysis), a line's stated total and variance, a TOTAL row cell, a cross-table row cell,
 * or a headline figure. Every rule is linear with integer coefficients over cells:
 *
 *     Σ coefficient × cell = 0        (exact rules)
 *     |Σ coefficient × cell| ≤ slack  (headline rules: the report states £m rounded; the
 *                                      final check rounds half away from zero, exactly)
 *
 * The rules, each named after the cell it defines (`brp-savings.BRR09.variance`):
 * - `line-total`: a line's stated total = 2019/20 + 2020/21 + 2021/24 ("Total £000");
 * - `line-variance`: a line's stated variance = 2020/21 − outturn ("Variance Under /
 *   (Over)"; the same arithmetic for costs and savings, read as underspend or shortfall);
 * - `table-total`: a TOTAL row cell = the sum of its lines' cells in that column (a line's
 *   stated total or variance when it states one, else the inputs it is computed from);
 * - `cross-table`: an `all-costs` / `all-savings` cell = the sum of the covered tables'
 *   TOTAL cells in that column (a covered table's lines when its TOTAL cell is blank);
 * - `headline`: cost underspend = the all-costs variance, savings shortfall = the
 *   all-savings variance, combined adverse movement = all-savings variance − all-costs
 *   variance, each as stated in £m: it holds when the stated figure is within half a unit
 *   of its last stated place (£0.001m = £1k for `0.888`), the rounding the report uses.
 *
 * A cell the source leaves blank ("not stated") is no cell: rules that would name it use
 * what it is computed from instead, and no rule defines it.
 */
import { type Amount, ZERO, add, amountOf, divide, equals, isZero, multiply, roundTo, subtract } from '../money/index.js';
import {
  DERIVED_FIELDS,
  FIELD_HEADINGS,
  PERIODS,
  type Field,
  type HeadlineFigure,
  type HeadlineStatement,
  type Line,
  type Programme,
  type SourceCell,
  type Table,
  type TableId,
} from '../model/index.js';

/**
 * What kind of stated cell a cell is, for reliability weights (`diagnose --weights`):
 * `line-input` (a line's periods, outturn, delayed analysis), `line-stated` (a line's
 * stated total or variance), `table-total` (a TOTAL row cell of an ordinary table),
 * `cross-table` (an `all-costs` / `all-savings` cell), `headline` (the £m sentence).
 */
export const CELL_CLASSES = ['line-input', 'line-stated', 'table-total', 'cross-table', 'headline'] as const;
/** A cell class. */
export type CellClass = (typeof CELL_CLASSES)[number];

/** One stated cell of the dataset, as the rules name it. Amounts £000. */
export interface RuleCell {
  /** `table.line.column` (`brp-savings.BRR09.outturn`, `all-savings.TOTAL.2021/24`, `headline.savings-shortfall.amount`), as `explain` takes it. */
  readonly key: string;
  readonly table: TableId | 'headline';
  /** Line id, `TOTAL`, or the headline figure id. */
  readonly line: string;
  /** The model field, or `amount` for a headline figure. */
  readonly field: Field | 'amount';
  /** The column as the CSV headings name it (`outturn`, `delayed_wholly`, `amount`). */
  readonly column: string;
  readonly cellClass: CellClass;
  /** The stated value, £000 (a headline's £m converted exactly). */
  readonly stated: Amount;
  /** Where it came from (absent for cells built in memory without a source). */
  readonly source: SourceCell | undefined;
  /** Headline cells only: the text and unit as stated (`0.888`, `£m`). */
  readonly statedText?: string;
  readonly unit?: '£m' | '£000';
}

/** One term of a rule: coefficient × the cell at `cell` (an index into {@link RuleSet.cells}). */
export interface RuleTerm {
  readonly cell: number;
  readonly coefficient: number;
}

/** The kinds of rule, in the order they are listed. */
export const RULE_KINDS = ['line-total', 'line-variance', 'table-total', 'cross-table', 'headline'] as const;
/** A kind of rule. */
export type RuleKind = (typeof RULE_KINDS)[number];

/** One edit rule: Σ coefficient × cell = 0 (within `slack`). Amounts £000. */
export interface EditRule {
  /** The key of the cell it defines (`brp-savings.TOTAL.outturn`). */
  readonly id: string;
  readonly kind: RuleKind;
  /** The rule in words, e.g. `brp-savings.BRR09.variance = brp-savings.BRR09.2020/21 − brp-savings.BRR09.outturn`. */
  readonly text: string;
  /** The defined cell first (coefficient 1), then the cells it is computed from. */
  readonly terms: readonly RuleTerm[];
  /** 0 for exact rules; for headline rules, half a unit of the stated figure's last place (£000). */
  readonly slack: Amount;
  /** Σ coefficient × stated value: the stated cell less what the other stated cells give (£000). */
  readonly residual: Amount;
  /** Whether the stated values satisfy the rule (residual 0; a headline rule: its definition rounds to the stated figure). */
  readonly holds: boolean;
}

/** A dataset's cells and rules. */
export interface RuleSet {
  readonly cells: readonly RuleCell[];
  readonly rules: readonly EditRule[];
}

type Terms = Map<number, number>;

function addTerms(into: Terms, from: Terms, factor: number): void {
  for (const [cell, coefficient] of from) {
    const next = (into.get(cell) ?? 0) + coefficient * factor;
    if (next === 0) into.delete(cell);
    else into.set(cell, next);
  }
}

/** The key of a cell: table, line and the column as CSV headings and `explain` spell it. */
export function cellKey(table: string, line: string, field: Field | 'amount'): string {
  return `${table}.${line}.${field === 'amount' ? 'amount' : FIELD_HEADINGS[field]}`;
}

/** Half a unit of the last place of a headline figure as stated, in £000 (`0.888` £m → 0.5). */
function headlineSlack(statement: HeadlineStatement): Amount {
  const places = statedPlaces(statement.statedText, statement.amount, statement.unit);
  const unitPlaces = statement.unit === '£m' ? 3 - places : -places;
  return multiply(amountOf('0.5'), amountOf(`1e${unitPlaces}`));
}

/**
 * The decimal places a headline figure is stated to: the digits after its decimal point
 * (`0.888` → 3), or after a decimal comma (`0,888` → 3, read with `--decimal-comma`), but not
 * after a thousands comma (`1,342` of a whole amount → 0). `amount` is £000, `unit` the text's unit.
 */
export function statedPlaces(statedText: string, amount: Amount, unit: '£m' | '£000'): number {
  const last = /[.,](\d+)[^0-9]*$/.exec(statedText.trim());
  if (!last) return 0;
  if (statedText.includes('.')) return (statedText.trim().split('.')[1] ?? '').replace(/[^0-9]/g, '').length;
  const inUnit = unit === '£m' ? divide(amount, amountOf('1000')) : amount;
  return inUnit.decimalPlaces() > 0 ? last[1]!.length : 0;
}

/**
 * Derive the edit rules of a programme (see the module comment for the rules and where
 * each comes from). Cells are listed table by table (lines in order, each line's columns in
 * the table's order, then the TOTAL row), then the headline; rules line rules first, then
 * TOTAL rows, cross-table rows and the headline.
 */
export function editRulesOf(programme: Programme): RuleSet {
  const cells: RuleCell[] = [];
  const lineCells = new Map<string, number>();
  const totalCells = new Map<string, number>();
  const cellOf = (cell: Omit<RuleCell, 'key' | 'column'>): number => {
    const column = cell.field === 'amount' ? 'amount' : FIELD_HEADINGS[cell.field];
    cells.push({
      key: `${cell.table}.${cell.line}.${column}`, table: cell.table, line: cell.line, field: cell.field, column, cellClass: cell.cellClass,
      stated: cell.stated, source: cell.source,
      ...(cell.statedText !== undefined ? { statedText: cell.statedText } : {}), ...(cell.unit !== undefined ? { unit: cell.unit } : {}),
    });
    return cells.length - 1;
  };

  for (const table of programme.tables) {
    const crossTable = table.covers.length > 0;
    for (const line of table.lines) {
      for (const field of table.fields) {
        const value = line.inputs[field] ?? line.stated[field];
        if (value === undefined) continue;
        const index = cellOf({
          table: table.id, line: line.id, field, stated: value, source: line.sources[field],
          cellClass: DERIVED_FIELDS.includes(field) ? 'line-stated' : 'line-input',
        });
        lineCells.set(`${table.id}\u0000${line.id}\u0000${field}`, index);
      }
    }
    for (const field of table.fields) {
      const value = table.stated[field];
      if (value === undefined) continue;
      totalCells.set(`${table.id}\u0000${field}`, cellOf({
        table: table.id, line: 'TOTAL', field, stated: value, source: table.statedSources[field], cellClass: crossTable ? 'cross-table' : 'table-total',
      }));
    }
  }
  const headlineCells = new Map<HeadlineFigure, number>();
  for (const statement of programme.headline) {
    headlineCells.set(statement.figure, cellOf({
      table: 'headline', line: statement.figure, field: 'amount', stated: statement.amount, source: statement.source, cellClass: 'headline',
      statedText: statement.statedText, unit: statement.unit,
    }));
  }

  /** A line's figure in a column as terms: its own cell, else what it is computed from. */
  const lineTerms = (table: Table, line: Line, field: Field): Terms => {
    const own = lineCells.get(`${table.id}\u0000${line.id}\u0000${field}`);
    if (own !== undefined) return new Map([[own, 1]]);
    const terms: Terms = new Map();
    if (field === 'total') for (const period of PERIODS) addTerms(terms, lineTerms(table, line, period), 1);
    if (field === 'variance') {
      addTerms(terms, lineTerms(table, line, '2020/21'), 1);
      addTerms(terms, lineTerms(table, line, 'outturn'), -1);
    }
    return terms;
  };
  const tableById = new Map(programme.tables.map((table) => [table.id, table]));
  /** The sum of a table's lines in a column (for cross-table rows: the covered tables' TOTALs). */
  const computedTerms = (table: Table, field: Field): Terms => {
    const terms: Terms = new Map();
    if (table.covers.length > 0) {
      for (const id of table.covers) {
        const covered = tableById.get(id);
        if (covered && covered.fields.includes(field)) addTerms(terms, totalTerms(covered, field), 1);
      }
    } else {
      for (const line of table.lines) addTerms(terms, lineTerms(table, line, field), 1);
    }
    return terms;
  };
  /** A table's TOTAL in a column as terms: its stated cell, else the sum it is computed from. */
  const totalTerms = (table: Table, field: Field): Terms => {
    const own = totalCells.get(`${table.id}\u0000${field}`);
    return own !== undefined ? new Map([[own, 1]]) : computedTerms(table, field);
  };
  /** The programme-wide 2020/21 variance of one kind, as the variance engine takes it. */
  const positionTerms = (kind: Table['kind']): Terms => {
    const cross = programme.tables.find((table) => table.kind === kind && table.covers.length > 0);
    if (cross) return totalTerms(cross, 'variance');
    const terms: Terms = new Map();
    for (const table of programme.tables) if (table.kind === kind) addTerms(terms, totalTerms(table, 'variance'), 1);
    return terms;
  };

  const rules: EditRule[] = [];
  const rule = (kind: RuleKind, defined: number, computed: Terms, slack: Amount = ZERO): void => {
    const terms: Terms = new Map([[defined, 1]]);
    addTerms(terms, computed, -1);
    const list = [...terms].map(([cell, coefficient]) => ({ cell, coefficient }));
    const residual = residualOf(list, (cell) => cells[cell]!.stated);
    rules.push({
      id: cells[defined]!.key, kind, text: ruleText(cells, defined, computed), terms: list, slack, residual,
      holds: holdsWith(slack, cells[defined]!.stated, residual),
    });
  };

  for (const table of programme.tables) {
    for (const line of table.lines) {
      const total = lineCells.get(`${table.id}\u0000${line.id}\u0000total`);
      if (total !== undefined && line.stated.total !== undefined) {
        const computed: Terms = new Map();
        for (const period of PERIODS) addTerms(computed, lineTerms(table, line, period), 1);
        rule('line-total', total, computed);
      }
      const variance = lineCells.get(`${table.id}\u0000${line.id}\u0000variance`);
      if (variance !== undefined && line.stated.variance !== undefined) {
        const computed: Terms = new Map();
        addTerms(computed, lineTerms(table, line, '2020/21'), 1);
        addTerms(computed, lineTerms(table, line, 'outturn'), -1);
        rule('line-variance', variance, computed);
      }
    }
  }
  for (const table of programme.tables) {
    for (const field of table.fields) {
      const defined = totalCells.get(`${table.id}\u0000${field}`);
      if (defined !== undefined) rule(table.covers.length > 0 ? 'cross-table' : 'table-total', defined, computedTerms(table, field));
    }
  }
  for (const statement of programme.headline) {
    const defined = headlineCells.get(statement.figure)!;
    const computed: Terms = new Map();
    if (statement.figure === 'cost-underspend') addTerms(computed, positionTerms('costs'), 1);
    else addTerms(computed, positionTerms('savings'), 1);
    // combined adverse movement = savings shortfall − cost underspend
    if (statement.figure === 'combined-adverse-movement') addTerms(computed, positionTerms('costs'), -1);
    rule('headline', defined, computed, headlineSlack(statement));
  }
  // Kinds in their listed order, each in the order derived.
  rules.sort((a, b) => RULE_KINDS.indexOf(a.kind) - RULE_KINDS.indexOf(b.kind));
  return { cells, rules };
}

function ruleText(cells: readonly RuleCell[], defined: number, computed: Terms): string {
  const parts = [...computed].map(([cell, coefficient], index) => {
    const name = cells[cell]!.key;
    const magnitude = Math.abs(coefficient) === 1 ? name : `${Math.abs(coefficient)} × ${name}`;
    if (index === 0) return coefficient < 0 ? `−${magnitude}` : magnitude;
    return `${coefficient < 0 ? '−' : '+'} ${magnitude}`;
  });
  return `${cells[defined]!.key} = ${parts.length === 0 ? '0' : parts.join(' ')}`;
}

/**
 * Evaluate every rule with some cells replaced (`values`: cell index → £000), the rest at
 * their stated values. Gives the rules that do not hold, by id.
 */
export function rulesBroken(set: RuleSet, values: ReadonlyMap<number, Amount>): string[] {
  const broken: string[] = [];
  for (const rule of set.rules) {
    if (!rule.terms.some((term) => values.has(term.cell))) {
      if (!rule.holds) broken.push(rule.id);
      continue;
    }
    const valueOf = (cell: number): Amount => values.get(cell) ?? set.cells[cell]!.stated;
    const residual = residualOf(rule.terms, valueOf);
    if (!holdsWith(rule.slack, valueOf(rule.terms[0]!.cell), residual)) broken.push(rule.id);
  }
  return broken;
}

/**
 * Whether a rule holds: an exact rule when its residual is zero; a headline rule (slack = half
 * its rounding unit) when its definition, rounded as the report rounds (half away from zero,
 * to the stated place), is the stated figure: 888.4 → £0.888m holds, 888.5 → £0.889m does not.
 */
function holdsWith(slack: Amount, stated: Amount, residual: Amount): boolean {
  if (isZero(slack)) return isZero(residual);
  const unit = multiply(slack, amountOf('2'));
  const definition = subtract(stated, residual);
  return equals(multiply(roundTo(divide(definition, unit), 0), unit), stated);
}

/** Σ coefficient × value over a rule's terms (£000, exact). */
function residualOf(terms: readonly RuleTerm[], valueOf: (cell: number) => Amount): Amount {
  let residual: Amount = ZERO;
  for (const term of terms) {
    const value = valueOf(term.cell);
    residual = term.coefficient === 1 ? add(residual, value) : term.coefficient === -1 ? subtract(residual, value) : add(residual, multiply(value, amountOf(String(term.coefficient))));
  }
  return residual;
}
