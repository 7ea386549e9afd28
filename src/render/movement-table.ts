/**
 * The movement report for the terminal (cli-table3, like `variance`): movement by
 * table, the lines that moved, the bridge and its line detail. Colour only when asked.
 */
import { Chalk } from 'chalk';
import { formatMillions, isNegative, isZero } from '../money/index.js';
import type { MovementReport } from '../engine/index.js';
import { bridgeDetailGrid, bridgeGrid, lineMovementGrid, snapshotLabels, tableMovementGrid } from './movement-grid.js';
import { type TableRenderOptions, renderGrid } from './variance-table.js';

/** Render the movement report as terminal text. */
export function movementAsTable(report: MovementReport, options: TableRenderOptions = {}): string {
  const colour = new Chalk({ level: options.colour ? 1 : 0 });
  const labels = snapshotLabels(report);
  const parts: string[] = [
    `Movement from ${labels.from} (${report.from.programme.path}) to ${labels.to} (${report.to.programme.path}); all amounts £000; change = later − earlier\n`,
    renderGrid(tableMovementGrid(report), colour),
  ];
  const lines = lineMovementGrid(report, 34);
  parts.push(lines.rows.length === 0 ? `${lines.title}: none.\n` : renderGrid(lines, colour));
  parts.push(renderGrid(bridgeGrid(report), colour));
  const detail = bridgeDetailGrid(report, 34);
  if (detail.rows.length > 0) parts.push(renderGrid(detail, colour));
  parts.push(`${movementSentence(report)}\n`);
  return parts.join('\n');
}

/** The bridge in one sentence (£m, as the report's headline states figures). */
export function movementSentence(report: MovementReport): string {
  const labels = snapshotLabels(report);
  const { bridge } = report;
  const direction = isZero(bridge.change) ? 'unchanged' : isNegative(bridge.change) ? 'an improvement' : 'a deterioration';
  return `Combined adverse movement (computed) moved from ${formatMillions(bridge.from)} (${labels.from}) to ${formatMillions(bridge.to)} (${labels.to}): a change of ${formatMillions(bridge.change)}, ${direction}.`;
}
