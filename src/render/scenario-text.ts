/**
 * Rendering scenario grids (see `scenario-grid.ts`) as terminal tables, Markdown or
 * CSV. CSV here is the grid as shown ("wide" form, one row per displayed row, money
 * as plain decimal strings £000) so a spreadsheet opens the same table the terminal shows.
 */
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from './csv-safety.js';
import type { GridTable } from './variance-grid.js';

/** Grids as terminal text (no colour: scenario summaries carry no flags). */
export function gridsAsTable(grids: readonly GridTable[], preamble = ''): string {
  const parts = grids.map((grid) => {
    const table = new Table({ head: [...grid.head], style: { head: [], border: [], compact: true }, colAligns: grid.rows[0]?.cells.map((cell) => (cell.numeric ? 'right' : 'left')) ?? [] });
    for (const row of grid.rows) table.push(row.cells.map((cell) => cell.text));
    return `${grid.title}\n${table.toString()}\n${grid.note ? `${grid.note}\n` : ''}`;
  });
  return `${preamble}${parts.join('\n')}`;
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Grids as GitHub-flavoured Markdown pipe tables, each under a `##` heading. */
export function gridsAsMarkdown(title: string, grids: readonly GridTable[], preamble = ''): string {
  const parts = [`# ${title}`, ...(preamble ? [preamble.trim()] : [])];
  for (const grid of grids) {
    const first = grid.rows[0]?.cells ?? [];
    const lines = [
      `| ${grid.head.map(escapeCell).join(' | ')} |`,
      `|${grid.head.map((_, index) => (first[index]?.numeric ? '---:' : ':---')).join('|')}|`,
      ...grid.rows.map((row) => `| ${row.cells.map((cell) => (row.emphasis === 'total' ? `**${escapeCell(cell.text)}**` : escapeCell(cell.text))).join(' | ')} |`),
    ];
    parts.push(`## ${grid.title}`, lines.join('\n'), ...(grid.note ? [escapeCell(grid.note)] : []));
  }
  return `${parts.join('\n\n')}\n`;
}

/** Rows as CSV (RFC 4180, `\n` line ends, header first); text cells are neutralised against formula injection. */
export function rowsAsCsv(head: readonly string[], rows: readonly (readonly string[])[], textColumns: readonly number[] = []): string {
  const text = new Set(textColumns);
  return stringify([[...head], ...rows.map((row) => row.map((cell, index) => (text.has(index) ? neutraliseFormula(cell) : cell)))], { record_delimiter: '\n' });
}
