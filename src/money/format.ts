/**
 * Displaying amounts. Money is rounded only here (and by `roundTo` for a stated
 * precision), only when a caller asks for fewer decimal places than the amount has, and
 * always half away from zero ({@link DISPLAY_ROUNDING}: 908.5 £000 shows as £0.909m, as
 * Excel's ROUND gives).
 */
import { type Amount, roundTo } from './amount.js';

/** How to show an amount. */
export interface FormatOptions {
  /** Show negatives as `(158)` (the report's style) rather than `-158`. Default true. */
  readonly brackets?: boolean;
  /** Show zero as `-` (the report's nil). Default false: zero is `0`. */
  readonly nilDash?: boolean;
  /** Group thousands with commas (`1,234`). Default true. */
  readonly grouping?: boolean;
  /**
   * Decimal places to show. When given, the amount is rounded half away from zero
   * (`roundTo`) to that many places; when omitted the amount is shown
   * exactly, with as many places as it has.
   */
  readonly places?: number;
}

/**
 * Format an amount for people: `1,234`, `(158)`, `-` for nil when asked.
 * Rounds only when `options.places` is given (half away from zero: `2.5` → `3`, `-2.5` → `(3)`).
 */
export function formatAmount(amount: Amount, options: FormatOptions = {}): string {
  const { brackets = true, nilDash = false, grouping = true, places } = options;
  const shown = places === undefined ? amount : roundTo(amount, places);
  if (shown.isZero()) return nilDash ? '-' : places ? `0.${'0'.repeat(places)}` : '0';
  const fixed = places === undefined ? shown.abs().toFixed() : shown.abs().toFixed(places);
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  const digits = fraction === undefined ? grouped : `${grouped}.${fraction}`;
  if (!shown.isNegative()) return digits;
  return brackets ? `(${digits})` : `-${digits}`;
}

/**
 * Format an amount held in £000 as £m the way the report's headline does
 * (`£0.454m`, `-£0.020m`): three decimal places, which is exact for whole £000;
 * finer amounts are rounded half away from zero to the nearest £1,000 (908.5 → `£0.909m`,
 * −908.5 → `-£0.909m`), as `ROUND(x/1000, 3)` gives in Excel ({@link millionsShown}).
 */
export function formatMillions(thousands: Amount): string {
  const millions = millionsShown(thousands);
  const text = millions.abs().toFixed(3);
  return millions.isNegative() && !millions.isZero() ? `-£${text}m` : `£${text}m`;
}

/**
 * The £m figure {@link formatMillions} shows for an amount in £000: ÷ 1000, rounded half
 * away from zero to 3 places (£1,000). The export's `ROUND(F5/1000,3)` cells cache this.
 */
export function millionsShown(thousands: Amount): Amount {
  return roundTo(thousands.dividedBy(1000), 3);
}
