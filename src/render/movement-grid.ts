/**
 * The movement report laid out as rows of display text, shared by the terminal table,
 * Markdown and HTML renderers so all show the same figures in the same places.
 * Amounts £000 shown exactly, negatives in brackets; change = later − earlier; bridge
 * amounts positive = more adverse.
 */
import { type Amount, formatAmount, isNegative, isZero } from '../money/index.js';
import type { LineMovement, MovementReport, PositionFigures } from '../engine/index.js';
import type { GridCell, GridTable } from './variance-grid.js';

/** An amount (£000) as a right-aligned cell, negatives in brackets. */
export function amountCell(value: Amount): GridCell {
  return { text: formatAmount(value), numeric: true };
}

/** A change (£000) as a right-aligned cell with its sign: `+20`, `(20)`, `0`. */
export function signedCell(value: Amount): GridCell {
  const text = formatAmount(value);
  return { text: isNegative(value) || isZero(value) ? text : `+${text}`, numeric: true };
}

/** The cell of a line absent from a snapshot. */
export const ABSENT: GridCell = { text: '-', numeric: true };

/** The snapshot labels used in headings: the dataset names, or the paths when both names are equal. */
export function snapshotLabels(report: MovementReport): { readonly from: string; readonly to: string } {
  const from = report.from.programme;
  const to = report.to.programme;
  return from.name === to.name ? { from: from.path, to: to.path } : { from: from.name, to: to.name };
}

/** One row per table: budget, outturn and variance in each snapshot and the change. */
export function tableMovementGrid(report: MovementReport): GridTable {
  const figures = (from: PositionFigures, to: PositionFigures, change: PositionFigures): GridCell[] => [
    amountCell(from.budget), amountCell(to.budget), signedCell(change.budget),
    amountCell(from.outturn), amountCell(to.outturn), signedCell(change.outturn),
    amountCell(from.variance), amountCell(to.variance), signedCell(change.variance),
  ];
  const rows = report.tables.map((table) => ({
    cells: [{ text: table.id }, { text: table.kind }, ...figures(table.from, table.to, table.change)],
    ...(table.lines.length === 0 ? { emphasis: 'total' as const } : {}),
  }));
  return {
    id: 'table-movement',
    title: 'Movement by table, 2020/21 (computed from line items; change = later − earlier)',
    head: ['Table', 'Kind', 'Budget from', 'Budget to', 'change', 'Outturn from', 'Outturn to', 'change', 'Variance from', 'Variance to', 'change'],
    rows,
  };
}

function lineRow(table: string, line: LineMovement, nameWidth: number): GridCell[] {
  const name = nameWidth > 0 && line.name.length > nameWidth ? `${line.name.slice(0, nameWidth - 1)}…` : line.name;
  return [
    { text: table }, { text: line.id }, { text: name }, { text: line.status },
    signedCell(line.change.budget), signedCell(line.change.outturn),
    line.status === 'added' ? ABSENT : amountCell(line.from.variance),
    line.status === 'removed' ? ABSENT : amountCell(line.to.variance),
    signedCell(line.change.variance),
  ];
}

/** The lines that moved (changed, added or removed), in table order; unchanged lines are counted, not listed. */
export function lineMovementGrid(report: MovementReport, nameWidth = 0): GridTable {
  const rows = report.tables.flatMap((table) =>
    table.lines.filter((line) => line.status !== 'unchanged').map((line) => ({ cells: lineRow(table.id, line, nameWidth) })));
  const unchanged = report.tables.reduce((count, table) => count + table.lines.filter((line) => line.status === 'unchanged').length, 0);
  return {
    id: 'line-movement',
    title: `Lines that moved (matched by line id; ${unchanged} line(s) unchanged)`,
    head: ['Table', 'Line', 'Name', 'Status', 'Budget change', 'Outturn change', 'Variance from', 'Variance to', 'change'],
    rows,
  };
}

/**
 * The bridge: the earlier combined adverse movement, one step per table (positive =
 * more adverse) with a running total, the later combined adverse movement, and the
 * check that the steps sum to the change.
 */
export function bridgeGrid(report: MovementReport): GridTable {
  const labels = snapshotLabels(report);
  const { bridge } = report;
  const rows: GridTable['rows'][number][] = [
    { cells: [{ text: `Combined adverse movement, ${labels.from}` }, { text: '', numeric: true }, amountCell(bridge.from)], emphasis: 'total' },
  ];
  for (const step of bridge.steps) {
    rows.push({ cells: [{ text: `${step.title} [${step.table}]` }, signedCell(step.amount), amountCell(step.runningTotal)] });
  }
  rows.push(
    { cells: [{ text: `Combined adverse movement, ${labels.to}` }, { text: '', numeric: true }, amountCell(bridge.to)], emphasis: 'total' },
    { cells: [{ text: 'Change (sum of steps)' }, signedCell(bridge.change), { text: '', numeric: true }], emphasis: 'computed' },
  );
  return {
    id: 'bridge',
    title: `Bridge of combined adverse movement, ${labels.from} → ${labels.to} (positive = more adverse)`,
    head: ['Step', 'Contribution', 'Running total'],
    rows,
  };
}

/** Every line contribution of every bridge step that is not zero: the detail behind the bridge. */
export function bridgeDetailGrid(report: MovementReport, nameWidth = 0): GridTable {
  const rows = report.bridge.steps.flatMap((step) =>
    step.lines.filter((line) => !isZero(line.amount)).map((line) => ({
      cells: [
        { text: step.table }, { text: line.line },
        { text: nameWidth > 0 && line.name.length > nameWidth ? `${line.name.slice(0, nameWidth - 1)}…` : line.name },
        { text: line.status }, signedCell(line.amount),
      ],
    })));
  return {
    id: 'bridge-detail',
    title: 'Bridge detail: line contributions (positive = more adverse)',
    head: ['Table', 'Line', 'Name', 'Status', 'Contribution'],
    rows,
  };
}
