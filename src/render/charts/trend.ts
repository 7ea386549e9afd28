/**
 * The trend as a Vega-Lite line chart (pure data → spec; rendering to SVG is `svg.ts`):
 * one point per snapshot month for the combined adverse movement, the savings shortfall
 * and the cost underspend (all computed, £000). The figures are exact amounts from the
 * engine; only point positions become numbers (`toPlotNumber`), and every label on the
 * combined line is the exact amount as text.
 *
 * Readable in greyscale: the three series are greys far apart in lightness and differ in
 * dash (solid, dashed, dotted) and point shape; the legend names them, and the combined
 * line carries its figure at every month, so nothing depends on hue.
 */
import { type Amount, formatAmount, toPlotNumber } from '../../money/index.js';
import type { TrendReport } from '../../engine/index.js';
import { CHART_CONFIG, type ReportChart } from './chart.js';

/** The series the chart draws, in legend order, with how each is drawn. */
export const TREND_SERIES = [
  { name: 'Combined adverse movement', dash: [], shape: 'circle', colour: '#1a1a1a' },
  { name: 'Savings shortfall', dash: [6, 3], shape: 'square', colour: '#646464' },
  { name: 'Cost underspend', dash: [2, 2], shape: 'triangle-up', colour: '#969696' },
] as const;

/** The trend chart of a report: title, text alternative (every month's three figures) and spec. */
export function trendChart(report: TrendReport): ReportChart {
  const first = report.months[0]!;
  const last = report.months.at(-1)!;
  const title = `Trend: combined adverse movement by month, ${first} to ${last} (£000)`;
  const subtitle = `${report.months.length} snapshots, each recomputed from its line items; savings shortfall less cost underspend = combined`;
  const figures = (point: TrendReport['combined'][number]): readonly Amount[] => [point.combined, point.savingsShortfall, point.costUnderspend];
  const description = `${title}. ${subtitle}. ` + report.combined.map((point) =>
    `${point.month}: combined ${formatAmount(point.combined)}, savings shortfall ${formatAmount(point.savingsShortfall)}, cost underspend ${formatAmount(point.costUnderspend)}`).join('; ') +
    (report.gaps.length === 0 ? '.' : `. No snapshot for ${report.gaps.join(', ')}.`);
  const spec = () => {
    const values = report.combined.flatMap((point) => figures(point).map((amount, index) => ({
      month: point.month,
      series: TREND_SERIES[index]!.name,
      amount: toPlotNumber(amount), // number-ok: chart positions only
      text: formatAmount(amount),
    })));
    const names = TREND_SERIES.map((series) => series.name);
    const legend = { title: null, orient: 'bottom', direction: 'horizontal', labelLimit: 0 };
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: title, subtitle, anchor: 'start' },
      description,
      width: 560,
      height: 260,
      data: { values },
      encoding: {
        x: { field: 'month', type: 'ordinal', sort: [...report.months], title: 'Snapshot month', axis: { labelAngle: 0 } },
        y: { field: 'amount', type: 'quantitative', title: '£000', axis: { format: ',.0f', grid: true } },
      },
      layer: [
        {
          mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 60 } },
          encoding: {
            color: { field: 'series', type: 'nominal', scale: { domain: names, range: TREND_SERIES.map((series) => series.colour) }, legend },
            strokeDash: { field: 'series', type: 'nominal', scale: { domain: names, range: TREND_SERIES.map((series) => series.dash) }, legend },
            shape: { field: 'series', type: 'nominal', scale: { domain: names, range: TREND_SERIES.map((series) => series.shape) }, legend },
          },
        },
        {
          transform: [{ filter: { field: 'series', equal: TREND_SERIES[0].name } }],
          mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -8, fontSize: 11, fontWeight: 'bold' },
          encoding: { text: { field: 'text', type: 'nominal' } },
        },
      ],
      config: CHART_CONFIG,
    };
  };
  return { id: 'trend-series', title, description, spec };
}
