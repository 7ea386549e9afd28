/**
 * Arithmetic invariants of the money module and the engine's totals (fast-check).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, amountOf, formatAmount, formatMillions, negate, parseAmount, roundTo, subtract, sum, toDecimalString } from '../../src/money/index.js';
import { computeLine, totalOf } from '../../src/engine/index.js';
import type { Field, Line } from '../../src/model/index.js';

/** Amounts in £000 with up to 2 decimal places, as decimal strings (never via a float). */
const amountText = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 2 }))
  .map(([units, places]) => {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
    const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return negative ? `-${text}` : text;
  });

const FIELDS: readonly Field[] = ['2019/20', '2020/21', '2021/24', 'total', 'outturn', 'variance'];

const line = fc.record({ a: amountText, b: amountText, c: amountText, outturn: amountText }).map(
  ({ a, b, c, outturn }): Line => ({
    id: 'L', name: 'L', row: 2, stated: {}, sources: {},
    inputs: { '2019/20': amountOf(a), '2020/21': amountOf(b), '2021/24': amountOf(c), outturn: amountOf(outturn) },
  }),
);

describe('money is exact', () => {
  it('0.1 + 0.2 is exactly 0.3 (it is not in floating point)', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toDecimalString(add(amountOf('0.1'), amountOf('0.2')))).toBe('0.3');
  });

  it('a + b − b = a for any amounts', () => {
    fc.assert(fc.property(amountText, amountText, (a, b) => {
      expect(subtract(add(amountOf(a), amountOf(b)), amountOf(b)).eq(amountOf(a))).toBe(true);
    }));
  });

  it('sum is the same whatever the order of the amounts', () => {
    const permuted = fc.array(amountText, { maxLength: 40 }).chain((texts) =>
      fc.tuple(fc.constant(texts), fc.shuffledSubarray(texts, { minLength: texts.length, maxLength: texts.length })));
    fc.assert(fc.property(permuted, ([texts, shuffled]) => {
      expect(sum(shuffled.map((text) => amountOf(text))).eq(sum(texts.map((text) => amountOf(text))))).toBe(true);
    }));
  });

  it('formatting then parsing gives the amount back', () => {
    fc.assert(fc.property(amountText, (text) => {
      const amount = amountOf(text);
      for (const shown of [formatAmount(amount), formatAmount(amount, { brackets: false }), formatAmount(amount, { grouping: false })]) {
        const back = parseAmount(shown);
        expect(back.kind).toBe('amount');
        if (back.kind === 'amount') expect(back.value.eq(amount)).toBe(true);
      }
    }));
  });
});

describe('table totals', () => {
  it('are invariant under line order', () => {
    const permuted = fc.array(line, { minLength: 1, maxLength: 20 }).chain((lines) =>
      fc.tuple(fc.constant(lines), fc.shuffledSubarray(lines, { minLength: lines.length, maxLength: lines.length })));
    fc.assert(fc.property(permuted, ([lines, shuffled]) => {
      const forward = totalOf(lines.map((item) => computeLine(item, FIELDS)), FIELDS);
      const backward = totalOf(shuffled.map((item) => computeLine(item, FIELDS)), FIELDS);
      for (const field of FIELDS) expect(forward[field]!.eq(backward[field]!)).toBe(true);
    }));
  });

  it('total of the line totals equals the sum of the period totals, and variance = budget − outturn, in aggregate', () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 20 }), (lines) => {
      const totals = totalOf(lines.map((item) => computeLine(item, FIELDS)), FIELDS);
      expect(totals.total!.eq(add(add(totals['2019/20']!, totals['2020/21']!), totals['2021/24']!))).toBe(true);
      expect(totals.variance!.eq(subtract(totals['2020/21']!, totals.outturn!))).toBe(true);
    }));
  });
});

describe('display rounding is half away from zero (as Excel\'s ROUND)', () => {
  it('a figure exactly halfway rounds away from zero, symmetrically for negatives; £m shows the same rule', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 4 }), (whole, places) => {
      const unit = amountOf(`1e-${places}`);
      const half = amountOf(`${whole}`).times(unit).plus(unit.dividedBy(2)); // exactly halfway between two steps
      const up = amountOf(`${whole + 1n}`).times(unit);
      expect(roundTo(half, places).eq(up)).toBe(true);
      expect(roundTo(negate(half), places).eq(negate(up))).toBe(true);
      if (places === 3) {
        const shown = formatMillions(half.times(1000));
        expect(shown).toBe(`£${formatAmount(up, { places: 3, grouping: false })}m`);
      }
    }));
  });

  it('anything nearer one step rounds to it', () => {
    fc.assert(fc.property(amountText, fc.integer({ min: 0, max: 3 }), (text, places) => {
      const value = amountOf(text);
      const rounded = roundTo(value, places);
      expect(rounded.minus(value).abs().lte(amountOf(`5e-${places + 1}`))).toBe(true);
    }));
  });
});
