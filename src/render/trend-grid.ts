/**
 * The trend report laid out as rows of display text, shared by the terminal table,
 * Markdown and HTML renderers so all show the same figures in the same places.
 * Amounts £000 shown exactly, negatives in brackets; a month's change = that month − the
 * previous snapshot's; combined changes and steps positive = more adverse; `-` = the line
 * is absent that month.
 */
import { type Amount, formatMillions, isNegative, isZero, sum } from '../money/index.js';
import type { TrendPoint, TrendReport } from '../engine/index.js';
import type { GridCell, GridTable } from './variance-grid.js';
import { ABSENT, amountCell, signedCell } from './movement-grid.js';


function truncate(text: string, width: number): string {
  return width > 0 && text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** The months after the first: the months that have a change. */
function changeMonths(report: TrendReport): readonly string[] {
  return report.months.slice(1);
}

/** A month's outturn projection, `-` when absent. */
function outturnCell(point: TrendPoint): GridCell {
  return point.position ? amountCell(point.position.outturn) : ABSENT;
}

/** A month's change in outturn projection, marked when the line was added or removed that month. */
function outturnChangeCell(point: TrendPoint): GridCell {
  const cell = signedCell(point.change!.outturn);
  return point.status === 'added' || point.status === 'removed' ? { ...cell, text: `${cell.text} ${point.status}` } : cell;
}

/** One row per snapshot: cost underspend, savings shortfall, combined adverse movement and its change. */
export function combinedSeriesGrid(report: TrendReport): GridTable {
  return {
    id: 'combined-series',
    title: 'Combined adverse movement by month (computed; change positive = more adverse)',
    head: ['Month', 'Snapshot', 'Cost underspend', 'Savings shortfall', 'Combined adverse movement', 'Change'],
    rows: report.combined.map((point, index) => ({
      cells: [
        { text: point.month }, { text: report.snapshots[index]!.report.programme.name },
        amountCell(point.costUnderspend), amountCell(point.savingsShortfall), amountCell(point.combined),
        point.change === undefined ? { text: '', numeric: true } : signedCell(point.change),
      ],
    })),
  };
}

/** The combined figure's change each month, split by table (the movement bridge's steps), and each table's total. */
export function combinedStepsGrid(report: TrendReport): GridTable {
  const later = report.combined.slice(1);
  const tables = later[0]!.steps.map((step) => step.table);
  const rows: GridTable['rows'][number][] = tables.map((table) => {
    const amounts = later.map((point) => point.steps.find((step) => step.table === table)!.amount);
    const last = later.at(-1)!.steps.find((step) => step.table === table)!;
    return { cells: [{ text: `${last.title} [${table}]` }, ...amounts.map(signedCell), signedCell(sum(amounts))] };
  });
  rows.push({ cells: [{ text: 'Combined adverse movement' }, ...later.map((point) => signedCell(point.change!)), signedCell(report.combinedChange)], emphasis: 'total' });
  return {
    id: 'combined-steps',
    title: 'Change in combined adverse movement by table and month (positive = more adverse)',
    head: ['Table', ...changeMonths(report), 'Total'],
    rows,
  };
}

/** One row per table: its computed outturn projection each month, the change last − first, and when it first moved. */
export function tableOutturnGrid(report: TrendReport): GridTable {
  return {
    id: 'table-outturn',
    title: 'Outturn projection 2020/21 by table and month (computed from line items)',
    head: ['Table', 'Kind', ...report.months, 'Change', 'First moved'],
    rows: report.tables.map((table) => ({
      cells: [{ text: table.id }, { text: table.kind }, ...table.points.map(outturnCell), signedCell(table.change.outturn), { text: table.firstMoved ?? 'never' }],
      ...(table.lines.length === 0 ? { emphasis: 'total' as const } : {}),
    })),
  };
}

/** One row per table: the change in its outturn projection each month. */
export function tableOutturnChangeGrid(report: TrendReport): GridTable {
  return {
    id: 'table-outturn-change',
    title: 'Change in outturn projection by table and month (month − previous snapshot)',
    head: ['Table', ...changeMonths(report), 'Total'],
    rows: report.tables.map((table) => ({
      cells: [{ text: table.id }, ...table.points.slice(1).map((point) => signedCell(point.change!.outturn)), signedCell(table.change.outturn)],
      ...(table.lines.length === 0 ? { emphasis: 'total' as const } : {}),
    })),
  };
}

/** Every line of every table: its outturn projection each month (`-` when absent), the change last − first, and when it first moved. */
export function lineOutturnGrid(report: TrendReport, nameWidth = 0): GridTable {
  return {
    id: 'line-outturn',
    title: 'Outturn projection 2020/21 by line and month ("-" = not in that snapshot)',
    head: ['Table', 'Line', 'Name', ...report.months, 'Change', 'First moved'],
    rows: report.tables.flatMap((table) => table.lines.map((line) => ({
      cells: [{ text: table.id }, { text: line.id }, { text: truncate(line.name, nameWidth) }, ...line.points.map(outturnCell), signedCell(line.change.outturn), { text: line.firstMoved ?? 'never' }],
    }))),
  };
}

/** The lines whose outturn projection moved, or that were added or removed: the change each month. */
export function lineOutturnChangeGrid(report: TrendReport): GridTable {
  const moved = report.tables.flatMap((table) => table.lines
    .filter((line) => line.firstMoved !== undefined || line.added.length > 0 || line.removed.length > 0)
    .map((line) => ({ cells: [{ text: table.id }, { text: line.id }, ...line.points.slice(1).map(outturnChangeCell), signedCell(line.change.outturn), { text: line.firstMoved ?? 'never' }] })));
  const still = report.tables.reduce((count, table) => count + table.lines.length, 0) - moved.length;
  return {
    id: 'line-outturn-change',
    title: `Change in outturn projection by line and month: lines that moved (${still} line(s) never moved)`,
    head: ['Table', 'Line', ...changeMonths(report), 'Total', 'First moved'],
    rows: moved,
  };
}

/** Every line added or removed between snapshots, in month order. */
export function lineEventsGrid(report: TrendReport, nameWidth = 0): GridTable {
  return {
    id: 'line-events',
    title: 'Lines added or removed between snapshots (matched by line id within each table)',
    head: ['Month', 'Table', 'Line', 'Name', 'Event'],
    rows: report.events.map((event) => ({ cells: [{ text: event.month }, { text: event.table }, { text: event.line }, { text: truncate(event.name, nameWidth) }, { text: event.event }] })),
  };
}

/** Every grid of the trend report, in order (`nameWidth` truncates line names; 0 = never). */
export function trendGrids(report: TrendReport, nameWidth: number): GridTable[] {
  return [
    combinedSeriesGrid(report), combinedStepsGrid(report), tableOutturnGrid(report), tableOutturnChangeGrid(report),
    lineOutturnGrid(report, nameWidth), lineOutturnChangeGrid(report), lineEventsGrid(report, nameWidth),
  ];
}

/** The trend in one or two sentences (£m, as the report's headline states figures), with any months missing from the series. */
export function trendSentence(report: TrendReport): string {
  const first = report.combined[0]!;
  const last = report.combined.at(-1)!;
  const direction = isZero(report.combinedChange) ? 'unchanged' : isNegative(report.combinedChange) ? 'an improvement' : 'a deterioration';
  const gaps = report.gaps.length === 0 ? '' : ` No snapshot for ${report.gaps.join(', ')}: the change shown in the month after a gap spans it.`;
  return `Combined adverse movement (computed) went from ${formatMillions(first.combined)} (${first.month}) to ${formatMillions(last.combined)} (${last.month}) over ${report.months.length} snapshots: a change of ${formatMillions(report.combinedChange)}, ${direction}.${gaps}`;
}

/** The heading line: snapshots, months and units. */
export function trendHeading(report: TrendReport): string {
  return `Trend over ${report.months.length} snapshots, ${report.months[0]} to ${report.months.at(-1)}; all amounts £000, 2020/21 position computed from line items; change = month − previous snapshot`;
}
