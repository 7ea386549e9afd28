/**
 * The box renderer `variance` draws its tables with (src/render/box-table.ts) against
 * cli-table3, which it replaced for start-up cost: for any headings, rows and alignments
 * (including wide characters, combining marks and ANSI colour), the same text.
 */
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BoxAlign, boxTable, displayWidth } from '../../src/render/box-table.js';

function cliTable3(head: readonly string[], rows: readonly (readonly string[])[], align: readonly BoxAlign[]): string {
  const table = new Table({ head: [...head], style: { head: [], border: [], compact: true }, colAligns: [...align] });
  for (const row of rows) table.push([...row]);
  return table.toString();
}

const text = fc.oneof(
  fc.string({ maxLength: 12 }).map((value) => value.replace(/[\u0000-\u001f\u007f-\u009f\n\r]/g, '')),
  fc.constantFrom('東京', 'café', 'e\u0301cole', 'Ｆｕｌｌ', '(1,234)', '908!', 'n/s', '\u001b[1mTOTAL\u001b[22m', '\u001b[31m\u001b[1m(20)!\u001b[22m\u001b[39m', ''),
);

describe('boxTable draws what cli-table3 draws', () => {
  it('for random tables', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 4 }), fc.infiniteStream(text), fc.infiniteStream(fc.constantFrom<BoxAlign>('left', 'right')), (columns, rowCount, texts, aligns) => {
      const take = (n: number) => Array.from({ length: n }, () => texts.next().value as string);
      const head = take(columns).map((value) => value || 'h');
      const rows = Array.from({ length: rowCount }, () => take(columns));
      const align = Array.from({ length: columns }, () => aligns.next().value as BoxAlign);
      expect(boxTable({ head, rows, align })).toBe(cliTable3(head, rows, align));
    }), { numRuns: 300 });
  });

  it('measures wide characters as two columns and colour codes as none', () => {
    expect(displayWidth('東京')).toBe(4);
    expect(displayWidth('e\u0301cole')).toBe(5);
    expect(displayWidth('\u001b[31m(20)!\u001b[39m')).toBe(5);
  });
});
