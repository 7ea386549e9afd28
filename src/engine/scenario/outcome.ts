/**
 * What a scenario gives: the headline figures and savings by period, £000, computed
 * from line items (never from stated totals), and the change from the base.
 *
 * Every figure is a sum over lines of a line's own figures ({@link LineSums}), so the
 * effect of changing one line is the difference of that line's sums: `tornado` and
 * `simulate` use this to avoid recomputing the whole programme for every case.
 *
 * Figures (the same rules as `computeVariance`, plus the savings profile):
 * - cost underspend = Σ cost lines (2020/21 budget − outturn);
 * - savings shortfall = Σ savings lines (2020/21 budget − outturn);
 * - combined adverse movement = savings shortfall − cost underspend;
 * - savings not deliverable = Σ (tables with the delay analysis) max(0, shortfall − delayed wholly −
 *   delayed partly − slipped into 2021/24), see `notDeliverableOf`;
 * - savings 2021/24 expected = 2021/24 plan + delayed wholly + delayed partly
 *   (the 2020/21 savings the report expects to land in 2021/22);
 * - savings delivered or expected 2019/24 = 2019/20 actual + 2020/21 outturn + 2021/24 expected.
 */
import { type Amount, ZERO, add, subtract } from '../../money/index.js';
import { notDeliverableOf } from './apply.js';
import type { Line, Programme, Table, TableId, TableKind } from '../../model/index.js';

/** The sums every figure is derived from; one set per line, table or programme (£000). */
export const SUM_KEYS = ['costBudget', 'costOutturn', 'savings2019', 'savingsBudget', 'savingsOutturn', 'savingsPlan', 'delayedWholly', 'delayedPartly', 'notDeliverable'] as const;
/** One of {@link SUM_KEYS}. */
export type SumKey = (typeof SUM_KEYS)[number];
/** Sums of line inputs (£000), keyed by {@link SumKey}. */
export type LineSums = Readonly<Record<SumKey, Amount>>;

/** The figures a scenario reports, in display order. */
export const FIGURES = [
  'cost-underspend',
  'savings-shortfall',
  'combined-adverse-movement',
  'savings-2019/20',
  'savings-2020/21-budget',
  'savings-2020/21-outturn',
  'savings-2021/24-plan',
  'savings-delayed-wholly',
  'savings-delayed-partly',
  'savings-not-deliverable',
  'savings-2021/24-expected',
  'savings-2019/24',
  'costs-2020/21-budget',
  'costs-2020/21-outturn',
] as const;
/** A figure id (also the JSON key). */
export type FigureId = (typeof FIGURES)[number];

/** What each figure is called in tables, in the report's words. */
export const FIGURE_LABELS: Readonly<Record<FigureId, string>> = {
  'cost-underspend': 'Cost underspend 2020/21',
  'savings-shortfall': 'Savings shortfall 2020/21',
  'combined-adverse-movement': 'Combined adverse movement',
  'savings-2019/20': 'Savings 2019/20 (actual)',
  'savings-2020/21-budget': 'Savings 2020/21 budget',
  'savings-2020/21-outturn': 'Savings 2020/21 outturn',
  'savings-2021/24-plan': 'Savings 2021/24 plan',
  'savings-delayed-wholly': 'Delayed, wholly deliverable 2021/22',
  'savings-delayed-partly': 'Delayed, partly deliverable 2021/22',
  'savings-not-deliverable': 'Not deliverable (rest of 2020/21 shortfall)',
  'savings-2021/24-expected': 'Savings 2021/24 expected (plan + delayed)',
  'savings-2019/24': 'Savings delivered or expected 2019/24',
  'costs-2020/21-budget': 'Costs 2020/21 budget',
  'costs-2020/21-outturn': 'Costs 2020/21 outturn',
};

/** Figures by id, £000. */
export type Figures = Readonly<Record<FigureId, Amount>>;

/** One table's own figures (ordinary tables only), £000. */
export interface TableFigures {
  readonly table: TableId;
  readonly kind: TableKind;
  readonly budget: Amount;
  readonly outturn: Amount;
  /** budget − outturn: underspend for costs, shortfall for savings. */
  readonly variance: Amount;
  /** 2021/24 plan (savings tables; zero for costs). */
  readonly plan: Amount;
  readonly delayedWholly: Amount;
  readonly delayedPartly: Amount;
}

/** A programme's scenario figures: the totals and, for `--detail`, each table's. */
export interface Outcome {
  readonly figures: Figures;
  readonly tables: readonly TableFigures[];
}

/** All-zero sums. */
export const NO_SUMS: LineSums = Object.fromEntries(SUM_KEYS.map((key) => [key, ZERO])) as LineSums;

/** A line's contribution to the sums, by its table's kind; "not deliverable" only on a table with the delay analysis (£000). */
export function lineSums(line: Line, table: Pick<Table, 'kind' | 'fields'>): LineSums {
  const input = (field: keyof Line['inputs']) => line.inputs[field] ?? ZERO;
  const kind = table.kind;
  if (kind === 'costs') return { ...NO_SUMS, costBudget: input('2020/21'), costOutturn: input('outturn') };
  return {
    ...NO_SUMS,
    savings2019: input('2019/20'),
    savingsBudget: input('2020/21'),
    savingsOutturn: input('outturn'),
    savingsPlan: input('2021/24'),
    delayedWholly: input('delayedWholly'),
    delayedPartly: input('delayedPartly'),
    notDeliverable: table.fields.includes('delayedWholly') ? notDeliverableOf(line) : ZERO,
  };
}

/** a + b, key by key. */
export function addSums(a: LineSums, b: LineSums): LineSums {
  return Object.fromEntries(SUM_KEYS.map((key) => [key, add(a[key], b[key])])) as LineSums;
}

/** a − b, key by key. */
export function subtractSums(a: LineSums, b: LineSums): LineSums {
  return Object.fromEntries(SUM_KEYS.map((key) => [key, subtract(a[key], b[key])])) as LineSums;
}

/** The programme's ordinary tables (the cross-table rows `all-costs` / `all-savings` only repeat their lines). */
export function ordinaryTables(programme: Programme): readonly Table[] {
  return programme.tables.filter((table) => table.covers.length === 0);
}

/** Sums over every line of every ordinary table. */
export function programmeSums(programme: Programme): LineSums {
  let sums = NO_SUMS;
  for (const table of ordinaryTables(programme)) for (const line of table.lines) sums = addSums(sums, lineSums(line, table));
  return sums;
}

/** The reported figures from sums (see the module comment for each rule). */
export function figuresOf(sums: LineSums): Figures {
  const underspend = subtract(sums.costBudget, sums.costOutturn);
  const shortfall = subtract(sums.savingsBudget, sums.savingsOutturn);
  const expected = add(add(sums.savingsPlan, sums.delayedWholly), sums.delayedPartly);
  return {
    'cost-underspend': underspend,
    'savings-shortfall': shortfall,
    'combined-adverse-movement': subtract(shortfall, underspend),
    'savings-2019/20': sums.savings2019,
    'savings-2020/21-budget': sums.savingsBudget,
    'savings-2020/21-outturn': sums.savingsOutturn,
    'savings-2021/24-plan': sums.savingsPlan,
    'savings-delayed-wholly': sums.delayedWholly,
    'savings-delayed-partly': sums.delayedPartly,
    'savings-not-deliverable': sums.notDeliverable,
    'savings-2021/24-expected': expected,
    'savings-2019/24': add(add(sums.savings2019, sums.savingsOutturn), expected),
    'costs-2020/21-budget': sums.costBudget,
    'costs-2020/21-outturn': sums.costOutturn,
  };
}

/** The scenario figures of a programme, and each ordinary table's. */
export function outcomeOf(programme: Programme): Outcome {
  const tables = ordinaryTables(programme).map((table): TableFigures => {
    let sums = NO_SUMS;
    for (const line of table.lines) sums = addSums(sums, lineSums(line, table));
    const budget = table.kind === 'costs' ? sums.costBudget : sums.savingsBudget;
    const outturn = table.kind === 'costs' ? sums.costOutturn : sums.savingsOutturn;
    return { table: table.id, kind: table.kind, budget, outturn, variance: subtract(budget, outturn), plan: sums.savingsPlan, delayedWholly: sums.delayedWholly, delayedPartly: sums.delayedPartly };
  });
  return { figures: figuresOf(programmeSums(programme)), tables };
}

/** scenario − base, figure by figure (£000). */
export function changeOf(scenario: Figures, base: Figures): Figures {
  return Object.fromEntries(FIGURES.map((id) => [id, subtract(scenario[id], base[id])])) as Figures;
}

/** scenario − base for each table's figures (tables matched by id). */
export function tableChangeOf(scenario: readonly TableFigures[], base: readonly TableFigures[]): TableFigures[] {
  return scenario.map((figures) => {
    const before = base.find((candidate) => candidate.table === figures.table);
    if (!before) return figures;
    return {
      ...figures,
      budget: subtract(figures.budget, before.budget),
      outturn: subtract(figures.outturn, before.outturn),
      variance: subtract(figures.variance, before.variance),
      plan: subtract(figures.plan, before.plan),
      delayedWholly: subtract(figures.delayedWholly, before.delayedWholly),
      delayedPartly: subtract(figures.delayedPartly, before.delayedPartly),
    };
  });
}
