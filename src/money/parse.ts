/**
 * Parsing amounts as finance officers write them in CSV and spreadsheet cells.
 */
import { type Amount, Money } from './amount.js';

/** How many distinct amounts {@link storedAmount} keeps for reuse (then it stops adding). */
const STORED_AMOUNTS_LIMIT = 65_536;
const storedAmounts = new Map<string, Amount>();

/**
 * The amount `digits` (a plain decimal: `-158`, `0.454`), as loaded amounts are kept: one
 * shared value per distinct text (decimal.js values are immutable), up to
 * {@link STORED_AMOUNTS_LIMIT} texts, and each stored compactly. A loaded programme keeps six
 * or more amounts a line for the whole run, and the same figures recur (nil, round sums);
 * decimal.js fills a parsed value's digit array by pushing, which leaves room for 17 words
 * (152 bytes), while a copy holds exactly its words. Measured on a generated 20,000-line
 * programme's live heap: 45.6 → 30.9 MB with the copy, → 18.6 MB with the sharing
 * (docs/performance.md, `export` at scale).
 */
function storedAmount(digits: string): Amount {
  const known = storedAmounts.get(digits);
  if (known !== undefined) return known;
  const value = new Money(new Money(digits));
  if (storedAmounts.size < STORED_AMOUNTS_LIMIT) storedAmounts.set(digits, value);
  return value;
}

/** What a cell's text turned out to be. */
export type ParsedAmount =
  | { readonly kind: 'amount'; readonly value: Amount }
  /** The cell is empty or only white space. */
  | { readonly kind: 'blank' }
  /** The text is not an amount; `text` is the original cell text. */
  | { readonly kind: 'invalid'; readonly text: string };

// digits: either plain (1234) or correctly grouped in threes (1,234 / 12,345,678),
// optionally followed by a decimal fraction (.5, .05).
const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
// the same with a decimal comma (European Excel): 1.234,56 / 1234,5 / -2,40
const DECIMAL_COMMA_NUMBER = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;

/** How amounts are written. */
export interface AmountStyle {
  /**
   * The decimal separator is a comma and thousands are grouped by dots (`1.234,56`,
   * `-2,40`), as European Excel writes; then `1,234` is 1.234 and `1234.5` is invalid.
   * Default false: `1,234.56`.
   */
  readonly decimalComma?: boolean;
}
const MINUS = /^[-\u2212]/; // ASCII hyphen-minus or U+2212 MINUS SIGN

/**
 * Parse one cell's text as an amount.
 *
 * Accepted (the published report's own conventions, plus what Excel exports):
 * - `1,234` and `1234` (grouping must be in threes: `1,23` is rejected), optional
 *   decimal fraction `1,234.56`;
 * - negatives as `(158)`, `-158` or `−158` (Unicode minus);
 * - `-` (or `–`, `—`) alone is nil, i.e. zero;
 * - an optional `£` before the digits (`£1,234`, `-£158`, `(£158)`, `£(158)`), and white space
 *   (including non-breaking space) around the whole and inside brackets.
 *
 * Everything else is `invalid`, including `12x4`, `1e3`, `NaN`, `Infinity`, `+5`,
 * `--5`, `(-5)` and dates. Empty or white-space-only text is `blank`; whether that is
 * an error is the caller's rule (a blank line cell is; a blank TOTAL cell is "not stated").
 *
 * With `style.decimalComma` the separators swap (`1.234,56` is 1234.56, `-2,40` is −2.40);
 * without it such text is invalid, never read with its comma as grouping (`-2,40` is not
 * −240: grouping is in threes).
 *
 * Units are whatever the column says (£000 in the report's tables); parsing never scales.
 */
export function parseAmount(text: string, style: AmountStyle = {}): ParsedAmount {
  let body = text.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0]+$/g, '');
  if (body === '') return { kind: 'blank' };
  if (body === '-' || body === '\u2013' || body === '\u2014') return { kind: 'amount', value: new Money(0) };
  let negative = false;
  if (body.startsWith('£(')) body = `(£${body.slice(2)}`; // £(158) as (£158)
  if (body.startsWith('(') && body.endsWith(')')) {
    negative = true;
    body = body.slice(1, -1).trim();
  } else if (MINUS.test(body)) {
    negative = true;
    body = body.slice(1).trimStart();
  }
  if (body.startsWith('£')) body = body.slice(1).trimStart();
  let digits: string;
  if (style.decimalComma) {
    if (!DECIMAL_COMMA_NUMBER.test(body)) return { kind: 'invalid', text };
    digits = body.replace(/\./g, '').replace(',', '.');
  } else {
    if (!NUMBER.test(body)) return { kind: 'invalid', text };
    digits = body.replace(/,/g, '');
  }
  return { kind: 'amount', value: storedAmount(negative ? `-${digits}` : digits) };
}

const PERCENT = /^(-?)(\d+(?:\.\d+)?)\s*%$/;

/**
 * Parse a percentage as scenario files write shares and factors (`25%`, `12.5%`,
 * `110%`, `-10%`) into the exact fraction it stands for (`0.25`, `0.125`, `1.1`,
 * `-0.1`). A bare number is not a percentage (`0.25` and `25` are ambiguous): the
 * caller gets `invalid` and says so. Range checks (0–100% for a share) are the caller's.
 */
export function parsePercent(text: string): ParsedAmount {
  const match = PERCENT.exec(text.trim());
  if (!match) return text.trim() === '' ? { kind: 'blank' } : { kind: 'invalid', text };
  const value = new Money(match[2] as string).dividedBy(100);
  return { kind: 'amount', value: match[1] ? value.negated() : value };
}

/** Write a fraction as a percentage exactly (`0.25` → `25%`, `0.125` → `12.5%`). */
export function formatPercent(fraction: Amount): string {
  const text = fraction.times(100).toFixed();
  return `${text === '-0' ? '0' : text}%`;
}

/** Significant digits of an amount, leading and trailing zeros of the integer part not counted (`0.30000000000000004` → 17, `1000` → 1). */
export function significantDigits(a: Amount): number {
  return a.isZero() ? 0 : a.precision();
}
