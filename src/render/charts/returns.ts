/**
 * BRP return on investment as a Vega-Lite chart (pure data → spec): one horizontal bar per
 * project from nil to its net benefit (savings − investment, £000), in table order, with the
 * exact figure as the bar's label. Only bar ends become numbers (`toPlotNumber`).
 *
 * Readable in greyscale: a net benefit is a dark bar, a net cost a light bar with a black
 * outline, and every bar carries its figure (negatives in brackets, as the report writes them).
 */
import { formatAmount, isNegative, toPlotNumber } from '../../money/index.js';
import type { ReturnsReport } from '../../engine/index.js';
import { CHART_CONFIG, type ReportChart } from './chart.js';

/** Bar fills: far apart in lightness. */
export const RETURNS_COLOURS = { 'Net benefit': '#3d3d3d', 'Net cost': '#deebf7' } as const;

/** The returns chart of a report: title, text alternative (every project's net benefit) and spec. */
export function returnsChart(report: ReturnsReport): ReportChart {
  const basis = report.basis === 'outturn' ? '2020/21 outturn in place of budget' : '2020/21 budget';
  const title = 'BRP net benefit by project (savings − investment, £000)';
  const subtitle = `2019/20 to 2021/24, ${basis}; programme ${formatAmount(report.total.net)}`;
  const description = `${title}. ${subtitle}. ${report.projects.map((project) => `${project.line}: ${formatAmount(project.net)}`).join('; ')}.`;
  const spec = () => {
    const values = report.projects.map((project) => ({
      project: `${project.line} ${project.name}`,
      net: toPlotNumber(project.net), // number-ok: chart positions only
      side: isNegative(project.net) ? 'Net cost' : 'Net benefit',
      below: isNegative(project.net),
      text: formatAmount(project.net),
    }));
    const sides = Object.keys(RETURNS_COLOURS) as (keyof typeof RETURNS_COLOURS)[];
    const axis = { field: 'project', type: 'nominal', sort: null, title: null, axis: { labelLimit: 0, labelFontSize: 11 } } as const;
    const label = (below: boolean) => ({
      transform: [{ filter: below ? 'datum.below' : '!datum.below' }],
      mark: { type: 'text', align: below ? 'right' : 'left', baseline: 'middle', dx: below ? -4 : 4, fontSize: 10 },
      encoding: { y: axis, x: { field: 'net', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
    });
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: { text: title, subtitle, anchor: 'start' },
      description,
      width: 420,
      height: { step: 22 },
      data: { values },
      layer: [
        {
          mark: { type: 'bar', stroke: '#000000', strokeWidth: 0.75 },
          encoding: {
            y: axis,
            x: { field: 'net', type: 'quantitative', title: 'Net benefit, £000', scale: { padding: 60 }, axis: { format: ',.0f', grid: true } },
            color: { field: 'side', type: 'nominal', scale: { domain: sides, range: sides.map((side) => RETURNS_COLOURS[side]) }, legend: { title: null, orient: 'bottom', direction: 'horizontal' } },
          },
        },
        label(true),
        label(false),
        { mark: { type: 'rule', color: '#000000', strokeWidth: 1 }, encoding: { x: { datum: 0, type: 'quantitative' } } },
      ],
      config: CHART_CONFIG,
    };
  };
  return { id: 'returns-net-benefit', title, description, spec };
}
