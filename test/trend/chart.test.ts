/**
 * The trend chart without a browser: readable in greyscale (series greys far apart in
 * lightness, distinct dashes and point shapes), and exact labels from the engine.
 */
import { describe, expect, it } from 'vitest';
import { computeTrend } from '../../src/engine/index.js';
import { loadProgramme } from '../../src/load/index.js';
import { monthOf } from '../../src/model/index.js';
import { TREND_SERIES, trendChart } from '../../src/render/charts/trend.js';
import { renderSvg } from '../../src/render/charts/svg.js';

describe('trend chart', () => {
  it('series differ in relative luminance by at least 0.1 pairwise, and in dash and point shape', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const values = TREND_SERIES.map((series) => luminance(series.colour)).sort((a, b) => a - b);
    for (let index = 1; index < values.length; index += 1) expect(values[index]! - values[index - 1]!).toBeGreaterThanOrEqual(0.1);
    expect(new Set(TREND_SERIES.map((series) => series.dash.join(','))).size).toBe(TREND_SERIES.length);
    expect(new Set(TREND_SERIES.map((series) => series.shape)).size).toBe(TREND_SERIES.length);
  });

  it('labels the combined line with exact figures, months in calendar order', async () => {
    const march = await loadProgramme('data/march-2021');
    const april = await loadProgramme('test/fixtures/snapshots/april-2021-test');
    const chart = trendChart(computeTrend([{ month: monthOf(2021, 3), programme: march }, { month: monthOf(2021, 5), programme: april }]));
    expect(chart.description).toBe('Trend: combined adverse movement by month, 2021-03 to 2021-05 (£000). 2 snapshots, each recomputed from its line items; savings shortfall less cost underspend = combined. '
      + '2021-03: combined 908, savings shortfall 1,362, cost underspend 454; 2021-05: combined 629, savings shortfall 1,212, cost underspend 583. No snapshot for 2021-04.');
    const svg = await renderSvg(chart.spec());
    expect(svg).toContain('>908</text>');
    expect(svg).toContain('>629</text>');
    expect(svg.indexOf('>2021-03</text>')).toBeLessThan(svg.indexOf('>2021-05</text>'));
  });
});
