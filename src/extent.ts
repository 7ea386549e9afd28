/**
 * The largest and smallest of many plain numbers (widths, counts, decimal places, search
 * costs; never money). `Math.max(...values)` passes every value as an argument and throws
 * RangeError (call stack) past ~100,000 of them: `variance` on a 20,000-line programme did,
 * through the diagnosis's decimal places of 120,000 cells. These loop instead.
 */

/**
 * The largest of `values`, or `floor` when it is larger (or `values` is empty).
 * Same result as `Math.max(floor, ...values)` for any number of values.
 */
export function largest(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let result = floor;
  for (const value of values) if (value > result || Number.isNaN(value) || (value === 0 && Object.is(result, -0))) result = value;
  return result;
}

/**
 * The smallest of `values`, or `ceiling` when it is smaller (or `values` is empty).
 * Same result as `Math.min(ceiling, ...values)` for any number of values.
 */
export function smallest(values: Iterable<number>, ceiling = Number.POSITIVE_INFINITY): number {
  let result = ceiling;
  for (const value of values) if (value < result || Number.isNaN(value) || (result === 0 && Object.is(value, -0))) result = value;
  return result;
}
