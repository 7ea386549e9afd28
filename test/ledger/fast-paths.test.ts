/**
 * The ledger hot loop's fast paths against slow, obvious references:
 * - `postingDay`'s `YYYY-MM-DD` fast path and its general path against a regular
 *   expression plus the calendar (Date.UTC);
 * - the one-probe pair lookup on raw code bytes against csv-parse + `resolveLine` per row,
 *   on small ledgers whose codes come quoted, unquoted and with `""` escapes, so rows of
 *   one pair arrive by both the fast and the long way, in any order; and whose codes run
 *   together alike (`C1`+`10` and `C11`+`0`), so a key that forgot where one code ends fails.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLedgerMap, resolveLine } from '../../src/ledger/map.js';
import { postingDay, readLedgerActuals } from '../../src/ledger/read.js';
import { cell, SMALL_MAP, tempFile } from './helpers.js';

/** The reference: YYYYMMDD for a real date from 1900 written YYYY-MM-DD or D/M/YYYY (spaces around allowed), else -1. */
function referenceDay(text: string): number {
  const trimmed = text.replace(/^ +| +$/g, '');
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  let year: number;
  let month: number;
  let day: number;
  if (match) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
    if (!match) return -1;
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (year < 1900) return -1;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return -1;
  return year * 10000 + month * 100 + day;
}

const dayOf = (text: string): number => {
  const bytes = Buffer.from(`x${text}y`);
  return postingDay(bytes, 1, bytes.length - 1);
};

describe('postingDay', () => {
  it('agrees with a regular expression and the calendar on real edge cases', () => {
    for (const text of ['2020-04-01', '2021-03-31', '2020-02-29', '2021-02-29', '1900-02-29', '2000-02-29', '1899-12-31', '2020-13-01', '2020-00-10', '2020-04-31', '2020-04-00',
      '2020-4-01', '2020/04/01', '2O20-04-01', '2020-04-0a', '2020-04-01 ', ' 2020-04-01', '1/4/2020', '01/04/2020', '31/4/2020', '29/2/2021', '29/02/2024', '1/13/2020', '', '2020-04-011']) {
      expect(dayOf(text), JSON.stringify(text)).toBe(referenceDay(text));
    }
  });

  it('agrees on random near-dates (fast-check)', () => {
    const digit = fc.constantFrom(...'0123456789');
    const noise = fc.constantFrom(...'0123456789-/ a:');
    const near = fc.tuple(fc.array(fc.oneof(digit, digit, noise), { minLength: 4, maxLength: 4 }), fc.constantFrom('-', '/', '-'), fc.array(digit, { minLength: 1, maxLength: 2 }), fc.constantFrom('-', '/'), fc.array(fc.oneof(digit, noise), { minLength: 1, maxLength: 4 }))
      .map(([a, s1, b, s2, c]) => `${a.join('')}${s1}${b.join('')}${s2}${c.join('')}`);
    const dayFirst = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1890, max: 2400 }))
      .map(([d, m, y]) => `${d}/${m}/${y}`);
    const isoish = fc.tuple(fc.integer({ min: 1890, max: 2400 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 40 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(fc.property(fc.oneof(near, dayFirst, isoish), fc.constantFrom('', ' ', '  '), (text, pad) => {
      expect(dayOf(pad + text + pad)).toBe(referenceDay(pad + text + pad));
    }), { numRuns: 3000 });
  });
});


describe('pair lookup on raw bytes', () => {
  it('gives csv-parse + resolveLine totals whatever the quoting of the codes (fast-check)', async () => {
    const map = parseLedgerMap(Buffer.from(SMALL_MAP), 'map.csv');
    const row = fc.record({
      costCentre: fc.constantFrom('C1', 'C11', 'C2', 'C"3', 'C4', 'C1"'),
      account: fc.constantFrom('100', '200', '2""0', '9', '', '10', '0'),
      quoteCostCentre: fc.boolean(),
      quoteAccount: fc.boolean(),
      pence: fc.integer({ min: -10_000_000, max: 10_000_000 }),
    });
    await fc.assert(fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 60 }), async (rows) => {
      const lines = rows.map((r) => {
        const sign = r.pence < 0 ? '-' : '';
        const pounds = `${sign}${Math.floor(Math.abs(r.pence) / 100)}.${String(Math.abs(r.pence) % 100).padStart(2, '0')}`;
        return `2020-05-01,${cell(r.costCentre, r.quoteCostCentre)},${cell(r.account, r.quoteAccount)},item,${pounds}`;
      });
      const text = `posting_date,cost_centre,account,description,amount\n${lines.join('\n')}\n`;
      const actuals = await readLedgerActuals(tempFile('ledger.csv', text), map);

      const expected = new Map<string, bigint>();
      let unmapped = 0n;
      let total = 0n;
      for (const [index, record] of (parse(text, { columns: true }) as Record<string, string>[]).entries()) {
        const pence = BigInt(rows[index]!.pence);
        total += pence;
        const target = resolveLine(map, record.cost_centre!, record.account!, 'x', 0);
        if (target === undefined) unmapped += pence;
        else expected.set(`${target.table}|${target.line}`, (expected.get(`${target.table}|${target.line}`) ?? 0n) + pence);
      }
      for (const line of actuals.lines) expect(line.amount, `${line.table} ${line.line}`).toBe(expected.get(`${line.table}|${line.line}`) ?? 0n);
      expect(actuals.unmapped.amount).toBe(unmapped);
      expect(actuals.total).toBe(total);
      expect(actuals.rows).toBe(rows.length);
    }), { numRuns: 200 });
  });
});
