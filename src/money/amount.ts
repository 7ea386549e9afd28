/**
 * The one place fn-model does arithmetic on money.
 *
 * Every amount is an instance of {@link Money}, a private clone of decimal.js with
 * 40 significant digits and banker's rounding (ROUND_HALF_EVEN). Published council
 * figures are whole £000 and every sum of them is exact at that precision, so no
 * arithmetic here ever rounds in practice; rounding happens only in
 * `format.ts`, for display, and says so.
 *
 * A reviewer can grep for `new Money(` and `.plus(` outside `src/money/` to find
 * exceptions; there should be none.
 */
import { Decimal } from 'decimal.js';

/**
 * The Decimal constructor used for all money. 40 significant digits, ROUND_HALF_EVEN,
 * and exponent limits wide enough that `toFixed()` never needs scientific notation.
 */
export const Money = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -40,
  toExpPos: 40,
});

/** An exact amount of money. The unit (£ or £000) is carried by the context that holds it. */
export type Amount = Decimal;

/** Zero, as an {@link Amount}. */
export const ZERO: Amount = new Money(0);

/**
 * Make an amount from a canonical decimal string such as `"-158"` or `"0.454"`.
 * Intended for trusted, already-validated text (JSON we wrote, constants in tests);
 * user input goes through {@link parseAmount} in `parse.ts`.
 * @throws Error when `text` is not a finite decimal number.
 */
export function amountOf(text: string | bigint): Amount {
  const value = new Money(typeof text === 'bigint' ? text.toString() : text);
  if (!value.isFinite()) throw new Error(`not a finite amount: ${String(text)}`);
  return value;
}

/** a + b, exact. */
export function add(a: Amount, b: Amount): Amount {
  return a.plus(b);
}

/** a − b, exact. */
export function subtract(a: Amount, b: Amount): Amount {
  return a.minus(b);
}

/** Sum of a list of amounts, exact; the sum of an empty list is zero. */
export function sum(amounts: Iterable<Amount>): Amount {
  let total: Amount = ZERO;
  for (const amount of amounts) total = total.plus(amount);
  return total;
}

/** −a. */
export function negate(a: Amount): Amount {
  return a.negated();
}

/** |a|. */
export function absolute(a: Amount): Amount {
  return a.abs();
}

/** a × factor, exact for any decimal factor (e.g. a share such as 0.25). */
export function multiply(a: Amount, factor: Amount): Amount {
  return a.times(factor);
}

/** Whether a and b are the same amount (so `1000` equals `1000.00`). */
export function equals(a: Amount, b: Amount): boolean {
  return a.eq(b);
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Amount, b: Amount): -1 | 0 | 1 {
  return a.cmp(b) as -1 | 0 | 1;
}

/** Whether a is zero (of either sign). */
export function isZero(a: Amount): boolean {
  return a.isZero();
}

/** Whether a is below zero. */
export function isNegative(a: Amount): boolean {
  return a.lt(0);
}

/**
 * The canonical decimal string of an amount, as JSON carries money: no exponent,
 * no grouping, no trailing zeros, `-` for negatives, never `-0` (e.g. `"-158"`, `"0.454"`).
 */
export function toDecimalString(a: Amount): string {
  const text = a.toFixed();
  return text === '-0' ? '0' : text;
}

/** Convert £m (as the report's headline sentence states figures) to £000, exactly. */
export function millionsToThousands(a: Amount): Amount {
  return a.times(1000);
}

/** Convert £000 to £ (pounds), exactly (no rounding): the simulation table shows figures to the nearest £1. */
export function thousandsToPounds(a: Amount): Amount {
  return a.times(1000);
}

/** Convert £000 to £m, exactly (no rounding). */
export function thousandsToMillions(a: Amount): Amount {
  return a.dividedBy(1000);
}

/** Whether a value is an {@link Amount}. */
export function isAmount(value: unknown): value is Amount {
  return Decimal.isDecimal(value);
}

/**
 * a ÷ b, correct to the 40 significant digits of {@link Money} (ROUND_HALF_EVEN).
 * Exact whenever the quotient terminates within 40 digits (e.g. any division by a
 * power of ten or by a run count such as 10,000). Used for means and equal steps.
 * @throws Error when b is zero.
 */
export function divide(a: Amount, b: Amount): Amount {
  if (b.isZero()) throw new Error('division by zero');
  return a.dividedBy(b);
}

/** a rounded half-to-even to `places` decimal places (for display or stated precision only). */
export function roundTo(a: Amount, places: number): Amount {
  return a.toDecimalPlaces(places, Money.ROUND_HALF_EVEN);
}

/** The larger of a and b. */
export function maximum(a: Amount, b: Amount): Amount {
  return a.gte(b) ? a : b;
}

/**
 * a rounded to `places` decimal places, half away from zero (Excel's ROUND; how a report
 * rounds a figure it states, e.g. 908.5 £000 → £0.909m). For stated precision only.
 */
export function roundHalfAwayFromZero(a: Amount, places: number): Amount {
  return a.toDecimalPlaces(places, Money.ROUND_HALF_UP);
}
