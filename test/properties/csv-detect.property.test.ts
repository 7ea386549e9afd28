/**
 * Delimiter detection splits its sample itself (plainRecords) instead of asking csv-parse,
 * for start-up time. Property: on any text (quotes, doubled quotes, quoted line breaks and
 * delimiters, and csv-parse's errors: a quote inside a cell, text after a closing quote, a
 * quote left open), for every delimiter, the split gives exactly the records csv-parse gives
 * with the reader's options (up to its error), so detection chooses as it did when it asked
 * csv-parse for every candidate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_DELIMITERS, detectDelimiter, parsedDetectionRecords, plainRecords, type CsvDelimiter } from '../../src/load/csv.js';

/** CSV-ish text: labels, amounts, quotes, every delimiter, every line break, blanks, a BOM. */
const pieces = fc.constantFrom('line', 'name', 'outturn', '2020/21', 'Total', 'x', '1,234', '12', '', ' ', ',', ';', '\t', '\n', '\r\n', '\r', '\n\n', 'sep=;',
  '"', '""', '"a,b"', '"line"', '"x\ny"', '"1;2"', '"q""q"', '" "');
const csvText = fc.tuple(fc.boolean(), fc.array(pieces, { maxLength: 80 })).map(([bom, parts]) => (bom ? '\ufeff' : '') + parts.join(''));

const labels = new Set(['line', 'name', 'outturn', '2020/21']);
const recognises = (label: string) => labels.has(label.trim().toLowerCase());

/** Detection as it was: csv-parse for every candidate. */
function detectWithCsvParse(text: string): CsvDelimiter {
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of CSV_DELIMITERS) {
    const score = Math.max(0, ...parsedDetectionRecords(text, delimiter).map((cells) => cells.filter(recognises).length));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

describe('delimiter detection without csv-parse', () => {
  it('plainRecords gives csv-parse\'s records for every delimiter', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        for (const delimiter of CSV_DELIMITERS) expect(plainRecords(text, delimiter)).toEqual(parsedDetectionRecords(text, delimiter));
      }),
      { numRuns: 2000 },
    );
  });

  it('detectDelimiter chooses what csv-parse for every candidate chose', () => {
    fc.assert(
      fc.property(csvText, (text) => {
        expect(detectDelimiter(text, recognises).delimiter).toBe(detectWithCsvParse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('examples: a trailing line break adds no record, a lone CR ends a record, the BOM goes, quoted cells, an error stops', () => {
    expect(plainRecords('\ufeffline;name\r\nA;b\rC;d\n', ';')).toEqual([['line', 'name'], ['A', 'b'], ['C', 'd']]);
    expect(plainRecords('', ',')).toEqual([]);
    expect(plainRecords('\n', ',')).toEqual([['']]);
    expect(plainRecords('line,"a, b"\n"x\ny",2\n', ',')).toEqual([['line', 'a, b'], ['x\ny', '2']]);
    expect(plainRecords('a,b\nc,d"e\nf,g', ',')).toEqual([['a', 'b']]); // csv-parse stops at the quote inside a cell
    expect(plainRecords('a,b,\n', ',')).toEqual([['a', 'b', '']]);
  });
});
