/**
 * The tornado as a Vega-Lite chart (pure data → spec): one row per driver, largest swing
 * first, with a bar from the centre (the scenario's combined adverse movement) to the
 * combined figure with the driver at its low value and another to its high value. The
 * figures are exact amounts from the engine; only bar ends become numbers
 * (`toPlotNumber`), and every label is the exact amount as text.
 *
 * Readable in greyscale: "at low" bars are dark and "at high" bars light, each bar end
 * carries its figure, and each driver's swing is in its axis label.
 */
import { type Amount, compare, formatAmount, formatPercent, isZero, toPlotNumber } from '../../money/index.js';
import type { TornadoCase, TornadoReport } from '../../engine/index.js';
import { CHART_CONFIG, type ReportChart } from './chart.js';

/** How many drivers the chart shows at most (the table beside it shows them all). */
export const TORNADO_CHART_DRIVERS = 10;

/** Bar fills: far apart in lightness (checked in test/report/charts.test.ts). */
export const TORNADO_COLOURS = { 'Driver at low value': '#3d3d3d', 'Driver at high value': '#c6dbef' } as const;

/** The drivers the chart shows: those that move the figure at all, largest swing first, at most {@link TORNADO_CHART_DRIVERS}. */
export function chartedDrivers(report: TornadoReport): readonly TornadoCase[] {
  return report.cases.filter((item) => !isZero(item.swing)).slice(0, TORNADO_CHART_DRIVERS);
}

function valueText(item: TornadoCase, value: Amount): string {
  return item.adjustment.measure === 'share' || item.adjustment.measure === 'scale' ? formatPercent(value) : formatAmount(value, { brackets: false });
}

function axisLabel(item: TornadoCase): string {
  return `${item.name} (swing ${formatAmount(item.swing)})`;
}

/** The tornado chart of a report: title, text alternative (every charted driver's figures) and spec. */
export function tornadoChart(report: TornadoReport): ReportChart {
  const drivers = chartedDrivers(report);
  const centre = report.centre['combined-adverse-movement'];
  const what = report.source === 'drivers' ? 'each declared driver from its min to its max' : `each savings line's 2020/21 outturn × (1 ∓ ${formatPercent(report.swing!)})`;
  const title = `Tornado: ${report.scenario.name}, combined adverse movement (£000)`;
  const subtitle = `${what}, one at a time; line at the centre, ${formatAmount(centre)}`;
  const shown = drivers.length < report.cases.length ? `the ${drivers.length} of ${report.cases.length} drivers with the largest swing` : `all ${drivers.length} drivers`;
  const parts = drivers.map((item) =>
    `${item.name}: swing ${formatAmount(item.swing)} (${formatAmount(item.combinedAtLow)} at ${valueText(item, item.low)}, ${formatAmount(item.combinedAtHigh)} at ${valueText(item, item.high)})`);
  const description = `${title}. ${subtitle}. Largest first, ${shown}: ${parts.length > 0 ? parts.join('; ') : 'no driver moves the figure'}.`;
  return { id: 'scenario-tornado', title, description, spec: () => tornadoSpec(drivers, centre, title, subtitle, description) };
}

const DRIVER_AXIS = { field: 'driver', type: 'nominal', sort: null, title: null, axis: { labelLimit: 0, labelFontSize: 11 } } as const;

function tornadoSpec(drivers: readonly TornadoCase[], centre: Amount, title: string, subtitle: string, description: string): Record<string, unknown> {
  const centreAt = toPlotNumber(centre); // number-ok: chart positions only
  const values = drivers.flatMap((item) => ([['Driver at low value', item.combinedAtLow, item.low], ['Driver at high value', item.combinedAtHigh, item.high]] as const).map(([side, combined, value]) => ({
    driver: axisLabel(item),
    side: `${side}`,
    start: centreAt,
    end: toPlotNumber(combined), // number-ok: chart positions only
    below: compare(combined, centre) < 0,
    text: `${formatAmount(combined)} (${valueText(item, value)})`,
  })));
  const sides = Object.keys(TORNADO_COLOURS) as (keyof typeof TORNADO_COLOURS)[];
  const label = (below: boolean) => ({
    transform: [{ filter: below ? 'datum.below' : '!datum.below' }],
    mark: { type: 'text', align: below ? 'right' : 'left', baseline: 'middle', dx: below ? -4 : 4, fontSize: 10 },
    encoding: { y: DRIVER_AXIS, x: { field: 'end', type: 'quantitative' }, yOffset: { field: 'side', type: 'nominal', sort: sides }, text: { field: 'text', type: 'nominal' } },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle, anchor: 'start' },
    description,
    width: 420,
    height: { step: 34 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', stroke: '#000000', strokeWidth: 0.75 },
        encoding: {
          y: DRIVER_AXIS,
          x: { field: 'start', type: 'quantitative', title: 'Combined adverse movement, £000', scale: { zero: false, padding: 90 }, axis: { format: ',.0f', grid: true } },
          x2: { field: 'end' },
          yOffset: { field: 'side', type: 'nominal', sort: sides },
          color: {
            field: 'side', type: 'nominal',
            scale: { domain: sides, range: sides.map((side) => TORNADO_COLOURS[side]) },
            legend: { title: null, orient: 'bottom', direction: 'horizontal', labelLimit: 0 },
          },
        },
      },
      label(true),
      label(false),
      {
        mark: { type: 'rule', color: '#000000', strokeWidth: 1.5 },
        encoding: { x: { datum: centreAt, type: 'quantitative' } },
      },
    ],
    config: CHART_CONFIG,
  };
}
