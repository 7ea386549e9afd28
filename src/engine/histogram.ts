/**
 * A histogram of Monte Carlo runs (the committee report's simulation chart). Pure and
 * exact: the runs arrive as `bigint` minor units (see `simulate.ts`), the bin width is a
 * "nice" amount (1, 2 or 5 × a power of ten of the unit, in £000) so every edge is an
 * exact decimal, and each run is counted in exactly one bin by integer division.
 *
 * Bins are half-open, [from, to): the first starts at the lowest run rounded down to a
 * multiple of the width, and the last contains the highest run. With every run equal,
 * there is one bin, one £000 wide.
 */
import { type Amount, fromMinorUnits, minorUnitFactor } from '../money/index.js';

/** One bin: runs with from ≤ figure < to (£000). */
export interface HistogramBin {
  readonly from: Amount;
  readonly to: Amount;
  /** How many runs fall in the bin (a count, not money). */
  readonly runs: number;
}

/** Runs counted into equal-width bins, lowest first. */
export interface Histogram {
  /** Every bin's width (£000): 1, 2 or 5 × a power of ten. */
  readonly width: Amount;
  readonly bins: readonly HistogramBin[];
}

/** The smallest 1, 2 or 5 × 10^k (k ≥ 0) that is at least `raw` (all in minor units). */
function niceWidth(raw: bigint): bigint {
  for (let power = 1n; ; power *= 10n) {
    for (const step of [1n, 2n, 5n]) if (step * power >= raw) return step * power;
  }
}

/** ⌊a ÷ b⌋ for b > 0 (bigint division truncates towards zero). */
function floorDivide(a: bigint, b: bigint): bigint {
  const quotient = a / b;
  return a % b !== 0n && a < 0n ? quotient - 1n : quotient;
}

/**
 * Count runs (minor units at `places` decimal places of £000) into about `target` equal
 * bins of a nice width (at most `target` + 1, as the first edge is rounded down). @throws RangeError when there are no runs or `target` < 1.
 */
export function histogramOf(values: readonly bigint[], places: number, target: number): Histogram {
  if (values.length === 0) throw new RangeError('no runs to count');
  if (!Number.isInteger(target) || target < 1) throw new RangeError(`bin target must be a whole number ≥ 1, not ${target}`);
  let low = values[0]!;
  let high = values[0]!;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  const count = BigInt(target);
  const width = high === low ? minorUnitFactor(places) : niceWidth((high - low + count - 1n) / count);
  const start = floorDivide(low, width) * width;
  const binCount = Number((high - start) / width) + 1; // number-ok: a bin index from exact BigInt arithmetic
  const runs = new Array<number>(binCount).fill(0);
  for (const value of values) runs[Number((value - start) / width)]! += 1; // number-ok: a bin index from exact BigInt arithmetic
  return {
    width: fromMinorUnits(width, places),
    bins: runs.map((inBin, index) => ({
      from: fromMinorUnits(start + BigInt(index) * width, places),
      to: fromMinorUnits(start + BigInt(index + 1) * width, places),
      runs: inBin,
    })),
  };
}
