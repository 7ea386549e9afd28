/**
 * Exact fractions (BigInt rationals) for the two answers that are not decimals:
 * `goal-seek`'s solution (592/5287 of a line's outturn) and `returns`' ratio (230/47).
 * A quotient of two amounts rarely terminates, so it is kept as numerator/denominator
 * in lowest terms and only rounded, explicitly, for display.
 *
 * Hand-written rather than a dependency: five operations on two BigInts, and a new
 * package in the lockfile for them would cost more than it saves.
 */
import { type Amount, Money } from './amount.js';

/** An exact fraction num/den in lowest terms, den > 0. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** num/den in lowest terms with a positive denominator. @throws RangeError when den is zero. */
export function fraction(num: bigint, den: bigint = 1n): Fraction {
  if (den === 0n) throw new RangeError('fraction with zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

/** An amount as an exact fraction (every decimal is one: 0.25 → 1/4). */
export function fractionOfAmount(amount: Amount): Fraction {
  const text = amount.toFixed();
  const negative = text.startsWith('-');
  const [whole = '0', part = ''] = (negative ? text.slice(1) : text).split('.');
  const num = BigInt(whole + part) * (negative ? -1n : 1n);
  return fraction(num, 10n ** BigInt(part.length));
}

/** a + b. */
export function addFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a − b. */
export function subtractFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** a × b. */
export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return fraction(a.num * b.num, a.den * b.den);
}

/** a ÷ b. @throws RangeError when b is zero. */
export function divideFractions(a: Fraction, b: Fraction): Fraction {
  if (b.num === 0n) throw new RangeError('division by a zero fraction');
  return fraction(a.num * b.den, a.den * b.num);
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `"p/q"` (always with the denominator, `"3/1"` for 3), as JSON carries an exact fraction. */
export function formatFraction(value: Fraction): string {
  return `${value.num}/${value.den}`;
}

/** Whether the fraction is a decimal with finitely many places (its denominator has no prime factor but 2 and 5). */
export function isTerminating(value: Fraction): boolean {
  let den = value.den;
  while (den % 2n === 0n) den /= 2n;
  while (den % 5n === 0n) den /= 5n;
  return den === 1n;
}

/**
 * The fraction rounded to `places` decimal places in the given direction: `floor`
 * (towards −∞), `ceil` (towards +∞), `half-even` (to nearest, ties to even) or
 * `half-away` (to nearest, ties away from zero: the display rule, `DISPLAY_ROUNDING`).
 * Exact: the result is a decimal amount with at most `places` places.
 */
export function roundFraction(value: Fraction, places: number, direction: 'floor' | 'ceil' | 'half-even' | 'half-away'): Amount {
  const scale = 10n ** BigInt(places);
  const scaled = value.num * scale;
  let quotient = scaled / value.den; // truncates toward zero
  const remainder = scaled - quotient * value.den;
  if (remainder !== 0n) {
    const negative = remainder < 0n;
    if (direction === 'floor' && negative) quotient -= 1n;
    else if (direction === 'ceil' && !negative) quotient += 1n;
    else if (direction === 'half-even' || direction === 'half-away') {
      const twice = (negative ? -remainder : remainder) * 2n;
      const away = twice > value.den || (twice === value.den && (direction === 'half-away' || quotient % 2n !== 0n));
      if (away) quotient += negative ? -1n : 1n;
    }
  }
  return new Money(quotient.toString()).dividedBy(new Money(scale.toString()));
}

/** The fraction as an amount, exactly. @throws RangeError when it is not a terminating decimal (see {@link isTerminating}). */
export function amountOfFraction(value: Fraction): Amount {
  if (!isTerminating(value)) throw new RangeError(`${formatFraction(value)} is not a terminating decimal`);
  let places = 0;
  while ((10n ** BigInt(places)) % value.den !== 0n) places += 1;
  return roundFraction(value, places, 'floor');
}
