/**
 * largest / smallest (src/extent.ts): Math.max / Math.min without spreading the values as
 * arguments, which threw RangeError past ~100,000 values (variance on a 20,000-line
 * programme did, exit 3). Unit values, the same results as Math.max/min on any array
 * (fast-check), and a million values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largest, smallest } from '../../src/extent.js';

describe('largest and smallest', () => {
  it('examples: floor and ceiling, empty lists, NaN as Math.max/min give it', () => {
    expect(largest([3, 9, 2])).toBe(9);
    expect(largest([3, 9, 2], 12)).toBe(12);
    expect(largest([], 8)).toBe(8);
    expect(largest([])).toBe(Number.NEGATIVE_INFINITY);
    expect(smallest([3, 9, 2])).toBe(2);
    expect(smallest([3, 9, 2], 1)).toBe(1);
    expect(smallest([])).toBe(Number.POSITIVE_INFINITY);
    expect(largest([1, Number.NaN, 5])).toBeNaN();
    expect(smallest([1, Number.NaN, 5])).toBeNaN();
  });

  it('equal Math.max(floor, ...values) and Math.min(ceiling, ...values) on any list', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0))), fc.oneof(fc.double(), fc.constantFrom(0, -0)), (values, bound) => {
        expect(largest(values, bound)).toBe(Math.max(bound, ...values));
        expect(smallest(values, bound)).toBe(Math.min(bound, ...values));
      }),
      { numRuns: 2000 },
    );
  });

  it('a million values, where the spread throws', () => {
    const values = Array.from({ length: 1_000_000 }, (_, index) => (index * 7919) % 1_000_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(largest(values)).toBe(values.reduce((best, value) => Math.max(best, value)));
    expect(smallest(values, 5)).toBe(0);
  });
});
