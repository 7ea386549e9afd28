/**
 * The simulation histogram as a Vega-Lite chart (pure data → spec): the runs' combined
 * adverse movement in bins, with rules and labels at P10, P50 and P90 (and at the
 * threshold when one was given). Bin edges and percentiles are exact amounts from the
 * engine; only positions become numbers (`toPlotNumber`), and every label is the exact
 * amount formatted as text (to the nearest £1, as the simulation table).
 *
 * Readable in greyscale: grey bars with black outlines; P50 is a solid rule, P10 and
 * P90 dashed, the threshold dotted, each labelled with its name and figure.
 */
import { type Amount, formatAmount, toPlotNumber } from '../../money/index.js';
import type { SimulationReport } from '../../engine/index.js';
import { CHART_CONFIG, type ReportChart } from './chart.js';

/** The percentiles the chart marks. */
export const MARKED_PERCENTILES = [10, 50, 90] as const;

/** Histogram bar fill. */
export const HISTOGRAM_FILL = '#a6a6a6';

const shown = (amount: Amount) => formatAmount(amount, { places: 3 });

/** A mark's label: percentiles to the nearest £1 (as the simulation table), the threshold as given. */
function markText(mark: { readonly name: string; readonly amount: Amount }): string {
  return `${mark.name} ${mark.name === 'Threshold' ? formatAmount(mark.amount) : shown(mark.amount)}`;
}

/** The histogram chart of a simulation (which must have its histogram): title, text alternative and spec. */
export function histogramChart(report: SimulationReport): ReportChart {
  const histogram = report.histogram;
  if (!histogram) throw new Error('the simulation has no histogram (simulate with histogramBins)');
  const statistics = report.statistics.find((item) => item.figure === 'combined-adverse-movement')!;
  const title = `Simulation: ${report.scenario.name}, combined adverse movement over ${report.runs} runs (£000)`;
  const subtitle = `Seed ${report.seed}, ${report.prng}; bins of ${formatAmount(histogram.width)}; P10, P50 and P90 marked`;
  const marks = [
    ...MARKED_PERCENTILES.map((p) => ({ name: `P${p}`, amount: statistics.percentiles[p], dash: p === 50 ? [] : [6, 3], width: p === 50 ? 2.5 : 1.5 })),
    ...(report.threshold === undefined ? [] : [{ name: 'Threshold', amount: report.threshold, dash: [2, 2], width: 1.5 }]),
  ];
  const busiest = histogram.bins.reduce((best, bin) => (bin.runs > best.runs ? bin : best), histogram.bins[0]!);
  const description = `${title}. ${subtitle}. ` +
    `${marks.map(markText).join('; ')}; mean ${shown(statistics.mean)}; ` +
    `lowest run ${shown(statistics.min)}, highest ${shown(statistics.max)}; ` +
    `${histogram.bins.length} bins from ${formatAmount(histogram.bins[0]!.from)} to ${formatAmount(histogram.bins.at(-1)!.to)}, ` +
    `the fullest ${formatAmount(busiest.from)} to ${formatAmount(busiest.to)} with ${busiest.runs} runs` +
    (statistics.probability === undefined ? '.' : `; ${statistics.exceedances} of ${report.runs} runs above the threshold.`);
  const spec = () => {
    const top = Math.max(...histogram.bins.map((bin) => bin.runs));
    const bins = histogram.bins.map((bin) => ({ from: toPlotNumber(bin.from), to: toPlotNumber(bin.to), runs: bin.runs })); // number-ok: chart positions only
    // Each label has its own row above the bars, so labels never overprint; those in the right half read leftwards.
    const low = toPlotNumber(histogram.bins[0]!.from); // number-ok: chart positions only
    const middle = (low + toPlotNumber(histogram.bins.at(-1)!.to)) / 2; // number-ok: chart positions only
    const rules = marks.map((mark, index) => {
      const at = toPlotNumber(mark.amount); // number-ok: chart positions only
      return {
        name: mark.name, at, text: markText(mark),
        labelAt: top * (1.12 + 0.11 * (marks.length - 1 - index)), leftwards: at > middle, dash: mark.dash, width: mark.width,
      };
    });
    const ceiling = Math.ceil(top * (1.2 + 0.11 * marks.length));
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: title, subtitle, anchor: 'start' },
      description,
      width: 560,
      height: 240,
      layer: [
        {
          data: { values: bins },
          mark: { type: 'bar', fill: HISTOGRAM_FILL, stroke: '#000000', strokeWidth: 0.5 },
          encoding: {
            x: { field: 'from', type: 'quantitative', title: 'Combined adverse movement, £000', scale: { zero: false, nice: false }, axis: { format: ',.0f', grid: false } },
            x2: { field: 'to' },
            y: { field: 'runs', type: 'quantitative', title: 'Runs', scale: { domain: [0, ceiling], nice: false }, axis: { grid: true, tickMinStep: 1 } },
            y2: { datum: 0 },
          },
        },
        ...rules.flatMap((rule) => [
          {
            data: { values: [rule] },
            mark: { type: 'rule', color: '#000000', strokeWidth: rule.width, strokeDash: rule.dash },
            encoding: { x: { field: 'at', type: 'quantitative' } },
          },
          {
            data: { values: [rule] },
            mark: { type: 'text', align: rule.leftwards ? 'right' : 'left', baseline: 'middle', dx: rule.leftwards ? -4 : 4, fontSize: 11, fontWeight: 'bold' },
            encoding: { x: { field: 'at', type: 'quantitative' }, y: { field: 'labelAt', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
          },
        ]),
      ],
      config: CHART_CONFIG,
    };
  };
  return { id: 'simulation-histogram', title, description, spec };
}
