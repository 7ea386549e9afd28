/**
 * The simulation histogram: nice, exact bin edges; every run in exactly one bin.
 */
import { describe, expect, it } from 'vitest';
import { histogramOf } from '../../src/engine/histogram.js';
import { toDecimalString } from '../../src/money/index.js';

const shown = (histogram: ReturnType<typeof histogramOf>) => ({
  width: toDecimalString(histogram.width),
  bins: histogram.bins.map((bin) => `[${toDecimalString(bin.from)}, ${toDecimalString(bin.to)}) ${bin.runs}`),
});

describe('histogramOf', () => {
  it('rounds the width up to 1, 2 or 5 × 10^k and the first edge down to a multiple of it', () => {
    // £000 at 3 places: 1.234, 3.5, 9.999 → range 8.765 / 4 bins = 2.19… → width 5.
    expect(shown(histogramOf([1234n, 3500n, 9999n], 3, 4))).toEqual({ width: '5', bins: ['[0, 5) 2', '[5, 10) 1'] });
    expect(shown(histogramOf([1234n, 3500n, 9999n], 3, 10))).toEqual({ width: '1', bins: ['[1, 2) 1', '[2, 3) 0', '[3, 4) 1', '[4, 5) 0', '[5, 6) 0', '[6, 7) 0', '[7, 8) 0', '[8, 9) 0', '[9, 10) 1'] });
  });

  it('handles negative runs (edges rounded towards minus infinity) and a run exactly on an edge', () => {
    expect(shown(histogramOf([-1500n, 0n, 2000n], 3, 2))).toEqual({ width: '2', bins: ['[-2, 0) 1', '[0, 2) 1', '[2, 4) 1'] });
  });

  it('fine widths below the unit are exact decimals', () => {
    expect(shown(histogramOf([100n, 130n, 170n], 3, 3)).width).toBe('0.05');
  });

  it('every run equal: one bin, one £000 wide', () => {
    expect(shown(histogramOf([908000n, 908000n], 3, 24))).toEqual({ width: '1', bins: ['[908, 909) 2'] });
  });

  it('counts every run once, with at most target + 1 bins', () => {
    const values = Array.from({ length: 997 }, (_, index) => BigInt((index * 7919) % 4001) - 1700n);
    const histogram = histogramOf(values, 0, 24);
    expect(histogram.bins.reduce((total, bin) => total + bin.runs, 0)).toBe(997);
    expect(histogram.bins.length).toBeLessThanOrEqual(25);
  });
});
