/**
 * The movement report as GitHub-flavoured Markdown: the same grids as the terminal
 * table, as pipe tables. Amounts £000.
 */
import type { MovementReport } from '../engine/index.js';
import { bridgeDetailGrid, bridgeGrid, lineMovementGrid, snapshotLabels, tableMovementGrid } from './movement-grid.js';
import { movementSentence } from './movement-table.js';
import { markdownTable } from './variance-markdown.js';

/** Render the movement report as Markdown text. */
export function movementAsMarkdown(report: MovementReport): string {
  const labels = snapshotLabels(report);
  const parts: string[] = [
    `# Movement: ${labels.from} → ${labels.to}`,
    `From \`${report.from.programme.path}\` to \`${report.to.programme.path}\`. All amounts £000; change = later − earlier; bridge contributions positive = more adverse.`,
  ];
  const tables = tableMovementGrid(report);
  parts.push(`## ${tables.title}`, markdownTable(tables));
  const lines = lineMovementGrid(report);
  parts.push(`## ${lines.title}`, lines.rows.length === 0 ? 'None.' : markdownTable(lines));
  const bridge = bridgeGrid(report);
  parts.push(`## ${bridge.title}`, markdownTable(bridge));
  const detail = bridgeDetailGrid(report);
  if (detail.rows.length > 0) parts.push(`## ${detail.title}`, markdownTable(detail));
  parts.push(movementSentence(report));
  return `${parts.join('\n\n')}\n`;
}
