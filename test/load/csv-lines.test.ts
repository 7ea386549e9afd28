/**
 * The CSV reader's physical line numbers, `sep=` lines and delimiter detection (issue 16),
 * as units; the same cases run through the real CLI in the bad-input corpus and
 * test/robustness/real-exports.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsvRows, readCsvRows, sepLine } from '../../src/load/csv.js';
import { tableColumnOf } from '../../src/load/header.js';

const recognises = (label: string) => tableColumnOf(label) !== undefined;

describe('parseCsvRows: rows are physical lines', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('after a quoted line break (%s), a record starts on its physical line and a later cell carries its own line', (_name, end) => {
    const text = ['line,name,outturn', `A,"Two${end}lines",1`, 'B,b,2', `C,"x${end}y${end}z",3`, '', 'D,d'].join(end) + end;
    const { rows, problems } = parseCsvRows(text, 'f.csv');
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.cells[0]?.text, row.row])).toEqual([['line', 1], ['A', 2], ['B', 4], ['C', 5], ['', 8], ['D', 9]]);
    expect(rows[1]?.cells.map((cell) => cell.line)).toEqual([undefined, undefined, 3]);
    expect(rows[3]?.cells.map((cell) => cell.line)).toEqual([undefined, undefined, 7]);
  });

  it('counts from firstLine (after a skipped sep= line) and splits by the delimiter given', () => {
    const { rows } = parseCsvRows('line;name\nA;"1,5"\n', 'f.csv', { delimiter: ';', firstLine: 2 });
    expect(rows.map((row) => [row.row, row.cells.map((cell) => cell.text)])).toEqual([[2, ['line', 'name']], [3, ['A', '1,5']]]);
  });

  it('a syntax error is located at the line its record starts, after quoted line breaks', () => {
    const { problems } = parseCsvRows('line,name\r\nA,"Two\r\nlines"\r\nB,"b"x\r\n', 'f.csv');
    expect(problems).toEqual([{ file: 'f.csv', row: 4, text: 'b', message: 'unexpected character after a closing quote (a " inside a cell must be doubled) in column 2' }]);
  });
});

describe('sep= lines and delimiter detection', () => {
  it('reads Excel\'s sep= hint, and refuses one naming another character', () => {
    expect(sepLine('sep=;\r\nline;name\r\n')).toEqual({ delimiter: ';', length: 7 });
    expect(sepLine('SEP=,\nline,name\n')).toEqual({ delimiter: ',', length: 6 });
    expect(sepLine('sep=\t\nline\tname\n')).toEqual({ delimiter: '\t', length: 6 });
    expect(sepLine('sep=|\nline|name\n')).toEqual({ unknown: 'sep=|', length: 6 });
    expect(sepLine('line,name\n')).toBeUndefined();
  });

  it.each([
    [',', 'Title, with a comma\nline,name,outturn\nA,"a;b",1\n'],
    ['\t', 'line\tname\toutturn\nA\t"a, b; c"\t1\n'],
    [';', 'Programme; March 2021\n\nline;name;outturn;variance\nA;a, b;1,5;0\n'],
  ])('finds %j from the header line', (delimiter, text) => {
    expect(detectDelimiter(text, recognises)).toEqual({ delimiter, choice: 'header' });
  });

  it('with no header line recognised, comma is the default', () => {
    expect(detectDelimiter('a\tb\nc\td\n', recognises)).toEqual({ delimiter: ',', choice: 'default' });
  });

  it('readCsvRows: --delimiter wins over the sep= line, which is still skipped', async () => {
    const bytes = Buffer.from('sep=;\nline\tname\nA\tB\n');
    const read = await readCsvRows(bytes, { encoding: 'auto', delimiter: '\t', recognises }, 'f.csv');
    expect(read.delimiter).toEqual({ delimiter: '\t', choice: 'forced' });
    expect(read.rows.map((row) => [row.row, row.cells.length])).toEqual([[2, 2], [3, 2]]);
    const unknown = await readCsvRows(Buffer.from('sep=|\nline|name\n'), { encoding: 'auto', recognises }, 'f.csv');
    expect(unknown.problems).toEqual([{ file: 'f.csv', row: 1, text: 'sep=|', message: 'names a delimiter fn-model does not read (comma, tab or semicolon; or give --delimiter)' }]);
  });
});
