/**
 * The charts without a browser: waterfall bars are exact, the SVG has drawn marks and
 * text (Vega renders without canvas), and the bar fills stay distinguishable in greyscale.
 */
import { describe, expect, it } from 'vitest';
import { formatAmount, toDecimalString } from '../../src/money/index.js';
import { composeReport, seededRandom } from '../../src/engine/index.js';
import { readScenario } from '../../src/scenarios-file/read.js';
import { TORNADO_COLOURS, tornadoChart } from '../../src/render/charts/tornado.js';
import { histogramChart } from '../../src/render/charts/histogram.js';
import { loadProgramme } from '../../src/load/index.js';
import { KIND_COLOURS, bridgeWaterfall, headlineWaterfall, waterfallSpec } from '../../src/render/charts/waterfall.js';
import { renderSvg } from '../../src/render/charts/svg.js';
import { snapshotLabels } from '../../src/render/movement-grid.js';

const march = await loadProgramme('data/march-2021');
const april = await loadProgramme('test/fixtures/snapshots/april-2021-test');
const report = composeReport(april, { from: march });

const bars = (chart: ReturnType<typeof headlineWaterfall>) =>
  chart.bars.map((bar) => `${bar.label} ${bar.kind} ${toDecimalString(bar.start)}→${toDecimalString(bar.end)}`);

describe('waterfalls', () => {
  it('headline: shortfall up, underspend down, combined total, published beside it', () => {
    expect(bars(headlineWaterfall(composeReport(march).variance))).toEqual([
      'Savings shortfall Adverse (worse) 0→1362',
      'Cost underspend (offset) Favourable (better) 1362→908',
      'Combined (computed) Total 0→908',
      'Combined (published) Published 0→888',
    ]);
  });

  it('bridge: from the earlier combined figure, step by step, to the later one', () => {
    expect(bars(bridgeWaterfall(report.movement!, snapshotLabels(report.movement!)))).toEqual([
      'Combined, march-2021 Total 0→908',
      'FN programme costs Favourable (better) 908→808',
      'Business rates projects: costs Favourable (better) 808→779',
      'Business rates projects: savings Favourable (better) 779→429',
      'NCC transformation: costs Adverse (worse) 429→429',
      'NCC transformation: savings Adverse (worse) 429→629',
      'Combined, april-2021-test Total 0→629',
    ]);
  });

  it('renders to SVG with bars and text, without canvas or network', async () => {
    const svg = await renderSvg(waterfallSpec(headlineWaterfall(report.variance)));
    expect(svg.startsWith('<svg')).toBe(true);
    expect((svg.match(/<path\b/g) ?? []).length).toBeGreaterThan(4);
    expect(svg).toContain('>+1,212</text>');
    expect(svg).toContain('>(583)</text>');
    expect(svg).toContain('>Combined impact 2020/21 (£000)</text>');
  });

  it('bar fills differ in relative luminance by at least 0.1 pairwise, so greyscale print keeps them apart', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const values = Object.values(KIND_COLOURS).map(luminance).sort((a, b) => a - b);
    for (let index = 1; index < values.length; index += 1) expect(values[index]! - values[index - 1]!).toBeGreaterThanOrEqual(0.1);
  });
});

describe('tornado and histogram charts', () => {
  it('tornado bar fills differ in relative luminance by at least 0.3, so greyscale print keeps "at low" and "at high" apart', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [low, high] = Object.values(TORNADO_COLOURS).map(luminance);
    expect(Math.abs(high! - low!)).toBeGreaterThanOrEqual(0.3);
  });

  it('render to SVG with their figures as text: tornado bar ends, histogram P10/P50/P90 labels', async () => {
    const scenario = await readScenario('scenarios/adults-slip-25.yaml');
    const risk = await readScenario('scenarios/delivery-risk.yaml');
    const withScenarios = composeReport(march, { scenarios: [scenario], simulation: { scenario: risk, runs: 500, seed: 1, random: seededRandom(1) } });
    const tornadoSvg = await renderSvg(tornadoChart(withScenarios.scenarios!.tornado).spec());
    expect(tornadoSvg).toContain('>3,221.0625 (75%)</text>');
    expect(tornadoSvg).toContain('>ncc-savings/Adults (swing 1,982.625)</text>');
    const simulation = withScenarios.simulation!;
    const histogramSvg = await renderSvg(histogramChart(simulation).spec());
    const combined = simulation.statistics[0]!;
    for (const p of [10, 50, 90] as const) expect(histogramSvg).toContain(`>P${p} ${formatAmount(combined.percentiles[p], { places: 3 })}</text>`);
    expect(simulation.histogram!.bins.reduce((total, bin) => total + bin.runs, 0)).toBe(500);
  });
});
