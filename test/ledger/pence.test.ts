import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountProblemMessage, MAX_AMOUNT_WHOLE_DIGITS, parsePence, parseSafePence } from '../../src/money/index.js';

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

describe('the longest amount', () => {
  const bytes = (text: string): [Buffer, number, number] => {
    const buffer = Buffer.from(text);
    return [buffer, 0, buffer.length];
  };

  it(`reads up to ${MAX_AMOUNT_WHOLE_DIGITS} digits of whole pounds exactly, and says why it refuses more`, () => {
    expect(parsePence(...bytes(`${'9'.repeat(25)}.99`))).toBe(10n ** 27n - 1n);
    expect(parsePence(...bytes(`(£${'1,111'.repeat(1)}${',111'.repeat(7)}.10)`))).toBe(-111111111111111111111111110n);
    expect(parsePence(...bytes(`${'9'.repeat(26)}.99`))).toBeUndefined();
    expect(amountProblemMessage(...bytes(`${'9'.repeat(26)}.99`))).toBe('is not an amount fn-model reads: more than 25 digits of whole pounds (see docs/robustness.md)');
    expect(amountProblemMessage(...bytes('12.345'))).toBe('is not an amount');
    expect(amountProblemMessage(...bytes(`${'9'.repeat(26)}.995`))).toBe('is not an amount');
  });
});
