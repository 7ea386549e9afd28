import { describe, expect, it } from 'vitest';
import { csvLimitProblem } from '../../src/load/csv-limits.js';
import { parseCsvRows } from '../../src/load/csv.js';
import { MAX_CELL_CHARACTERS, MAX_COLUMNS } from '../../src/load/limits.js';

describe('csvLimitProblem', () => {
  it('passes the bundled-size files and cells at exactly the limits', () => {
    expect(csvLimitProblem('line,name\nA,B\n', 'f.csv')).toBeUndefined();
    expect(csvLimitProblem(`a,${'x'.repeat(MAX_CELL_CHARACTERS)}\n`, 'f.csv')).toBeUndefined();
    expect(csvLimitProblem(`${'1,'.repeat(MAX_COLUMNS - 1)}1\n`, 'f.csv')).toBeUndefined();
  });

  it('refuses a cell one character over, at its row and column', () => {
    expect(csvLimitProblem(`a,b\nc,${'x'.repeat(MAX_CELL_CHARACTERS + 1)}\n`, 'f.csv')).toEqual({
      file: 'f.csv',
      row: 2,
      text: 'x'.repeat(200),
      message: "is in column 2 and has about 32,768 characters; cells over 32,767 characters (Excel's maximum) are refused",
    });
  });

  it('refuses cell 16,385 of a row, quoting it', () => {
    const problem = csvLimitProblem(`h\n${'1,'.repeat(MAX_COLUMNS)}"la""st",more\n`, 'f.csv');
    expect(problem).toEqual({ file: 'f.csv', row: 2, text: 'la"st', message: "is cell 16,385 of the row; rows of more than 16,384 cells (Excel's maximum) are refused" });
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('counts rows as parseCsvRows does (%s, quoted line breaks, blank lines)', (_name, end) => {
    const lines = ['line,name', '"A', 'still A",x', '', 'B,y', `C,${'z'.repeat(MAX_CELL_CHARACTERS + 1)}`];
    const text = lines.join(end) + end;
    const problem = csvLimitProblem(text, 'f.csv');
    const rows = parseCsvRows(text, 'f.csv').rows;
    expect(problem?.row).toBe(rows.find((row) => row.cells[0]?.text === 'C')?.row);
    expect(problem?.row).toBe(6); // the physical line C starts on (record 5: the quoted "A…still A" spans lines 2–3)
  });
});
