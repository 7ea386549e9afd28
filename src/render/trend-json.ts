/**
 * The trend report as JSON (documented in docs/json.md, "fn-model trend --format json").
 * Money is always a decimal string in £000; a figure a month does not have (a line absent
 * that month, the first month's change) is `null`.
 */
import { type Amount, toDecimalString } from '../money/index.js';
import type { PositionFigures, TrendPoint, TrendReport } from '../engine/index.js';

function money(value: Amount | undefined): string | null {
  return value === undefined ? null : toDecimalString(value);
}

function position(figures: PositionFigures | undefined) {
  return figures === undefined ? null : { budget: toDecimalString(figures.budget), outturn: toDecimalString(figures.outturn), variance: toDecimalString(figures.variance) };
}

function point(value: TrendPoint, withStatus: boolean) {
  return {
    month: value.month,
    ...(withStatus ? { status: value.status ?? null } : {}),
    position: position(value.position),
    change: position(value.change),
  };
}

/** The report as a JSON-ready object: `{ unit, months, gaps, snapshots, combined, tables, events }`. */
export function trendAsJsonValue(report: TrendReport) {
  return {
    unit: 'GBP thousands',
    months: [...report.months],
    gaps: [...report.gaps],
    snapshots: report.snapshots.map((snapshot) => ({
      month: snapshot.month,
      monthFrom: snapshot.monthFrom ?? null,
      name: snapshot.report.programme.name,
      path: snapshot.report.programme.path,
    })),
    combined: {
      change: toDecimalString(report.combinedChange),
      series: report.combined.map((item) => ({
        month: item.month,
        costUnderspend: toDecimalString(item.costUnderspend),
        savingsShortfall: toDecimalString(item.savingsShortfall),
        combined: toDecimalString(item.combined),
        published: money(item.published),
        change: money(item.change),
        steps: item.steps.map((step) => ({ table: step.table, amount: toDecimalString(step.amount) })),
      })),
    },
    tables: report.tables.map((table) => ({
      id: table.id,
      title: table.title,
      kind: table.kind,
      change: position(table.change),
      firstMoved: table.firstMoved ?? null,
      series: table.points.map((item) => point(item, false)),
      lines: table.lines.map((line) => ({
        line: line.id,
        name: line.name,
        change: position(line.change),
        firstMoved: line.firstMoved ?? null,
        added: [...line.added],
        removed: [...line.removed],
        series: line.points.map((item) => point(item, true)),
      })),
    })),
    events: report.events.map((event) => ({ ...event })),
  };
}

/** The report as JSON text (2-space indent, trailing newline). */
export function trendAsJson(report: TrendReport): string {
  return `${JSON.stringify(trendAsJsonValue(report), null, 2)}\n`;
}
