/**
 * Delimiter detection reads a quote-free sample with a plain split (plainRecords) instead of
 * csv-parse, for start-up time. Property: on any text without a `"`, for every delimiter,
 * the plain split gives exactly the records csv-parse gives with the reader's options, so
 * detection chooses as it did when it asked csv-parse for every candidate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_DELIMITERS, detectDelimiter, parsedDetectionRecords, plainRecords, type CsvDelimiter } from '../../src/load/csv.js';

/** Quote-free CSV-ish text: labels, amounts, every delimiter, every line break, blanks, a BOM. */
const pieces = fc.constantFrom('line', 'name', 'outturn', '2020/21', 'Total', 'x', '1,234', '12', '', ' ', ',', ';', '\t', '\n', '\r\n', '\r', '\n\n', 'sep=;');
const quoteFreeText = fc.tuple(fc.boolean(), fc.array(pieces, { maxLength: 80 })).map(([bom, parts]) => (bom ? '\ufeff' : '') + parts.join(''));

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

describe('delimiter detection without csv-parse on quote-free text', () => {
  it('plainRecords gives csv-parse\'s records for every delimiter', () => {
    fc.assert(
      fc.property(quoteFreeText, (text) => {
        for (const delimiter of CSV_DELIMITERS) expect(plainRecords(text, delimiter)).toEqual(parsedDetectionRecords(text, delimiter));
      }),
      { numRuns: 400 },
    );
  });

  it('detectDelimiter chooses what csv-parse for every candidate chose', () => {
    fc.assert(
      fc.property(quoteFreeText, (text) => {
        expect(detectDelimiter(text, recognises).delimiter).toBe(detectWithCsvParse(text));
      }),
      { numRuns: 400 },
    );
  });

  it('examples: a trailing line break adds no record, a lone CR ends a record, the BOM goes', () => {
    expect(plainRecords('\ufeffline;name\r\nA;b\rC;d\n', ';')).toEqual([['line', 'name'], ['A', 'b'], ['C', 'd']]);
    expect(plainRecords('', ',')).toEqual([]);
    expect(plainRecords('\n', ',')).toEqual([['']]);
    expect(() => plainRecords('"a",b', ',')).toThrow(/quote/);
  });
});
