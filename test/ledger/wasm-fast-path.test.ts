/**
 * The ledger reader's WebAssembly fast path (`src/ledger/assembly/rows.ts` behind
 * `src/ledger/pairs.ts`) against references that do not use it:
 * - whole ledgers mixing rows it takes (plain dates and amounts, codes unquoted or quoted)
 *   and rows it must leave to the TypeScript reader (`£`, `1,234.56`, `(12.34)`, `−`, spaces,
 *   `DD/MM/YYYY`, 14+ digit amounts, `""` in codes, blank lines, multi-line descriptions),
 *   read in chunks of random size, against csv-parse + the TypeScript amount and date
 *   parsers + `resolveLine` (fast-check);
 * - totals that leave i64, more pairs and codes than the tables are first sized for, keys
 *   longer than a pair record holds, and each pair's codes, first line and row count;
 * - problem rows located after multi-line records it consumed, and `--max-errors`
 *   stopping on map ties it found.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLedgerMap, resolveLine } from '../../src/ledger/map.js';
import { LedgerPairs } from '../../src/ledger/pairs.js';
import { postingDay, readLedgerActuals } from '../../src/ledger/read.js';
import { parsePence } from '../../src/money/index.js';
import { cell, SMALL_MAP, tempFile } from './helpers.js';

const HEADER = 'posting_date,cost_centre,account,description,amount';

/** The pair-lookup tests' map, plus a code too long for a pair record and a UTF-8 code. */
const MAP = `${SMALL_MAP}COSTCENTREWITHAVERYLONGCODE0001,*,fn-costs,Other Programme Costs
Cé,*,ncc-savings,Adults
`;

/** Pence written in a given style; every style is an amount the TypeScript grammar accepts. */
function amountText(pence: bigint, style: number): string {
  const negative = pence < 0n;
  const magnitude = negative ? -pence : pence;
  const pounds = magnitude / 100n;
  const pennies = String(magnitude % 100n).padStart(2, '0');
  const plain = `${pounds}.${pennies}`;
  const grouped = `${pounds.toLocaleString('en-GB')}.${pennies}`;
  switch (style) {
    case 0: return `${negative ? '-' : ''}${plain}`; // the fast path's own form
    case 1: return pennies === '00' ? `${negative ? '-' : ''}${pounds}` : `${negative ? '-' : ''}${plain}`; // whole pounds
    case 2: return pennies.endsWith('0') ? `${negative ? '-' : ''}${pounds}.${pennies[0]}` : `${negative ? '-' : ''}${plain}`; // one place
    case 3: return `${negative ? '-' : ''}£${plain}`;
    case 4: return cell(`${negative ? '-' : ''}${grouped}`, true);
    case 5: return negative ? `(${plain})` : plain;
    case 6: return ` ${negative ? '-' : ''}${plain} `;
    case 7: return `${negative ? '−' : ''}${plain}`; // U+2212
    default: return `${negative ? '-' : ''}${plain}0`; // a zero third place
  }
}

const costCentres = ['C1', 'C11', 'C2', 'C"3', 'C4', ' C1', 'Cé', 'COSTCENTREWITHAVERYLONGCODE0001', 'C1"'];
const accounts = ['100', '200', '2"0', '9', '', '10', '0', 'ACCOUNT-0000000000000001'];
const dates = ['2020-05-01', '2021-03-31', '2020-02-29', ' 2020-06-01', '1/4/2020', '31/03/2021', '1999-12-31'];
const descriptions = ['item', 'a, b', 'two\nlines', 'say "hi"', '', 'three\nline\nnote'];

const row = fc.record({
  date: fc.constantFrom(...dates),
  costCentre: fc.constantFrom(...costCentres),
  account: fc.constantFrom(...accounts),
  quoteCostCentre: fc.boolean(),
  quoteAccount: fc.boolean(),
  description: fc.constantFrom(...descriptions),
  pence: fc.oneof(
    fc.bigInt({ min: -10_000_000n, max: 10_000_000n }),
    fc.bigInt({ min: -(10n ** 15n - 1n), max: 10n ** 15n - 1n }), // up to 13 whole digits: the fast path's longest
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), // longer: the bigint path
  ),
  style: fc.oneof(fc.constant(0), fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 8 })),
  blankLineBefore: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
});

describe('the WebAssembly fast path gives what the TypeScript reader gives', () => {
  it('on ledgers mixing rows it takes and rows it leaves, in chunks of any size (fast-check)', async () => {
    const map = parseLedgerMap(Buffer.from(MAP), 'map.csv');
    await fc.assert(fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 80 }), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 16, max: 2048 }), async (rows, newline, chunkBytes) => {
      const lines = rows.map((r) => `${r.blankLineBefore ? newline : ''}${r.date},${cell(r.costCentre, r.quoteCostCentre)},${cell(r.account, r.quoteAccount)},${cell(r.description, false)},${amountText(r.pence, r.style)}`);
      const text = `${HEADER}${newline}${lines.join(newline)}${newline}`;
      const actuals = await readLedgerActuals(tempFile('ledger.csv', text), map, { chunkBytes });

      // The reference: csv-parse for the records, the TypeScript parsers for each cell.
      const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
      const expected = new Map<string, bigint>();
      const unmappedPairs = new Set<string>();
      let unmapped = 0n;
      let unmappedRows = 0;
      let total = 0n;
      let first = Infinity;
      let last = -Infinity;
      for (const record of records) {
        const amountBytes = Buffer.from(record.amount!);
        const pence = parsePence(amountBytes, 0, amountBytes.length);
        if (typeof pence !== 'bigint') throw new Error(`the generator wrote a bad amount: ${record.amount}`);
        const dateBytes = Buffer.from(record.posting_date!);
        const day = postingDay(dateBytes, 0, dateBytes.length);
        first = Math.min(first, day);
        last = Math.max(last, day);
        total += pence;
        const costCentre = record.cost_centre!.trim();
        const account = record.account!.trim();
        const target = resolveLine(map, costCentre, account, 'x', 0);
        if (target === undefined) {
          unmapped += pence;
          unmappedRows += 1;
          unmappedPairs.add(`${costCentre}|${account}`);
        } else expected.set(`${target.table}|${target.line}`, (expected.get(`${target.table}|${target.line}`) ?? 0n) + pence);
      }
      for (const line of actuals.lines) expect(line.amount, `${line.table} ${line.line}`).toBe(expected.get(`${line.table}|${line.line}`) ?? 0n);
      expect(actuals.unmapped.amount).toBe(unmapped);
      expect(actuals.unmapped.rows).toBe(unmappedRows);
      expect(actuals.unmapped.codes).toBe(unmappedPairs.size);
      expect(actuals.total).toBe(total);
      expect(actuals.rows).toBe(records.length);
      expect(actuals.emptyLines).toBe(rows.filter((r) => r.blankLineBefore).length);
      const dayText = (day: number): string => `${String(day).slice(0, 4)}-${String(day).slice(4, 6)}-${String(day).slice(6, 8)}`;
      expect([actuals.firstPosting, actuals.lastPosting]).toEqual([dayText(first), dayText(last)]);
    }), { numRuns: 300 });
  });
});

describe('edge cells, after rows that the fast path took, read as the TypeScript parsers read them', () => {
  const map = parseLedgerMap(Buffer.from(MAP), 'map.csv');
  const good = '2020-05-01,C1,100,item,1.00\n'.repeat(40);

  const dates = ['2020-02-29', '2000-02-29', '2021-02-29', '1900-02-29', '2020-04-31', '2020-04-30', '2020-13-01', '2020-00-10', '2020-12-32',
    '2020-12-00', '1899-12-31', '1900-01-01', '2020-1a-01', '2020/04/01', '20200401', '2020-4-01', '9999-12-31'];
  for (const date of dates) {
    it(`posting date ${date}`, async () => {
      const text = `${HEADER}\n${good}${date},C1,100,item,1.00\n${good}`;
      const bytes = Buffer.from(date);
      const reading = readLedgerActuals(tempFile('ledger.csv', text), map, { chunkBytes: 256 });
      if (postingDay(bytes, 0, bytes.length) < 0) await expect(reading).rejects.toMatchObject({ problems: [{ row: 42, column: 'posting_date' }] });
      else expect((await reading).total).toBe(8100n);
    });
  }

  const amounts = ['1.5', '-1.5', '1.50', '-0', '-0.00', '0.01', '.5', '1.', '-', '--1', '1-', '+1', '1e5', '0x10', '1.234', '1.230', '01.00',
    '9999999999999.99', '-9999999999999.99', '99999999999999.99', '1,000.00', '1 000.00', '١٢', '1.0.0', '',
    `${'9'.repeat(25)}.99`, `-${'9'.repeat(25)}.99`, `${'9'.repeat(26)}.99`];
  for (const amount of amounts) {
    it(`amount "${amount}"`, async () => {
      const text = `${HEADER}\n${good}2020-05-01,C1,100,item,${cell(amount, false)}\n${good}`;
      const bytes = Buffer.from(amount);
      const expected = parsePence(bytes, 0, bytes.length);
      const reading = readLedgerActuals(tempFile('ledger.csv', text), map, { chunkBytes: 256 });
      if (typeof expected === 'bigint') expect((await reading).total).toBe(8000n + expected);
      else await expect(reading).rejects.toMatchObject({ problems: [{ row: 42, column: 'amount' }] });
    });
  }
});

describe('LedgerPairs', () => {
  it('keeps each pair\'s codes, first line, rows and exact total past its first size, with long and UTF-8 codes', async () => {
    const pairs = await LedgerPairs.create(16);
    const expected: { costCentre: string; account: string; line: number; rows: number; total: bigint }[] = [];
    const keyOf = (costCentre: string, account: string): Buffer => Buffer.from(costCentre + account);
    for (let round = 0; round < 3; round++) {
      for (let n = 0; n < 5000; n++) {
        const costCentre = n % 7 === 0 ? `CÉNTRE-${n % 300}-${'x'.repeat(n % 40)}` : `C${n % 300}`;
        const account = n % 11 === 0 ? `ACCOUNT-${n}-LONG-ENOUGH-TO-LEAVE-THE-RECORD` : String(n);
        const key = keyOf(costCentre, account);
        const ccLength = Buffer.byteLength(costCentre);
        let pair = pairs.find(key, 0, ccLength, ccLength, key.length);
        if (round === 0) {
          expect(pair).toBe(-1);
          pair = pairs.add(key, 0, ccLength, ccLength, key.length, n + 2);
          expect(pair).toBe(n);
          expected.push({ costCentre, account, line: n + 2, rows: 0, total: 0n });
        }
        expect(pair).toBe(n);
        const pence = BigInt(n) * 4_000_000_000_000_000n; // past i64 by the third round
        pairs.addPence(pair, pence);
        pairs.countRow(pair);
        expected[pair]!.rows += 1;
        expected[pair]!.total += pence;
      }
    }
    expect(pairs.count()).toBe(5000);
    for (const [pair, want] of expected.entries()) {
      expect(pairs.costCentreText(pairs.costCentreCode(pair))).toEqual({ text: want.costCentre, utf8: true, bytes: '' });
      expect(pairs.accountText(pairs.accountCode(pair)).text).toBe(want.account);
      expect(pairs.firstLine(pair)).toBe(want.line);
      expect(pairs.rows(pair)).toBe(want.rows);
      expect(pairs.total(pair)).toBe(want.total);
    }
  });

  it('adds exactly across the i64 boundary, in any order, small and huge amounts alike (fast-check)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.oneof(
        fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }),
        fc.constantFrom(2n ** 63n - 1n, -(2n ** 63n), 2n ** 62n, -(2n ** 62n), 999999999999999n),
        fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
      )), { maxLength: 60 }),
      async (additions) => {
        const pairs = await LedgerPairs.create(4);
        for (let pair = 0; pair < 4; pair++) pairs.add(Buffer.from(`C${pair}`), 0, 2, 2, 2, pair);
        const expected = [0n, 0n, 0n, 0n];
        for (const [pair, pence] of additions) {
          pairs.addPence(pair, pence);
          expected[pair]! += pence;
        }
        for (let pair = 0; pair < 4; pair++) expect(pairs.total(pair)).toBe(expected[pair]);
      },
    ), { numRuns: 300 });
  });

  it('tells apart keys whose hashes collide (200,000 accounts of one cost centre, all the same length)', async () => {
    // With a 32-bit hash, 200,000 keys hold some colliding pairs (birthday bound), so this
    // fails if a probe trusts the hash and lengths without comparing every byte.
    // (So do the 200,000 accounts as codes.)
    const pairs = await LedgerPairs.create(1024);
    const keys = Array.from({ length: 200_000 }, (_, n) => Buffer.from(`C1${String(n).padStart(6, '0')}`));
    let wrong = 0;
    for (const [n, key] of keys.entries()) if (pairs.find(key, 0, 2, 2, key.length) !== -1 || pairs.add(key, 0, 2, 2, key.length, n) !== n) wrong += 1;
    for (const [n, key] of keys.entries()) if (pairs.find(key, 0, 2, 2, key.length) !== n) wrong += 1;
    // The accounts are codes of their own (interned in a table like the pairs'): each keeps its text.
    for (const [n, key] of keys.entries()) if (pairs.accountText(pairs.accountCode(n)).text !== key.toString('utf8', 2)) wrong += 1;
    expect(wrong).toBe(0);
  });

  it('takes the plain rows of a chunk itself and leaves the rest', async () => {
    const pairs = await LedgerPairs.create(16);
    pairs.useColumns(5, 0, 1, 2, 4);
    const chunk = Buffer.from('2020-05-01,C1,100,a,1.00\n2020-05-02,"C2",200,"b\nc",-2.5\n2020-05-03,C1,100,d,£3.00\n2020-05-04,C1,100,e,4.00\n');
    const next = pairs.skip(chunk, 0, 2);
    expect(chunk.subarray(next).toString()).toBe('2020-05-03,C1,100,d,£3.00\n2020-05-04,C1,100,e,4.00\n');
    expect([pairs.records, pairs.lines, pairs.count()]).toEqual([2, 3, 2]);
    expect([pairs.total(0), pairs.total(1), pairs.firstLine(1), pairs.earliestDay(), pairs.latestDay()]).toEqual([100n, -250n, 3, 20200501, 20200502]);
  });
});

describe('the reader with the fast path', () => {
  it('sums totals past i64 exactly', async () => {
    const row = '2020-05-01,C1,100,item,9999999999999.99\n';
    const actuals = await readLedgerActuals(tempFile('ledger.csv', `${HEADER}\n${row.repeat(12_000)}`), parseLedgerMap(Buffer.from(MAP), 'map.csv'), { chunkBytes: 65_536 });
    expect(actuals.total).toBe(12_000n * 999_999_999_999_999n);
    expect(actuals.lines.find((line) => line.line === 'Staff Costs')!.amount).toBe(12_000n * 999_999_999_999_999n);
  });

  it('counts more pairs and codes than its tables are first sized for', async () => {
    const rows: string[] = [];
    for (let n = 0; n < 40_000; n++) rows.push(`2020-05-01,X${n % 1500},${Math.floor(n / 1500)},item,${n % 2 === 0 ? '' : '-'}1.0${n % 10}`);
    const actuals = await readLedgerActuals(tempFile('ledger.csv', `${HEADER}\n${rows.join('\n')}\n`), parseLedgerMap(Buffer.from(MAP), 'map.csv'));
    expect(actuals.unmapped.codes).toBe(40_000);
    expect(actuals.unmapped.rows).toBe(40_000);
    let total = 0n;
    for (let n = 0; n < 40_000; n++) total += (n % 2 === 0 ? 1n : -1n) * BigInt(100 + (n % 10));
    expect(actuals.unmapped.amount).toBe(total);
  });

  it('locates a bad row after records it consumed that span several lines', async () => {
    const good = '2020-05-01,C1,100,"first line\nsecond line",1.00\n';
    const text = `${HEADER}\n${good.repeat(300)}2020-05-01,C1,100,item,12.345\n`;
    const reading = readLedgerActuals(tempFile('ledger.csv', text), parseLedgerMap(Buffer.from(MAP), 'map.csv'), { chunkBytes: 1000 });
    await expect(reading).rejects.toMatchObject({ problems: [{ row: 2 + 300 * 2, column: 'amount', text: '12.345' }] });
  });

  it('stops at --max-errors on map ties among the pairs it found, each at its first row', async () => {
    // Accounts 3 to 5 of C9 match two ranges of the same width that send them to different lines.
    const map = parseLedgerMap(Buffer.from('cost_centre,account,table,line\nC9,1-5,fn-costs,Staff Costs\nC9,3-7,brp-investment,BRR04\nC1,*,fn-costs,Staff Costs\n'), 'map.csv');
    const text = `${HEADER}\n2020-05-01,C1,1,a,1.00\n2020-05-01,C9,3,a,1.00\n2020-05-01,C9,1,a,1.00\n2020-05-01,C9,4,a,1.00\n2020-05-01,C9,5,a,1.00\n`;
    const reading = readLedgerActuals(tempFile('ledger.csv', text), map, { maxErrors: 2 });
    await expect(reading).rejects.toMatchObject({ stoppedEarly: true, problems: [{ row: 3 }, { row: 5 }] });
    const all = readLedgerActuals(tempFile('ledger.csv', text), map, { maxErrors: 10 });
    await expect(all).rejects.toMatchObject({ stoppedEarly: false, problems: [{ row: 3 }, { row: 5 }, { row: 6 }] });
  });
});
