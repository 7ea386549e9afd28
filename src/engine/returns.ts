/**
 * Return on investment of the Business Rates Pilot (`fn-model returns`). Pure: programme
 * in, report data out; amounts £000, exact.
 *
 * The BRP was bid as investment in transformation that pays back (seed 000, the
 * prospectus); the report's "Business Rates Funded Projects" investment and savings
 * tables share line ids (BRR04 … BRR46). For each id:
 * - investment, savings = the line's three periods summed (2019/20 actual, 2020/21,
 *   2021/24 plan) from its inputs, never the stated Total; basis `outturn` uses the
 *   2020/21 outturn projection in place of the 2020/21 budget in both tables;
 * - ratio = savings ÷ investment as an exact fraction (undefined for a nil investment:
 *   never a division by zero);
 * - net = savings − investment;
 * - payback = the first period, counting from the first with any investment, at whose
 *   end cumulative savings (from 2019/20) reach cumulative investment; undefined when no
 *   period does ("not within the horizon").
 * The programme row applies the same rules to the sums of every line of both tables
 * (not the stated TOTAL rows). A line in one table only, a nil investment and a negative
 * figure are kept and named in the line's notes, never dropped.
 */
import { type Amount, type Fraction, ZERO, add, compare, divideFractions, fractionOfAmount, isNegative, isZero, subtract, formatAmount } from '../money/index.js';
import { type Line, PERIODS, type Period, type Programme, type Table, type TableId } from '../model/index.js';

/** Which 2020/21 figure the returns use: the budget, or the year-end outturn projection. */
export type ReturnsBasis = 'budget' | 'outturn';

/** The two tables paired by line id. */
export const RETURNS_TABLES = { investment: 'brp-investment', savings: 'brp-savings' } as const satisfies Record<string, TableId>;

/** One period's investment and savings (£000). */
export interface ReturnsPeriod {
  readonly period: Period;
  readonly investment: Amount;
  readonly savings: Amount;
}

/** The return of one project or of the whole programme (£000). */
export interface ProjectReturn {
  /** The line id (`BRR04`); `programme` for the programme row. */
  readonly line: string;
  readonly name: string;
  /** Σ of the three periods of the investment line (nil when the table has no such line). */
  readonly investment: Amount;
  /** Σ of the three periods of the savings line (nil when the table has no such line). */
  readonly savings: Amount;
  /** savings ÷ investment, exact; undefined when the investment is nil. */
  readonly ratio: Fraction | undefined;
  /** savings − investment. */
  readonly net: Amount;
  /** The period at whose end cumulative savings first reach cumulative investment; undefined: not within the horizon. */
  readonly payback: Period | undefined;
  readonly periods: readonly ReturnsPeriod[];
  /** What is unusual about the row, in words (absent line, nil investment, negative figures). */
  readonly notes: readonly string[];
}

/** Every BRP project's return and the programme's. */
export interface ReturnsReport {
  readonly programme: Pick<Programme, 'name' | 'path'>;
  readonly basis: ReturnsBasis;
  /** Investment table order, then savings-only lines in savings table order. */
  readonly projects: readonly ProjectReturn[];
  /** All BRP investment against all BRP savings, from the lines. */
  readonly total: ProjectReturn;
}

function periodFigure(line: Line, period: Period, basis: ReturnsBasis): Amount {
  const field = period === '2020/21' && basis === 'outturn' ? 'outturn' : period;
  return line.inputs[field] ?? ZERO;
}

function periodLabel(period: Period, basis: ReturnsBasis): string {
  return period === '2020/21' && basis === 'outturn' ? '2020/21 outturn' : period;
}

/** The payback period of per-period figures (see the module comment); undefined when not within the horizon. */
export function paybackOf(periods: readonly ReturnsPeriod[]): Period | undefined {
  const first = periods.findIndex((item) => !isZero(item.investment));
  if (first < 0) return undefined;
  let investment = ZERO;
  let savings = ZERO;
  for (const [index, item] of periods.entries()) {
    investment = add(investment, item.investment);
    savings = add(savings, item.savings);
    if (index >= first && compare(savings, investment) >= 0) return item.period;
  }
  return undefined;
}

function returnOf(line: string, name: string, periods: readonly ReturnsPeriod[], notes: string[]): ProjectReturn {
  const investment = periods.reduce((total, item) => add(total, item.investment), ZERO);
  const savings = periods.reduce((total, item) => add(total, item.savings), ZERO);
  if (isZero(investment)) notes.push('investment is nil: return ratio undefined');
  return {
    line, name, investment, savings,
    ratio: isZero(investment) ? undefined : divideFractions(fractionOfAmount(savings), fractionOfAmount(investment)),
    net: subtract(savings, investment),
    payback: paybackOf(periods),
    periods,
    notes,
  };
}

function tableOf(programme: Programme, id: TableId): Table | undefined {
  return programme.tables.find((table) => table.id === id);
}

/**
 * Pair the BRP investment and savings lines by id and compute each project's return and
 * the programme's (rules in the module comment).
 */
export function computeReturns(programme: Programme, basis: ReturnsBasis = 'budget'): ReturnsReport {
  const investmentLines = tableOf(programme, RETURNS_TABLES.investment)?.lines ?? [];
  const savingsLines = tableOf(programme, RETURNS_TABLES.savings)?.lines ?? [];
  const savingsById = new Map(savingsLines.map((line) => [line.id, line]));
  const investmentIds = new Set(investmentLines.map((line) => line.id));
  const pairs = [
    ...investmentLines.map((line) => [line.id, line, savingsById.get(line.id)] as const),
    ...savingsLines.filter((line) => !investmentIds.has(line.id)).map((line) => [line.id, undefined, line] as const),
  ];
  const projects = pairs.map(([id, investment, savings]) => {
    const notes: string[] = [];
    if (!investment) notes.push(`no ${RETURNS_TABLES.investment} line ${id}: investment taken as nil`);
    if (!savings) notes.push(`no ${RETURNS_TABLES.savings} line ${id}: savings taken as nil`);
    if (investment && savings && investment.name !== savings.name) notes.push(`named "${savings.name}" in ${RETURNS_TABLES.savings}`);
    const periods = PERIODS.map((period): ReturnsPeriod => {
      const invested = investment ? periodFigure(investment, period, basis) : ZERO;
      const saved = savings ? periodFigure(savings, period, basis) : ZERO;
      if (isNegative(invested)) notes.push(`negative investment ${formatAmount(invested)} in ${periodLabel(period, basis)}`);
      if (isNegative(saved)) notes.push(`negative savings ${formatAmount(saved)} in ${periodLabel(period, basis)}`);
      return { period, investment: invested, savings: saved };
    });
    return returnOf(id, (investment ?? savings)!.name, periods, notes);
  });
  const periods = PERIODS.map((period, index): ReturnsPeriod => ({
    period,
    investment: projects.reduce((total, project) => add(total, project.periods[index]!.investment), ZERO),
    savings: projects.reduce((total, project) => add(total, project.periods[index]!.savings), ZERO),
  }));
  const total = returnOf('programme', 'All BRP projects (computed from lines)', periods, []);
  return { programme: { name: programme.name, path: programme.path }, basis, projects, total };
}
