import { describe, expect, it } from 'vitest';
import { InputError, formatProblem } from '../../src/load/index.js';

describe('formatProblem', () => {
  it('gives file:row: column "name": "text" message', () => {
    expect(formatProblem({ file: 'data/march-2021/brp-savings.csv', row: 5, column: 'outturn', text: '12x4', message: 'is not an amount' })).toBe(
      'data/march-2021/brp-savings.csv:5: column "outturn": "12x4" is not an amount',
    );
  });
  it('puts a sheet in brackets after the file', () => {
    expect(formatProblem({ file: 'book.xlsx', sheet: 'brp-savings', row: 5, column: 'outturn', text: '12x4', message: 'is not an amount' })).toBe(
      'book.xlsx[brp-savings]:5: column "outturn": "12x4" is not an amount',
    );
  });
  it('leaves out absent parts', () => {
    expect(formatProblem({ file: 'data/x', message: 'folder not found' })).toBe('data/x: folder not found');
    expect(formatProblem({ file: 'file.csv', row: 3, message: 'row has 9 cells, header has 8' })).toBe('file.csv:3: row has 9 cells, header has 8');
  });
  it('escapes text like JSON and cuts text over 60 characters with …', () => {
    expect(formatProblem({ file: 'f.csv', row: 2, text: 'a"b\nc', message: 'is not an amount' })).toBe('f.csv:2: "a\\"b\\nc" is not an amount');
    const huge = '9'.repeat(100_000_000);
    expect(formatProblem({ file: 'f.csv', row: 2, text: huge, message: 'is not an amount' })).toBe(`f.csv:2: "${'9'.repeat(60)}…" is not an amount`);
  });
  it('InputError carries every problem, one per line', () => {
    const error = new InputError([
      { file: 'a.csv', row: 2, message: 'one' },
      { file: 'b.csv', message: 'two' },
    ]);
    expect(error.message).toBe('a.csv:2: one\nb.csv: two');
    expect(error.problems).toHaveLength(2);
    expect(error).toBeInstanceOf(Error);
  });
});
