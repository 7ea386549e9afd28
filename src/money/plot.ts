/**
 * The one sanctioned conversion of money to a JavaScript number: chart geometry.
 *
 * A chart library positions bars with floating-point pixels, so a chart needs numbers.
 * They are used only to draw; every figure a reader sees (bar labels, captions, tables,
 * JSON) is text made from the exact amount by `formatAmount` / `toDecimalString`. A
 * reviewer can grep for `toPlotNumber` to find every use.
 */
import type { Amount } from './amount.js';

/** The nearest JavaScript number to an amount, for placing a chart mark only; never for arithmetic or display. */
export function toPlotNumber(amount: Amount): number { // number-ok: chart positions only, never shown or summed
  return amount.toNumber(); // number-ok: chart positions only, never shown or summed
}
