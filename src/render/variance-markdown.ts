/**
 * The variance report as GitHub-flavoured Markdown, for committee papers and wikis:
 * the same grid as the terminal table, as pipe tables. Amounts £000.
 */
import { formatMillions } from '../money/index.js';
import { printable } from './printable.js';
import { diagnosisSummary } from './diagnose-grid.js';
import type { VarianceReport } from '../engine/index.js';
import { type GridTable, DISCREPANCY_MARK, discrepancyGrid, headlineGrid, outturnNote, varianceGrid } from './variance-grid.js';

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Render one display grid as a GitHub-flavoured pipe table (numeric columns right-aligned). */
export function markdownTable(grid: GridTable): string {
  const first = grid.rows[0]?.cells ?? [];
  const lines = [
    `| ${grid.head.map(escapeCell).join(' | ')} |`,
    `|${grid.head.map((_, index) => (first[index]?.numeric ? '---:' : ':---')).join('|')}|`,
  ];
  for (const row of grid.rows) {
    const cells = row.cells.map((cell) => {
      const text = escapeCell(cell.text);
      if (cell.flagged) return `**${text}**`;
      return row.emphasis === 'total' && text !== '' ? `**${text}**` : text;
    });
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Render the report as Markdown text. */
export function varianceAsMarkdown(report: VarianceReport): string {
  const parts: string[] = [
    `# Variance report: ${printable(report.programme.name, true)}`,
    `Source: \`${printable(report.programme.path, true)}\`. All amounts £000. \`${DISCREPANCY_MARK}\` marks a stated figure that differs from its line items; \`n/s\` = not stated in the source.`,
  ];
  const note = outturnNote(report);
  if (note) parts.push(note);
  for (const grid of varianceGrid(report)) {
    parts.push(`## ${grid.title} (\`${grid.id}\`)`, markdownTable(grid));
  }
  if (report.discrepancies.length === 0) {
    parts.push('## Discrepancies', 'None: every stated figure agrees with its line items.');
  } else {
    const grid = discrepancyGrid(report);
    parts.push(`## ${grid.title}`, markdownTable(grid));
  }
  const headline = headlineGrid(report);
  parts.push(`## ${headline.title}`, markdownTable(headline));
  parts.push(
    `Computed: ${formatMillions(report.costs.variance)} cost underspend offsetting a ${formatMillions(report.savings.variance)} savings shortfall gives a combined adverse movement of ${formatMillions(report.combined.computed)}` +
      (report.combined.published === undefined ? '.' : ` (published: ${formatMillions(report.combined.published)}).`),
  );
  if (report.diagnosis) parts.push('## Diagnosis', ...diagnosisSummary(report.diagnosis), '`fn-model diagnose` shows every reading and the rules.');
  return `${parts.join('\n\n')}\n`;
}
