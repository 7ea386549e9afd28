/**
 * Money as integer pence in a `bigint`: the representation of the ledger hot loop.
 *
 * A general-ledger export carries amounts in pounds and pence. Reading millions of them
 * through {@link Money} would be exact but slow, so the ledger reader parses each amount
 * straight from the file's bytes to a whole number of pence. The running totals per
 * (cost centre, account) pair are whole pence in i64 inside the ledger's WebAssembly
 * fast path (`src/ledger/assembly/rows.ts`, behind `src/ledger/pairs.ts`), which refuses
 * any addition that would overflow and leaves it to a `bigint` added with {@link addPence}:
 * the one place money is added outside this folder, for the measured reason in
 * docs/performance.md. Conversion to {@link Amount} (£ or £000) happens once per
 * reported figure, at the edge, and is exact.
 *
 * Where a JS number holds money, and why it is exact. Whole numbers of magnitude up to
 * 2^53 are exact in a double, and the sum of two whole numbers each at most 2^52 in
 * magnitude is a whole number at most 2^53: so adding such numbers is integer
 * arithmetic, never floating point, and never rounds. The number paths keep to that:
 * {@link parsePence} and {@link parseSafePence} gather at most 15 digits of an amount
 * (whole pounds and pence) as a whole number: below 10^15 < 2^52. Longer amounts take the `bigint` path from the digit string directly. No fraction of
 * a penny is ever held: every value is a whole number of pence.
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
const MINUS_SIGN_LEAD = 0xe2; // U+2212 "−" is E2 88 92 in UTF-8
/** Digits that a double holds exactly as a whole number (10^15 < 2^53). */
const SAFE_DIGITS = 15;
/**
 * Most digits of whole pounds in a ledger amount: 25 (£10^25, far beyond any ledger).
 * The cap keeps every total of a ledger (at most ~10^9 rows) under 10^34 pounds, inside
 * the 40 significant digits that {@link Money} holds, so £000 figures are never rounded.
 */
export const MAX_AMOUNT_WHOLE_DIGITS = 25;

/** {@link scanPence}'s answer for a blank amount (empty or spaces only). */
const BLANK = Infinity;
/** {@link scanPence}'s answer for a valid amount of more than 15 digits (the `bigint` path). */
const LONG = -Infinity;

/**
 * The one grammar of ledger amounts (see {@link parsePence}), read from UTF-8 bytes
 * `bytes[start, end)` without allocating.
 * @returns the pence as a whole JS number when the amount has at most 15 digits (exact:
 *   below 10^15 < 2^52, see the module note); `NaN` when the text is not an amount;
 *   {@link BLANK} when it is blank; {@link LONG} when it is a valid longer amount.
 */
function scanPence(bytes: Uint8Array, start: number, end: number, maxWholeDigits = MAX_AMOUNT_WHOLE_DIGITS): number {
  while (start < end && bytes[start] === SPACE) start++;
  while (end > start && bytes[end - 1] === SPACE) end--;
  if (start === end) return BLANK;
  let negative = false;
  let c = bytes[start]!;
  if (c === MINUS) {
    negative = true;
    start++;
  } else if (c === MINUS_SIGN_LEAD && bytes[start + 1] === 0x88 && bytes[start + 2] === 0x92) {
    negative = true; // U+2212 MINUS SIGN, as the dataset loader accepts it: `−12.30`
    start += 3;
  } else if (c === OPEN) {
    if (bytes[end - 1] !== CLOSE) return NaN;
    negative = true;
    start++;
    end--;
  }
  if (bytes[start] === POUND_LEAD && bytes[start + 1] === POUND_TRAIL) start += 2;
  if (start >= end) return NaN;
  // Whole pounds: plain digits, or digits grouped in threes by commas.
  let whole = 0;
  let digits = 0;
  let groupDigits = -1; // -1: no comma seen; else digits since the last comma
  let i = start;
  for (; i < end; i++) {
    c = bytes[i]!;
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      whole = whole * 10 + (c - DIGIT_0);
      digits++;
      if (groupDigits >= 0) groupDigits++;
    } else if (c === COMMA) {
      if (digits === 0 || (groupDigits === -1 ? digits > 3 : groupDigits !== 3)) return NaN;
      groupDigits = 0;
    } else break;
  }
  if (digits === 0 || (groupDigits !== -1 && groupDigits !== 3)) return NaN;
  let pence = 0;
  if (i < end) {
    if (bytes[i] !== DOT || i + 1 === end) return NaN;
    i++;
    let places = 0;
    for (; i < end; i++) {
      c = bytes[i]!;
      if (c < DIGIT_0 || c > DIGIT_9) return NaN;
      places++;
      if (places <= 2) pence = pence * 10 + (c - DIGIT_0);
      else if (c !== DIGIT_0) return NaN;
    }
    if (places === 1) pence *= 10;
  }
  if (digits + 2 > SAFE_DIGITS) return digits > maxWholeDigits ? NaN : LONG;
  const total = whole * 100 + pence;
  return negative ? -total : total;
}

/**
 * The ledger hot loop's parser: the same amounts as {@link parsePence}, as a whole
 * number of pence in a JS number, for amounts of at most 15 digits (|pence| < 10^15, so
 * exact; see the module note). Allocates nothing.
 *
 * @returns the pence, or `NaN` whenever this fast path does not give the answer: blank,
 *   not an amount, or too many digits. On `NaN` ask {@link parsePence}, which says
 *   which (and gives long amounts exactly as a `bigint`).
 */
export function parseSafePence(bytes: Uint8Array, start: number, end: number): number {
  const pence = scanPence(bytes, start, end);
  return pence - pence === 0 ? pence : NaN; // NaN for BLANK, LONG and NaN alike
}

/**
 * Parse pounds and pence from UTF-8 bytes `bytes[start, end)` to pence.
 *
 * Accepts what ledger exports write: `1234.56`, `-1234.5` (or `−1234.5`, U+2212),
 * `1,234.56` (grouped in threes), `(1,234.56)` for a credit, an optional `£` after the
 * sign, and spaces around the whole. At most two decimal places unless the extra places
 * are zeros (`12.340` is 1234 pence; `12.345` is not an amount: it is not exact to the
 * penny).
 *
 * @returns the amount in pence, `undefined` when the text is not such an amount, or
 *   `null` when it is blank (empty or spaces only). Never throws.
 */
export function parsePence(bytes: Uint8Array, start: number, end: number): Pence | undefined | null {
  const pence = scanPence(bytes, start, end);
  if (pence - pence === 0) return BigInt(pence);
  if (pence === BLANK) return null;
  if (pence === LONG) return longPence(bytes, start, end);
  return undefined;
}

/**
 * Why `bytes[start, end)` is not an amount, for a located problem: `is not an amount`, or,
 * for an amount with more than {@link MAX_AMOUNT_WHOLE_DIGITS} digits of whole pounds,
 * that it has too many.
 */
export function amountProblemMessage(bytes: Uint8Array, start: number, end: number): string {
  return scanPence(bytes, start, end, Infinity) === LONG
    ? `is not an amount fn-model reads: more than ${MAX_AMOUNT_WHOLE_DIGITS} digits of whole pounds (see docs/robustness.md)`
    : 'is not an amount';
}

/**
 * A valid amount (checked by {@link scanPence}) too long for a JS number, exactly: its
 * digits before and after the point, negative when a minus sign or bracket is present.
 */
function longPence(bytes: Uint8Array, start: number, end: number): Pence {
  let negative = false;
  let wholeText = '';
  let fractionText = '';
  let inFraction = false;
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      if (inFraction) fractionText += String.fromCharCode(c);
      else wholeText += String.fromCharCode(c);
    } else if (c === DOT) inFraction = true;
    else if (c === MINUS || c === OPEN || c === MINUS_SIGN_LEAD) negative = true;
  }
  const total = BigInt(wholeText) * 100n + BigInt((fractionText + '00').slice(0, 2));
  return negative ? -total : total;
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
