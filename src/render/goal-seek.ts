/**
 * `fn-model goal-seek` as a grid (terminal table, Markdown), JSON and CSV. Money £000 as
 * exact decimal strings in JSON and CSV; the solution as an exact fraction `"p/q"` and
 * rounded down (floor) to 6 places for a share, 3 for an amount. Contract: docs/json.md.
 */
import { type Amount, formatAmount, formatFraction, toDecimalString } from '../money/index.js';
import { FIGURE_LABELS, type GoalSeekPoint, type GoalSeekReport, MEASURE_FIGURES } from '../engine/index.js';
import { adjustmentJson } from './scenario-json.js';
import { describeAdjustment, valueText } from './scenario-grid.js';
import { rowsAsCsv } from './scenario-text.js';
import type { GridCell, GridTable } from './variance-grid.js';

function money(value: Amount, figure?: string): GridCell {
  return { text: formatAmount(value), numeric: true, ...(figure ? { figure, value: toDecimalString(value) } : {}) };
}

/** The value in its unit, e.g. `11.1972%` for a share, `1,321.75` for an amount (£000). */
function shown(report: GoalSeekReport, value: Amount): string {
  return valueText(report.adjustment.measure, value);
}

/** What the report found, in one sentence (also the stderr line when the target cannot be reached). */
export function goalSeekSentence(report: GoalSeekReport): string {
  const label = FIGURE_LABELS[MEASURE_FIGURES[report.measure]].toLowerCase();
  const over = `${shown(report, report.domain.low)} to ${shown(report, report.domain.high)}`;
  const range = `${label} ranges from ${formatAmount(report.range.low)} to ${formatAmount(report.range.high)} (£000) over ${over}`;
  if (report.status === 'solved') return `${label} reaches ${formatAmount(report.target)} at ${shown(report, report.solution!.value)} (rounded down; exactly ${formatFraction(report.solution!.exact)})`;
  if (report.status === 'passed-at-start') return `target ${formatAmount(report.target)} is already passed at ${shown(report, report.domain.low)} (${label} ${formatAmount(report.atLow)}) and is not reached again: ${range}`;
  return `target ${formatAmount(report.target)} cannot be reached: ${range}`;
}

function checkRow(report: GoalSeekReport, point: GoalSeekPoint | undefined, side: 'below' | 'at or above', figure: string): { cells: GridCell[] } {
  if (!point) return { cells: [{ text: `Check: no rounded value in range with the measure ${side} the target` }, { text: '' }] };
  return { cells: [{ text: `Check: at ${shown(report, point.value)} (${side} the target)` }, money(point.measure, figure)] };
}

/** The answer as a two-column grid: what, value. */
export function goalSeekGrid(report: GoalSeekReport): GridTable {
  const measureLabel = FIGURE_LABELS[MEASURE_FIGURES[report.measure]];
  const rows: { cells: GridCell[] }[] = [
    { cells: [{ text: 'Target' }, money(report.target)] },
    { cells: [{ text: `${measureLabel} at ${shown(report, report.domain.low)}` }, money(report.atLow)] },
    { cells: [{ text: `${measureLabel} at ${shown(report, report.domain.high)}` }, money(report.atHigh)] },
    { cells: [{ text: 'Range: least' }, money(report.range.low, 'range.low')] },
    { cells: [{ text: 'Range: greatest' }, money(report.range.high, 'range.high')] },
  ];
  if (report.solution && report.check) {
    rows.push(
      { cells: [{ text: `Solution (${report.unit}), exact` }, { text: formatFraction(report.solution.exact), numeric: true }] },
      { cells: [{ text: `Solution, rounded down to ${report.places} places` }, { text: `${toDecimalString(report.solution.value)}${report.unit === 'share' ? ` (${shown(report, report.solution.value)})` : ''}`, numeric: true }] },
      checkRow(report, report.check.below, 'below', 'check.below.measure'),
      checkRow(report, report.check.atOrAbove, 'at or above', 'check.atOrAbove.measure'),
    );
  } else {
    rows.push({ cells: [{ text: 'Solution' }, { text: report.status === 'passed-at-start' ? 'none: already passed at the start' : 'none: out of range', numeric: true }] });
  }
  return {
    id: 'goal-seek',
    title: `Goal seek in ${report.scenario.name}: adjustment ${report.position} (${describeAdjustment(report.adjustment).replace(/^(\S+) \S+/, '$1 VALUE')}) so that ${measureLabel.toLowerCase()} = ${formatAmount(report.target)}, £000`,
    head: ['', 'Value'],
    rows,
  };
}

function pointJson(point: GoalSeekPoint | undefined) {
  return point ? { value: toDecimalString(point.value), measure: toDecimalString(point.measure) } : null;
}

/** `goal-seek --format json` as a JSON-ready object. */
export function goalSeekAsJsonValue(report: GoalSeekReport) {
  return {
    dataset: report.programme,
    unit: 'GBP thousands',
    scenario: { name: report.scenario.name, file: report.scenario.file },
    target: toDecimalString(report.target),
    measure: report.measure,
    figure: MEASURE_FIGURES[report.measure],
    adjustment: { position: report.position, ...adjustmentJson(report.adjustment) },
    reachable: report.solution !== undefined,
    status: report.status,
    solution: report.solution
      ? { exact: formatFraction(report.solution.exact), value: toDecimalString(report.solution.value), unit: report.unit, places: report.places, rounding: 'down' }
      : null,
    domain: { low: toDecimalString(report.domain.low), high: toDecimalString(report.domain.high) },
    atDomain: { low: toDecimalString(report.atLow), high: toDecimalString(report.atHigh) },
    range: { low: toDecimalString(report.range.low), high: toDecimalString(report.range.high) },
    check: report.check ? { below: pointJson(report.check.below), atOrAbove: pointJson(report.check.atOrAbove) } : null,
    pieces: report.pieces.map((piece) => ({ from: toDecimalString(piece.from), to: toDecimalString(piece.to), atFrom: toDecimalString(piece.atFrom), atTo: toDecimalString(piece.atTo) })),
  };
}

/** `goal-seek --format json`. */
export function goalSeekAsJson(report: GoalSeekReport): string {
  return `${JSON.stringify(goalSeekAsJsonValue(report), null, 2)}\n`;
}

/** `goal-seek --format csv`: a header and one row. */
export function goalSeekAsCsv(report: GoalSeekReport): string {
  const value = goalSeekAsJsonValue(report);
  return rowsAsCsv(
    ['scenario', 'adjustment', 'measure', 'target', 'reachable', 'status', 'unit', 'exact', 'value', 'range_low', 'range_high', 'below_value', 'below_measure', 'at_or_above_value', 'at_or_above_measure'],
    [[
      value.scenario.name, report.adjustment.name ?? String(report.position), report.measure, value.target, String(value.reachable), report.status, report.unit,
      value.solution?.exact ?? '', value.solution?.value ?? '', value.range.low, value.range.high,
      value.check?.below?.value ?? '', value.check?.below?.measure ?? '', value.check?.atOrAbove?.value ?? '', value.check?.atOrAbove?.measure ?? '',
    ]],
    [0, 1],
  );
}
