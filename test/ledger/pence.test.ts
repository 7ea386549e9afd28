import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePence, parseSafePence, PenceTotals, SAFE_CELL } from '../../src/money/index.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('parseSafePence: the hot loop parser agrees with the exact bigint parser', () => {
  const amountText = fc.oneof(
    fc.string({ unit: fc.constantFrom('0', '1', '5', '9', '.', ',', '-', '(', ')', ' ', '£', 'x'), maxLength: 14 }),
    fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.constantFrom('', '.5', '.05', '.50', '.500', '.055')).map(([whole, fraction]) => `${whole}${fraction}`),
    fc.bigInt({ min: 0n, max: 10n ** 16n }).map((n) => `(£${n.toLocaleString('en-GB')}.99)`),
    fc.bigInt({ min: 0n, max: 10n ** 17n }).map((n) => `\u2212${n}.25`),
  );
  it('gives the same pence, or NaN exactly when it cannot', () => {
    fc.assert(
      fc.property(amountText, (text) => {
        const b = bytes(text);
        const exact = parsePence(b, 0, b.length);
        const fast = parseSafePence(b, 0, b.length);
        if (Number.isNaN(fast)) {
          // Only blanks, non-amounts and amounts of more than 15 digits leave the fast path.
          if (typeof exact === 'bigint') expect(text.split('.')[0]!.replace(/[^0-9]/g, '').length).toBeGreaterThan(13);
        } else {
          expect(Number.isSafeInteger(fast)).toBe(true);
          expect(BigInt(fast)).toBe(exact);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the forms ledgers write', () => {
    const read = (text: string): number => parseSafePence(bytes(text), 0, Buffer.byteLength(text));
    expect(read('1234.56')).toBe(123456);
    expect(read(' -1,234.5 ')).toBe(-123450);
    expect(read('(£1,200.00)')).toBe(-120000);
    expect(read('\u22123.50')).toBe(-350);
    expect(read('\u2212£3.50')).toBe(-350);
    expect(read('12.340')).toBe(1234);
    expect(read('9999999999999.99')).toBe(999999999999999);
    expect(read('12.345')).toBeNaN();
    expect(read('')).toBeNaN();
    expect(read('99999999999999.99')).toBeNaN(); // 16 digits: the bigint path
  });
});

describe('PenceTotals: exact across the 2^52 number/bigint boundary', () => {
  it('sums near and past 2^53 exactly, in either order, by number or by bigint', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.oneof(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), fc.constantFrom(SAFE_CELL, -SAFE_CELL, 999999999999999))), { maxLength: 60 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n })), { maxLength: 5 }),
        (numbers, bigints) => {
          const totals = new PenceTotals();
          const expected = [0n, 0n, 0n, 0n];
          for (const [slot, amount] of numbers) {
            totals.addSafe(slot, amount);
            expected[slot]! += BigInt(amount);
          }
          for (const [slot, amount] of bigints) {
            totals.add(slot, amount);
            expected[slot]! += amount;
          }
          for (let slot = 0; slot < 4; slot++) expect(totals.get(slot)).toBe(expected[slot]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('spills to bigint rather than round: 4,000 additions of £9,999,999,999,999.99', () => {
    const totals = new PenceTotals();
    for (let i = 0; i < 4000; i++) totals.addSafe(7, 999999999999999);
    expect(totals.get(7)).toBe(4000n * 999999999999999n);
    expect(totals.get(8)).toBe(0n);
  });

  it('refuses a number that is not a safe whole number of pence', () => {
    const totals = new PenceTotals();
    expect(() => totals.addSafe(0, 0.5)).toThrow(RangeError);
    expect(() => totals.addSafe(0, 2 ** 53)).toThrow(RangeError);
  });
});
