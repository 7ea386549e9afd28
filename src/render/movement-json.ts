/**
 * The movement report as JSON (documented in docs/json.md, "fn-model movement").
 * Money is always a decimal string in £000; a figure a snapshot does not have (an
 * added line's `from`, a removed line's `to`) is `null`.
 */
import { type Amount, toDecimalString } from '../money/index.js';
import type { LineMovement, MovementReport, PositionFigures, PositionMovement } from '../engine/index.js';

function money(value: Amount | undefined): string | null {
  return value === undefined ? null : toDecimalString(value);
}

function position(figures: PositionFigures) {
  return { budget: toDecimalString(figures.budget), outturn: toDecimalString(figures.outturn), variance: toDecimalString(figures.variance) };
}

function movement(value: PositionMovement) {
  return { from: position(value.from), to: position(value.to), change: position(value.change) };
}

function lineJson(line: LineMovement) {
  return {
    line: line.id,
    name: line.name,
    status: line.status,
    from: line.status === 'added' ? null : position(line.from),
    to: line.status === 'removed' ? null : position(line.to),
    change: position(line.change),
  };
}

/** The report as a JSON-ready object: `{ from, to, unit, tables, costs, savings, combined, bridge }`. */
export function movementAsJsonValue(report: MovementReport) {
  return {
    from: { name: report.from.programme.name, path: report.from.programme.path },
    to: { name: report.to.programme.name, path: report.to.programme.path },
    unit: 'GBP thousands',
    tables: report.tables.map((table) => ({
      id: table.id,
      title: table.title,
      kind: table.kind,
      ...movement(table),
      lines: table.lines.map(lineJson),
    })),
    costs: movement(report.costs),
    savings: movement(report.savings),
    combined: {
      from: toDecimalString(report.bridge.from),
      to: toDecimalString(report.bridge.to),
      change: toDecimalString(report.bridge.change),
      published: { from: money(report.from.combined.published), to: money(report.to.combined.published) },
    },
    bridge: {
      from: toDecimalString(report.bridge.from),
      to: toDecimalString(report.bridge.to),
      change: toDecimalString(report.bridge.change),
      steps: report.bridge.steps.map((step) => ({
        table: step.table,
        title: step.title,
        kind: step.kind,
        amount: toDecimalString(step.amount),
        runningTotal: toDecimalString(step.runningTotal),
        lines: step.lines.map((line) => ({ line: line.line, name: line.name, status: line.status, amount: toDecimalString(line.amount) })),
      })),
    },
  };
}

/** The report as JSON text (2-space indent, trailing newline). */
export function movementAsJson(report: MovementReport): string {
  return `${JSON.stringify(movementAsJsonValue(report), null, 2)}\n`;
}
