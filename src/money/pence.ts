/**
 * Money as integer pence in a `bigint`: the representation of the ledger hot loop.
 *
 * A general-ledger export carries amounts in pounds and pence. Reading millions of them
 * through {@link Money} would be exact but slow, so the ledger reader parses each amount
 * straight from the file's bytes to a `bigint` number of pence and sums pence in
 * {@link PenceTotals}. Conversion to {@link Amount} (£ or £000) happens once per
 * reported figure, at the edge, and is exact.
 *
 * The one place a JS number touches money: {@link parsePence} gathers up to 15 digits of
 * an amount as a whole number before turning it into a `bigint`. Whole numbers below
 * 2^53 are exact in a double, so this is integer arithmetic, never floating point;
 * longer amounts take the `bigint` path digit string directly.
 */
import { type Amount, Money } from './amount.js';

/** An exact amount of money in pence (£1.23 is `123n`). */
export type Pence = bigint;

const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MINUS = 45;
const DOT = 46;
const COMMA = 44;
const SPACE = 32;
const OPEN = 40;
const CLOSE = 41;
const POUND_LEAD = 0xc2; // "£" is C2 A3 in UTF-8
const POUND_TRAIL = 0xa3;
/** Digits that a double holds exactly as a whole number (10^15 < 2^53). */
const SAFE_DIGITS = 15;

/**
 * Parse pounds and pence from UTF-8 bytes `bytes[start, end)` to pence.
 *
 * Accepts what ledger exports write: `1234.56`, `-1234.5`, `1,234.56` (grouped in
 * threes), `(1,234.56)` for a credit, an optional `£` after the sign, and spaces around
 * the whole. At most two decimal places unless the extra places are zeros
 * (`12.340` is 1234 pence; `12.345` is not an amount: it is not exact to the penny).
 *
 * @returns the amount in pence, `undefined` when the text is not such an amount, or
 *   `null` when it is blank (empty or spaces only). Never throws.
 */
export function parsePence(bytes: Uint8Array, start: number, end: number): Pence | undefined | null {
  while (start < end && bytes[start] === SPACE) start++;
  while (end > start && bytes[end - 1] === SPACE) end--;
  if (start === end) return null;
  let negative = false;
  if (bytes[start] === OPEN) {
    if (bytes[end - 1] !== CLOSE) return undefined;
    negative = true;
    start++;
    end--;
  } else if (bytes[start] === MINUS) {
    negative = true;
    start++;
  }
  if (bytes[start] === POUND_LEAD && bytes[start + 1] === POUND_TRAIL) start += 2;
  if (start >= end) return undefined;
  // Whole pounds: plain digits, or digits grouped in threes by commas.
  let whole = 0;
  let digits = 0;
  let groupDigits = -1; // -1: no comma seen; else digits since the last comma
  let i = start;
  for (; i < end; i++) {
    const c = bytes[i]!;
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      whole = whole * 10 + (c - DIGIT_0);
      digits++;
      if (groupDigits >= 0) groupDigits++;
    } else if (c === COMMA) {
      if (digits === 0 || (groupDigits === -1 ? digits > 3 : groupDigits !== 3)) return undefined;
      groupDigits = 0;
    } else break;
  }
  if (digits === 0 || (groupDigits !== -1 && groupDigits !== 3)) return undefined;
  let pence = 0;
  if (i < end) {
    if (bytes[i] !== DOT || i + 1 === end) return undefined;
    i++;
    let places = 0;
    for (; i < end; i++) {
      const c = bytes[i]!;
      if (c < DIGIT_0 || c > DIGIT_9) return undefined;
      places++;
      if (places <= 2) pence = pence * 10 + (c - DIGIT_0);
      else if (c !== DIGIT_0) return undefined;
    }
    if (places === 1) pence *= 10;
  }
  if (digits + 2 <= SAFE_DIGITS) {
    const total = BigInt(whole * 100 + pence);
    return negative ? -total : total;
  }
  return slowPence(bytes, start, end, negative);
}

/** The same amount as {@link parsePence} for amounts too long for the fast path. */
function slowPence(bytes: Uint8Array, start: number, end: number, negative: boolean): Pence {
  let wholeText = '';
  let fractionText = '';
  let inFraction = false;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c === DOT) inFraction = true;
    else if (c !== COMMA) {
      if (inFraction) fractionText += String.fromCharCode(c);
      else wholeText += String.fromCharCode(c);
    }
  }
  const total = BigInt(wholeText) * 100n + BigInt((fractionText + '00').slice(0, 2));
  return negative ? -total : total;
}

/** Totals are kept in 64-bit cells while both sides stay below 2^62, so a sum never overflows. */
const CELL_LIMIT = 1n << 62n;

/**
 * Running totals in pence, one per numbered slot (e.g. per cost-centre/account pair).
 * This is the ledger's hot accumulator. Each slot is a signed 64-bit cell (a
 * `BigInt64Array`, so adding allocates nothing long-lived); an addition that could leave
 * 64 bits moves the slot's total to an unbounded `bigint` instead. Exact at any size.
 */
export class PenceTotals {
  private cells = new BigInt64Array(1024);
  private readonly overflow = new Map<number, Pence>();

  /** Add `amount` to slot `slot`; slots start at zero. */
  add(slot: number, amount: Pence): void {
    if (slot >= this.cells.length) {
      const bigger = new BigInt64Array(Math.max(this.cells.length * 2, slot + 1));
      bigger.set(this.cells);
      this.cells = bigger;
    }
    const cell = this.cells[slot]!;
    if (amount < CELL_LIMIT && amount > -CELL_LIMIT && cell < CELL_LIMIT && cell > -CELL_LIMIT) {
      this.cells[slot] = cell + amount;
    } else {
      this.overflow.set(slot, (this.overflow.get(slot) ?? 0n) + cell + amount);
      this.cells[slot] = 0n;
    }
  }

  /** The total of slot `slot` (zero when nothing was added). */
  get(slot: number): Pence {
    const cell = slot < this.cells.length ? this.cells[slot]! : 0n;
    return cell + (this.overflow.get(slot) ?? 0n);
  }
}

/** Sum of amounts in pence; the sum of an empty list is zero. */
export function sumPence(amounts: Iterable<Pence>): Pence {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}

/** a + b in pence. */
export function addPence(a: Pence, b: Pence): Pence {
  return a + b;
}

/** a − b in pence. */
export function subtractPence(a: Pence, b: Pence): Pence {
  return a - b;
}

/** |a| in pence. */
export function absolutePence(a: Pence): Pence {
  return a < 0n ? -a : a;
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function comparePence(a: Pence, b: Pence): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pence as an exact {@link Amount} in £ (`123456n` → 1234.56). */
export function penceToPounds(amount: Pence): Amount {
  return new Money(amount.toString()).dividedBy(100);
}

/** Pence as an exact {@link Amount} in £000 (`123456n` → 1.23456); never rounded. */
export function penceToThousands(amount: Pence): Amount {
  return new Money(amount.toString()).dividedBy(100_000);
}

/** Pence as a canonical pounds string with two places, e.g. `"-1234.50"`, `"0.00"` (JSON, CSV). */
export function penceToPoundsText(amount: Pence): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
