/**
 * Diagnosing a published report: the fewest stated cells whose correction makes every edit
 * rule hold (Fellegi–Holt error localisation, minimum weight; De Waal & Quere's branch and
 * bound for linear edits, "Error localization in mixed data sets", 2003). Pure: no I/O.
 *
 * Method, exact throughout:
 * 1. The rules ({@link editRulesOf}) are linear with integer coefficients. Every cell is held
 *    as a scaled `bigint` (the dataset's finest decimal place; this is the measured hot loop
 *    of `diagnose`, and conversion in and out is exact, `src/money/minor-units.ts`).
 * 2. Any set of cells that can be corrected to make every rule hold must include at least one
 *    cell of every rule that is broken. So the search branches on the broken rule with the
 *    fewest free cells: each branch frees one of its cells (eliminates it from the remaining
 *    rules by exact integer Gaussian elimination, so every rule that named it becomes a rule
 *    on the cells left) and fixes the cells tried before it, so no set is visited twice.
 * 3. Iterative deepening on the total weight (IDA*), with a lower bound from broken rules
 *    that share no free cell, so the first sets found are exactly the minimum-weight ones,
 *    and every one of them is found (up to a cap).
 * 4. Each set's corrected values come from back-substituting the eliminations; every
 *    solution is then re-checked against every original rule with exact decimals.
 *
 * Limits: a cell freed while it only appears in headline rules (which allow rounding slack)
 * is set so that one of them holds exactly; a solution that needs the slack of two such rules
 * at once is not found (it would be re-checked and refused, never reported wrong).
 */
import {
  type Amount,
  absolute,
  amountOf,
  compare,
  divide,
  equals,
  fromMinorUnits,
  multiply,
  roundTo,
  subtract,
  sum,
  toMinorUnits,
} from '../money/index.js';
import type { Field, Line, Programme, Table } from '../model/index.js';
import { type CellClass, type EditRule, type RuleCell, type RuleSet, cellKey, editRulesOf, rulesBroken, statedPlaces } from './rules.js';
import { type TypoKind, type TypoReading, typoBetween } from './typo.js';
import { type VarianceReport, computeVariance } from './variance.js';
import { largest, smallest } from '../extent.js';

/** Options for {@link diagnoseProgramme}. */
export interface DiagnoseOptions {
  /** The most cells a solution may change (default 10). */
  readonly maxChanges?: number;
  /** How many minimum solutions to list (default 5); the count of the others is given. */
  readonly maxSolutions?: number;
  /** Reliability weight per cell class (Fellegi–Holt): the cost of changing one such cell. Default 1 each. */
  readonly weights?: Readonly<Partial<Record<CellClass, Amount>>>;
  /** Stop the search after this many nodes and say so (default {@link DEFAULT_NODE_LIMIT}). */
  readonly maxNodes?: number;
}

/** One corrected cell of a solution. Amounts £000. */
export interface Correction {
  readonly cell: RuleCell;
  readonly stated: Amount;
  readonly corrected: Amount;
  /** corrected − stated. */
  readonly difference: Amount;
  /** Whether the correction looks like one slip of the keyboard, and which. */
  readonly typo: TypoReading | undefined;
  /** Keys of the discrepancies (as `variance` lists them) that remain if this correction alone is left out. */
  readonly explains: readonly string[];
}

/** The headline under a reading, £000, computed from the corrected cells. */
export interface HeadlineReading {
  readonly costUnderspend: Amount;
  readonly savingsShortfall: Amount;
  readonly combinedAdverseMovement: Amount;
}

/** One way to make the report consistent. */
export interface Solution {
  readonly changes: readonly Correction[];
  /** The sum of the changed cells' weights (the number of changes with the default weights). */
  readonly cost: Amount;
  /** Keys of the `variance` discrepancies this solution resolves. */
  readonly explains: readonly string[];
  readonly headline: HeadlineReading;
  /** How many of the changes look like single-keystroke typos. */
  readonly typos: number;
  /** Why it ranks where it does, in words. */
  readonly reason: string;
}

/** Everything `diagnose` reports. */
export interface Diagnosis {
  readonly programme: Programme;
  readonly rules: RuleSet;
  /** The rules the stated values break. */
  readonly violated: readonly EditRule[];
  /** The `variance` discrepancies (tolerance 0), as cell keys. */
  readonly discrepancies: readonly string[];
  /** The minimum-weight solutions, best first (typo-like corrections preferred), at most `maxSolutions`. */
  readonly solutions: readonly Solution[];
  /** How many more minimum solutions were found and not listed; `moreAtLeast` when the search stopped counting. */
  readonly more: number;
  readonly moreAtLeast: boolean;
  /** The "stated totals are wrong" reading: every line input as stated, every stated total, variance and headline recomputed from them. */
  readonly statedTotalsWrong: Solution | undefined;
  /** The headline computed from the lines as stated (the `variance` reading), £000. */
  readonly asStated: HeadlineReading;
  readonly search: {
    /** Whether the search finished: false when no solution within `maxChanges` or the node limit stopped it. */
    readonly complete: boolean;
    readonly nodes: number;
    readonly maxChanges: number;
    readonly stoppedAtNodeLimit: boolean;
  };
  readonly weights: Readonly<Record<CellClass, Amount>>;
}

/** A rule during the search: Σ coefficient × cell (scaled) with its current residual and slack. */
interface WorkRule {
  readonly terms: ReadonlyMap<number, bigint>;
  readonly residual: bigint;
  readonly slack: bigint;
}

/** A freed cell and the rule it was eliminated with (its value follows from that rule). */
interface Pivot {
  readonly cell: number;
  readonly rule: WorkRule;
}

interface SearchNode {
  readonly rules: readonly WorkRule[];
  readonly pivots: readonly Pivot[];
}

const abs = (value: bigint): bigint => (value < 0n ? -value : value);
const gcd = (a: bigint, b: bigint): bigint => {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** A search rule is broken beyond its slack; a headline rule exactly half a unit off counts as broken (the exact re-check decides which way the half rounds). */
function broken(rule: WorkRule): boolean {
  const size = abs(rule.residual);
  return size > rule.slack || (rule.slack > 0n && size === rule.slack);
}

/** Free `cell`: solve one rule that names it for it and substitute into the others (exact). */
function eliminate(node: SearchNode, cell: number): SearchNode {
  let pivot: WorkRule | undefined;
  for (const rule of node.rules) {
    if (!rule.terms.has(cell)) continue;
    if (!pivot || (pivot.slack > 0n && rule.slack === 0n) || ((pivot.slack === 0n) === (rule.slack === 0n) && rule.terms.size < pivot.terms.size)) pivot = rule;
  }
  if (!pivot) return { rules: node.rules, pivots: [...node.pivots, { cell, rule: { terms: new Map([[cell, 1n]]), residual: 0n, slack: 0n } }] };
  const pivotCoefficient = pivot.terms.get(cell)!;
  const rules: WorkRule[] = [];
  for (const rule of node.rules) {
    if (rule === pivot) continue;
    const coefficient = rule.terms.get(cell);
    if (coefficient === undefined) {
      rules.push(rule);
      continue;
    }
    // rule × pivotCoefficient − pivot × coefficient: the cell's coefficient becomes 0
    const terms = new Map<number, bigint>();
    for (const [other, value] of rule.terms) if (other !== cell) terms.set(other, value * pivotCoefficient);
    for (const [other, value] of pivot.terms) {
      if (other === cell) continue;
      const next = (terms.get(other) ?? 0n) - value * coefficient;
      if (next === 0n) terms.delete(other);
      else terms.set(other, next);
    }
    let residual = rule.residual * pivotCoefficient - pivot.residual * coefficient;
    let slack = rule.slack * abs(pivotCoefficient) + pivot.slack * abs(coefficient);
    // Keep coefficients small: divide out a common factor, which only a pivot coefficient
    // other than ±1 can introduce (the report's rules all start with ±1).
    let divisor = 1n;
    if (abs(pivotCoefficient) !== 1n) {
      divisor = 0n;
      for (const value of terms.values()) divisor = gcd(divisor, value);
      divisor = gcd(gcd(divisor, residual), slack);
    }
    if (divisor > 1n) {
      for (const [other, value] of terms) terms.set(other, value / divisor);
      residual /= divisor;
      slack /= divisor;
    }
    if (terms.size === 0 && !(abs(residual) > slack)) continue;
    rules.push({ terms, residual, slack });
  }
  return { rules, pivots: [...node.pivots, { cell, rule: pivot }] };
}

/** An exact fraction n/d (d > 0) of scaled units. */
interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

/** The corrected scaled values of the freed cells, by back-substitution (last freed first). */
function correctedValues(pivots: readonly Pivot[], stated: readonly bigint[]): Map<number, Fraction> {
  const values = new Map<number, Fraction>();
  for (let index = pivots.length - 1; index >= 0; index--) {
    const { cell, rule } = pivots[index]!;
    const own = rule.terms.get(cell)!;
    // own × cell + Σ c × other = 0 (a slack rule is made to hold exactly)
    let n = 0n;
    let d = 1n;
    for (const [other, coefficient] of rule.terms) {
      if (other === cell) continue;
      const value = values.get(other) ?? { n: stated[other]!, d: 1n };
      n = n * value.d + coefficient * value.n * d;
      d *= value.d;
    }
    n = -n;
    d *= own;
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const divisor = gcd(n, d) || 1n;
    values.set(cell, { n: n / divisor, d: d / divisor });
  }
  return values;
}

const DEFAULT_WEIGHT = amountOf('1');

/** Rules with at most this many cells are the ones the search bounds and branches on first. */
const SMALL_RULE = 64;

/** The search's default node limit (each node costs about one pass over the rules). */
export const DEFAULT_NODE_LIMIT = 200_000;

const TYPO_WORDS: Readonly<Record<TypoKind, string>> = {
  'one-digit': 'one digit changed', transposition: 'two digits swapped', 'dropped-digit': 'a digit left out', 'extra-digit': 'a digit typed twice', sign: 'sign slip',
};

/**
 * Diagnose a programme: derive its edit rules, find the minimum-weight sets of stated cells
 * whose correction makes every rule hold, rank them (typo-like corrections first) and give,
 * for each, the corrections, what they explain and the headline they give; beside them the
 * "stated totals are wrong" reading. Weights must be positive (the command checks them).
 * @throws Error only on a bug (a solution that fails its exact re-check is dropped, not thrown).
 */
export function diagnoseProgramme(programme: Programme, options: DiagnoseOptions = {}): Diagnosis {
  const maxChanges = options.maxChanges ?? 10;
  const maxSolutions = options.maxSolutions ?? 5;
  const maxNodes = options.maxNodes ?? DEFAULT_NODE_LIMIT;
  const weights = {
    'line-input': DEFAULT_WEIGHT, 'line-stated': DEFAULT_WEIGHT, 'table-total': DEFAULT_WEIGHT, 'cross-table': DEFAULT_WEIGHT, headline: DEFAULT_WEIGHT,
    ...options.weights,
  } as Record<CellClass, Amount>;
  const rules = editRulesOf(programme);
  const violated = rules.rules.filter((rule) => !rule.holds);
  const report = computeVariance(programme);
  const discrepancies = report.discrepancies.map((item) => cellKey(item.table, item.line, item.field));
  const asStated = headlineOf(report);

  // Scale: the finest decimal place of any cell or slack; weights in their own finest place.
  const places = largest([...rules.cells.map((cell) => cell.stated.decimalPlaces()), ...rules.rules.map((rule) => rule.slack.decimalPlaces())], 1);
  const stated = rules.cells.map((cell) => toMinorUnits(cell.stated, places));
  const weightPlaces = Math.max(0, ...Object.values(weights).map((weight) => weight.decimalPlaces()));
  // reliability weights (not money) as whole units of their finest place, so sums are exact integers
  const cost = rules.cells.map((cell) => Number(toMinorUnits(weights[cell.cellClass], weightPlaces))); // number-ok
  const root: SearchNode = {
    rules: rules.rules.map((rule) => ({
      terms: new Map(rule.terms.map((term) => [term.cell, BigInt(term.coefficient)])),
      residual: toMinorUnits(rule.residual, places),
      slack: toMinorUnits(rule.slack, places),
    })),
    pivots: [],
  };

  const cap = Math.max(maxSolutions, 1) * 10 + 1;
  const found = new Map<string, readonly Pivot[]>();
  let nodes = 0;
  let stoppedAtNodeLimit = false;
  let bound = 0;
  let next = Number.POSITIVE_INFINITY;

  const search = (node: SearchNode, changed: readonly number[], spent: number, fixed: ReadonlySet<number>): void => {
    if (stoppedAtNodeLimit || found.size >= cap) return;
    if (++nodes > maxNodes) {
      stoppedAtNodeLimit = true;
      return;
    }
    const open = node.rules.filter(broken);
    if (open.length === 0) {
      const key = [...changed].sort((a, b) => a - b).join(',');
      if (!found.has(key)) found.set(key, node.pivots);
      return;
    }
    if (changed.length >= maxChanges) return;
    const freeOf = (rule: WorkRule): number[] => [...rule.terms.keys()].filter((cell) => !fixed.has(cell));
    // The bound and the branch need only the small broken rules (a bound over some of the
    // rules is still a bound): a TOTAL rule over 1,000 lines is looked at only when no
    // broken rule is small.
    const bySize = [...open].sort((a, b) => a.terms.size - b.terms.size);
    const small = bySize.filter((rule) => rule.terms.size <= SMALL_RULE);
    const candidates = (small.length > 0 ? small : bySize.slice(0, 1)).map(freeOf).sort((a, b) => a.length - b.length);
    // Lower bound: broken rules with no free cell in common each need a change of their own.
    const used = new Set<number>();
    let lower = 0;
    let disjoint = 0;
    for (const free of candidates) {
      if (free.length === 0) return;
      if (free.some((cell) => used.has(cell))) continue;
      lower += smallest(free.map((cell) => cost[cell]!));
      disjoint += 1;
      for (const cell of free) used.add(cell);
    }
    // More broken rules with no cell in common than changes left: no deeper bound helps.
    if (changed.length + disjoint > maxChanges) return;
    if (spent + lower > bound) {
      next = Math.min(next, spent + lower);
      return;
    }
    const branch = [...candidates[0]!].sort((a, b) => a - b);
    const tried = new Set(fixed);
    for (const cell of branch) {
      const after = spent + cost[cell]!;
      if (after > bound) next = Math.min(next, after);
      else search(eliminate(node, cell), [...changed, cell], after, new Set(tried));
      tried.add(cell);
    }
  };

  if (violated.length > 0) {
    while (found.size === 0 && !stoppedAtNodeLimit) {
      next = Number.POSITIVE_INFINITY;
      search(root, [], 0, new Set());
      if (found.size > 0 || next === Number.POSITIVE_INFINITY) break;
      bound = next;
    }
  }

  const solutions: Solution[] = [];
  const seen = new Set<string>();
  for (const pivots of found.values()) {
    const values = correctedValues(pivots, stated);
    const corrections = new Map<number, Amount>();
    for (const [cell, value] of values) {
      const amount = correctedAmount(rules.cells[cell]!, value, places);
      if (!equals(amount, rules.cells[cell]!.stated)) corrections.set(cell, amount);
    }
    const key = [...corrections.keys()].sort((a, b) => a - b).join(',');
    if (corrections.size === 0 || seen.has(key) || rulesBroken(rules, corrections).length > 0) continue;
    seen.add(key);
    solutions.push(solutionOf(programme, rules, corrections, weights, discrepancies));
  }
  solutions.sort(bySolutionRank);
  const statedTotalsWrong = violated.length > 0 ? statedTotalsReading(programme, report, rules, weights, discrepancies) : undefined;
  return {
    programme,
    rules,
    violated,
    discrepancies,
    solutions: solutions.slice(0, maxSolutions),
    more: Math.max(0, solutions.length - maxSolutions),
    moreAtLeast: found.size >= cap,
    statedTotalsWrong,
    asStated,
    search: { complete: !stoppedAtNodeLimit && (violated.length === 0 || found.size > 0), nodes, maxChanges, stoppedAtNodeLimit },
    weights,
  };
}

/**
 * The short diagnosis that `variance` and `report` show beside the discrepancies: the best
 * correction only, with a node limit so a month-end report never waits on a hard search
 * (the block then says the search stopped). `undefined` when every rule holds.
 */
export function diagnoseForReport(programme: Programme): Diagnosis | undefined {
  const diagnosis = diagnoseProgramme(programme, { maxSolutions: 1, maxNodes: 20_000 });
  return diagnosis.violated.length > 0 ? diagnosis : undefined;
}

/** A corrected scaled value as an amount; a headline figure rounded to its stated places (half away from zero). */
function correctedAmount(cell: RuleCell, value: Fraction, places: number): Amount {
  const exact = value.d === 1n ? fromMinorUnits(value.n, places) : divide(fromMinorUnits(value.n, places), amountOf(value.d));
  if (cell.cellClass !== 'headline' || cell.statedText === undefined) return exact;
  // as the report states it: £m to its stated places (half away from zero), in £000
  const statedPlaces = statedPlacesOf(cell);
  return cell.unit === '£m' ? multiply(roundTo(divide(exact, THOUSAND), statedPlaces), THOUSAND) : roundTo(exact, statedPlaces);
}

const THOUSAND = amountOf('1000');

/** Decimal places of a headline figure as stated (`0.888` → 3, `0.8` → 1, `0,888` → 3). */
export function statedPlacesOf(cell: RuleCell): number {
  return cell.statedText === undefined ? 0 : statedPlaces(cell.statedText, cell.stated, cell.unit ?? '£000');
}

/** The programme with some cells replaced (for headline readings and what each change explains). */
export function withCorrections(programme: Programme, corrections: ReadonlyMap<string, Amount>): Programme {
  const replaceLine = (table: Table, line: Line): Line => {
    const inputs = { ...line.inputs };
    const stated = { ...line.stated };
    let changed = false;
    for (const field of table.fields) {
      const value = corrections.get(cellKey(table.id, line.id, field));
      if (value === undefined) continue;
      changed = true;
      if (field in line.stated) stated[field] = value;
      else inputs[field] = value;
    }
    return changed ? { ...line, inputs, stated } : line;
  };
  return {
    ...programme,
    tables: programme.tables.map((table) => {
      const stated: Partial<Record<Field, Amount>> = { ...table.stated };
      for (const field of table.fields) {
        const value = corrections.get(cellKey(table.id, 'TOTAL', field));
        if (value !== undefined) stated[field] = value;
      }
      return { ...table, stated, lines: table.lines.map((line) => replaceLine(table, line)) };
    }),
    headline: programme.headline.map((statement) => {
      const value = corrections.get(cellKey('headline', statement.figure, 'amount'));
      return value === undefined ? statement : { ...statement, amount: value };
    }),
  };
}

function headlineOf(report: VarianceReport): HeadlineReading {
  return { costUnderspend: report.costs.variance, savingsShortfall: report.savings.variance, combinedAdverseMovement: report.combined.computed };
}

function discrepancyKeys(report: VarianceReport): string[] {
  return report.discrepancies.map((item) => cellKey(item.table, item.line, item.field));
}

function typoOf(cell: RuleCell, corrected: Amount): TypoReading | undefined {
  if (cell.cellClass === 'headline' && cell.unit === '£m' && cell.statedText !== undefined) {
    return typoBetween(divide(cell.stated, THOUSAND), divide(corrected, THOUSAND), statedPlacesOf(cell));
  }
  return typoBetween(cell.stated, corrected);
}

function solutionOf(
  programme: Programme,
  rules: RuleSet,
  corrections: ReadonlyMap<number, Amount>,
  weights: Readonly<Record<CellClass, Amount>>,
  discrepancies: readonly string[],
  eachExplainsItself = false,
): Solution {
  const byKey = new Map([...corrections].map(([cell, value]) => [rules.cells[cell]!.key, value]));
  const corrected = computeVariance(withCorrections(programme, byKey));
  const remaining = new Set(discrepancyKeys(corrected));
  const resolved = discrepancies.filter((key) => !remaining.has(key));
  const changes: Correction[] = [...corrections]
    .sort(([a], [b]) => a - b)
    .map(([index, value]) => {
      const cell = rules.cells[index]!;
      const others = new Map(byKey);
      others.delete(cell.key);
      return {
        cell, stated: cell.stated, corrected: value, difference: subtract(value, cell.stated), typo: typoOf(cell, value),
        // With every line input as stated, each corrected cell is its own discrepancy and no other's.
        explains: eachExplainsItself
          ? resolved.filter((key) => key === cell.key)
          // of what the solution resolves, what would remain without this change
          : discrepancyKeys(computeVariance(withCorrections(programme, others))).filter((key) => resolved.includes(key)),
      };
    });
  const typos = changes.filter((change) => change.typo !== undefined).length;
  const kinds = [...new Set(changes.flatMap((change) => (change.typo ? [TYPO_WORDS[change.typo.kind]] : [])))];
  const count = changes.length === 1 ? '1 change' : `${changes.length} changes`;
  const reason = typos === changes.length
    ? `${count}, ${changes.length === 1 ? 'a' : 'each a'} single-keystroke typo (${kinds.join(', ')})`
    : typos === 0 ? `${count}, none a single-keystroke typo` : `${count}, ${typos} of them single-keystroke typos (${kinds.join(', ')})`;
  return {
    changes,
    cost: sum(changes.map((change) => weights[change.cell.cellClass])),
    explains: resolved,
    headline: headlineOf(corrected),
    typos,
    reason,
  };
}

/** Fewer weight first; then more typo-like changes; then smaller total movement; then the cells' order in the source. */
function bySolutionRank(a: Solution, b: Solution): number {
  const byCost = compare(a.cost, b.cost);
  if (byCost !== 0) return byCost;
  if (a.typos !== b.typos) return b.typos - a.typos;
  const movement = (solution: Solution): Amount => sum(solution.changes.map((change) => absolute(change.difference)));
  const byMovement = compare(movement(a), movement(b));
  if (byMovement !== 0) return byMovement;
  const keys = (solution: Solution): string => solution.changes.map((change) => change.cell.key).join('|');
  return keys(a) < keys(b) ? -1 : keys(a) > keys(b) ? 1 : 0;
}

/**
 * The "stated totals are wrong" reading: keep every line input as stated and set every
 * stated line total and variance, TOTAL row, cross-table row and headline to what the
 * inputs give (the headline rounded to its stated places). The `variance` command's reading.
 */
function statedTotalsReading(
  programme: Programme,
  report: VarianceReport,
  rules: RuleSet,
  weights: Readonly<Record<CellClass, Amount>>,
  discrepancies: readonly string[],
): Solution | undefined {
  const corrections = new Map<number, Amount>();
  rules.cells.forEach((cell, index) => {
    if (cell.cellClass === 'line-input') return;
    let value: Amount | undefined;
    if (cell.table === 'headline') {
      const computed = report.headline.find((item) => item.figure === cell.line)?.computed;
      if (computed !== undefined) value = correctedAmount(cell, { n: toMinorUnits(computed, computed.decimalPlaces()), d: 1n }, computed.decimalPlaces());
    } else {
      const result = report.tables.find((table) => table.table.id === cell.table);
      const source = cell.line === 'TOTAL' ? result?.computed : result?.lines.find((line) => line.line.id === cell.line)?.computed;
      value = source?.[cell.field as Field];
    }
    if (value !== undefined && !equals(value, cell.stated)) corrections.set(index, value);
  });
  if (corrections.size === 0 || rulesBroken(rules, corrections).length > 0) return undefined;
  return solutionOf(programme, rules, corrections, weights, discrepancies, true);
}

/** Whether two solutions change the same cells to the same values. */
export function sameSolution(a: Solution, b: Solution): boolean {
  return a.changes.length === b.changes.length
    && a.changes.every((change, index) => change.cell.key === b.changes[index]!.cell.key && equals(change.corrected, b.changes[index]!.corrected));
}
