import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordTexts, scanCsvBytes, scanCsvFile } from '../../src/ledger/scanner.js';
import { tempFile } from './helpers.js';

function scanAll(bytes: Uint8Array): string[][] {
  const records: string[][] = [];
  scanCsvBytes(bytes, { file: 't.csv' }, (record) => {
    records.push(recordTexts(record));
  });
  return records;
}

function cell(text: string): string {
  return /[",\r\n]/.test(text) || text === '' ? `"${text.replaceAll('"', '""')}"` : text;
}

const field = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', '1', '.', ' ', ',', '"', '\n', '\r', '£', 'é', '-') , maxLength: 8 }),
  fc.string({ maxLength: 6 }),
);

describe('byte scanner agrees with csv-parse', () => {
  it('on quoted fields, "" escapes, embedded commas and newlines, CRLF, BOM', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 6 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (rows, newline, bom, finalNewline, quoteAll) => {
          const text = (bom ? '\ufeff' : '') + rows.map((row) => row.map((f) => (quoteAll ? `"${f.replaceAll('"', '""')}"` : cell(f))).join(',')).join(newline) + (finalNewline ? newline : '');
          const bytes = Buffer.from(text, 'utf8');
          const expected = parse(bytes, { bom: true, relax_column_count: true, record_delimiter: newline === '\n' ? '\n' : '\r\n' }) as string[][];
          expect(scanAll(bytes)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('streams from a file in tiny chunks with the same records (records split across reads)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 9 }), async (rows, chunkBytes) => {
        const text = '\ufeff' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
        const expected = parse(Buffer.from(text), { bom: true, relax_column_count: true, record_delimiter: '\r\n' }) as string[][];
        const records: string[][] = [];
        await scanCsvFile(tempFile('c.csv', text), { file: 'c.csv', chunkBytes }, (record) => {
          records.push(recordTexts(record));
        });
        expect(records).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the line each record starts on, counting newlines inside quotes', () => {
    const lines: number[] = [];
    scanCsvBytes(Buffer.from('a,b\n"x\ny",1\r\nz,2\n'), { file: 't.csv' }, (record) => {
      lines.push(record.line);
    });
    expect(lines).toEqual([1, 2, 4]);
  });

  it('locates an unterminated quote at end of file and a stray quote', () => {
    expect(() => scanAll(Buffer.from('a,b\n1,2\n3,"open\n'))).toThrow('t.csv:3: column "field 2": "\\"open\\n" opens a quote that is not closed before the end of the file');
    expect(() => scanAll(Buffer.from('a,b\n1,x"y\n'))).toThrow('t.csv:2: column "field 2": "x\\"y" has a quote (") inside an unquoted field');
    expect(() => scanAll(Buffer.from('a,b\n1,"x"y\n'))).toThrow('t.csv:2: column "field 2": "\\"x\\"y" has text after its closing quote; a quote inside a field must be doubled');
  });
});
