/**
 * Writing a layout file from what detection found (`fn-model layout init`): each table's
 * sheet, its title (or range, or the table whose total row it sits below) and every column's
 * header label as it stands in the workbook, for the officer to check and keep. Reading the
 * file back (`--layout`) places every table where it was found, so the report is the same.
 */
import { stringify } from 'yaml';
import { TABLE_LAYOUTS } from '../model/index.js';
import { columnHeading } from '../load/header.js';
import type { PublishedRead } from '../load/published.js';

/** The layout file's text for a published read of `file` (YAML with a comment header; tables in the report's order; tables not found listed as comments). */
export function renderLayout(read: PublishedRead, file: string): string {
  const tables: Record<string, Record<string, unknown>> = {};
  for (const found of read.detected) {
    const columns: Record<string, string> = {};
    for (const [column, label] of found.columns) columns[columnHeading(column)] = label;
    tables[found.id] = {
      ...(found.sheet !== undefined ? { sheet: found.sheet } : {}),
      ...(found.title !== undefined ? { title: found.title } : {}),
      ...(found.range !== undefined ? { range: found.range } : {}),
      ...(found.below !== undefined ? { below: found.below } : {}),
      ...(found.below === undefined ? { columns } : {}),
    };
  }
  const missing = TABLE_LAYOUTS.filter((layout) => !read.detected.some((found) => found.id === layout.id));
  const lines = [
    `# fn-model layout for ${file}, written by \`fn-model layout init\` from what was detected.`,
    '# Check each table\'s place, keep this file beside the workbook, and use it:',
    `#   fn-model variance --data ${file} --layout THIS-FILE`,
    '# Each table: sheet, then one of title (text of its title cell), range (A5:H12, header rows',
    '# included) or below (the total row directly below that table\'s total); columns: header labels.',
    '# Reference: docs/published-layout.md',
    ...missing.map((layout) => `# NOT FOUND: ${layout.id} ("${layout.title}"): add it under tables: with its sheet and title, range or below`),
  ];
  const body = stringify({ tables, ...(read.headlineCell ? { headline: read.headlineCell } : {}) }, { lineWidth: 0 });
  return `${lines.join('\n')}\n${body}`;
}
