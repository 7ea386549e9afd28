/**
 * `fn-model returns` as a grid (terminal table, Markdown, the HTML report), JSON and CSV.
 * Money £000: exact in JSON and CSV (decimal strings), exact in the grid; the return
 * ratio is an exact fraction in JSON and CSV (`"230/47"`) and shown to 2 decimal places,
 * rounded half-to-even, everywhere it is displayed. Contract: docs/json.md.
 */
import { type Fraction, formatAmount, formatFraction, roundFraction, toDecimalString } from '../money/index.js';
import type { ProjectReturn, ReturnsReport } from '../engine/index.js';
import { rowsAsCsv } from './scenario-text.js';
import type { GridCell, GridTable } from './variance-grid.js';

/** Places the ratio is shown to (half away from zero, the display rule). */
export const RATIO_PLACES = 2;
/** What the table and JSON say for a payback that never comes. */
export const NOT_WITHIN_HORIZON = 'not within the horizon';

/** The ratio to 2 places (`4.89`), or `undefined` when it is undefined (nil investment). */
export function ratioText(ratio: Fraction | undefined): string | undefined {
  return ratio === undefined ? undefined : roundFraction(ratio, RATIO_PLACES, 'half-away').toFixed(RATIO_PLACES);
}

function money(value: ProjectReturn['net'], figure: string): GridCell {
  return { text: formatAmount(value), numeric: true, figure, value: toDecimalString(value) };
}

function row(project: ProjectReturn, figure: string): GridCell[] {
  return [
    { text: project.line }, { text: project.name },
    money(project.investment, `${figure}.investment`), money(project.savings, `${figure}.savings`),
    { text: ratioText(project.ratio) ?? 'undefined', numeric: true },
    money(project.net, `${figure}.net`),
    { text: project.payback ?? NOT_WITHIN_HORIZON },
    { text: project.notes.join('; ') },
  ];
}

/** One row per project, then the programme row. */
export function returnsGrid(report: ReturnsReport): GridTable {
  const basis = report.basis === 'outturn' ? '2020/21 outturn in place of the 2020/21 budget' : '2020/21 budget';
  return {
    id: 'returns',
    title: `BRP return on investment: ${report.programme.name}, 2019/20 + 2020/21 + 2021/24 (${basis}), £000`,
    head: ['Line', 'Name', 'Investment', 'Savings', 'Ratio', 'Net benefit', 'Payback', 'Notes'],
    rows: [
      ...report.projects.map((project, index) => ({ cells: row(project, `projects.${index}`) })),
      { cells: row(report.total, 'programme'), emphasis: 'total' as const },
    ],
  };
}

function projectJson(project: ProjectReturn) {
  return {
    line: project.line,
    name: project.name,
    investment: toDecimalString(project.investment),
    savings: toDecimalString(project.savings),
    ratio: project.ratio === undefined ? null : { exact: formatFraction(project.ratio), value: ratioText(project.ratio)! },
    net: toDecimalString(project.net),
    payback: project.payback ?? null,
    periods: project.periods.map((item) => ({ period: item.period, investment: toDecimalString(item.investment), savings: toDecimalString(item.savings) })),
    notes: [...project.notes],
  };
}

/** `returns --format json` as a JSON-ready object (the committee report embeds it as `returns`). */
export function returnsAsJsonValue(report: ReturnsReport) {
  const { line: _line, name: _name, ...programme } = projectJson(report.total);
  return {
    dataset: report.programme,
    unit: 'GBP thousands',
    basis: report.basis,
    projects: report.projects.map(projectJson),
    programme,
  };
}

/** `returns --format json`. */
export function returnsAsJson(report: ReturnsReport): string {
  return `${JSON.stringify(returnsAsJsonValue(report), null, 2)}\n`;
}

/** `returns --format csv`: one row per project, then `programme`. */
export function returnsAsCsv(report: ReturnsReport): string {
  const rows = [...report.projects, report.total].map((project) => [
    project.line, project.name, toDecimalString(project.investment), toDecimalString(project.savings),
    project.ratio === undefined ? '' : formatFraction(project.ratio), ratioText(project.ratio) ?? '',
    toDecimalString(project.net), project.payback ?? '', project.notes.join('; '),
  ]);
  return rowsAsCsv(['line', 'name', 'investment', 'savings', 'ratio_exact', 'ratio', 'net', 'payback', 'notes'], rows, [0, 1, 8]);
}
