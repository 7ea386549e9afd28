/**
 * Waterfall charts as Vega-Lite specifications (pure data → spec; rendering to SVG is
 * `svg.ts`). A waterfall is a list of bars: totals drawn from zero, steps drawn from the
 * running total before the step to the running total after it. Running totals are
 * exact decimals computed here with `src/money/`; only the bar ends are converted to
 * numbers for drawing, and every bar label is the exact amount as text.
 *
 * Readable in greyscale: adverse, favourable and total bars differ in lightness (dark,
 * mid, light) and each bar carries its figure as a label, so nothing depends on hue.
 */
import { type Amount, ZERO, add, formatAmount, isNegative, isZero, negate, toPlotNumber } from '../../money/index.js';
import type { MovementReport, VarianceReport } from '../../engine/index.js';
import type { TableId } from '../../model/index.js';
import type { ReportChart } from './chart.js';

/** Short names for the tables, so chart axis labels stay distinct when space is tight. */
export const CHART_TABLE_LABELS: Readonly<Record<TableId, string>> = {
  'fn-costs': 'FN programme costs',
  'brp-investment': 'Business rates projects: costs',
  'brp-savings': 'Business rates projects: savings',
  'ncc-investment': 'NCC transformation: costs',
  'ncc-savings': 'NCC transformation: savings',
  'all-costs': 'All costs',
  'all-savings': 'All savings',
};

/** What a waterfall bar is: a total, a step that makes the position worse or better, or a published figure for comparison. */
export type BarKind = 'Total' | 'Adverse (worse)' | 'Favourable (better)' | 'Published';

/** One bar of a waterfall, £000: exact amounts, plus its kind and its label. */
export interface WaterfallBar {
  readonly label: string;
  readonly kind: BarKind;
  /** Where the bar starts and ends (a total starts at zero). */
  readonly start: Amount;
  readonly end: Amount;
  /** The figure the bar shows (the step amount, or the total). */
  readonly amount: Amount;
}

/** A waterfall: an id, a title, a text alternative carrying every figure, and the bars. */
export interface Waterfall {
  readonly id: string;
  readonly title: string;
  readonly subtitle: string;
  readonly bars: readonly WaterfallBar[];
}

/** Bar fills by kind: far apart in lightness so the chart reads in greyscale (checked in test/report/charts.test.ts). */
export const KIND_COLOURS: Readonly<Record<BarKind, string>> = {
  Total: '#2b2b2b',
  'Adverse (worse)': '#b8473a',
  'Favourable (better)': '#9ecae1',
  Published: '#ffffff',
};

function stepKind(amount: Amount): BarKind {
  return isNegative(amount) ? 'Favourable (better)' : 'Adverse (worse)';
}

/** Build waterfall bars from a starting total, steps (positive = more adverse) and an ending total label. */
export function waterfallBars(
  opening: { readonly label: string; readonly amount: Amount } | undefined,
  steps: readonly { readonly label: string; readonly amount: Amount }[],
  closingLabel: string,
): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  let running = opening?.amount ?? ZERO;
  if (opening) bars.push({ label: opening.label, kind: 'Total', start: ZERO, end: opening.amount, amount: opening.amount });
  for (const step of steps) {
    const end = add(running, step.amount);
    bars.push({ label: step.label, kind: isZero(step.amount) ? 'Adverse (worse)' : stepKind(step.amount), start: running, end, amount: step.amount });
    running = end;
  }
  bars.push({ label: closingLabel, kind: 'Total', start: ZERO, end: running, amount: running });
  return bars;
}

/**
 * The headline as a waterfall: savings shortfall (adverse), less cost underspend
 * (favourable when there is an underspend), = combined adverse movement; and the
 * published combined figure beside it when the dataset states one.
 */
export function headlineWaterfall(report: VarianceReport): Waterfall {
  const bars = waterfallBars(
    undefined,
    [
      { label: 'Savings shortfall', amount: report.savings.variance },
      { label: isNegative(report.costs.variance) ? 'Cost overspend (adds)' : 'Cost underspend (offset)', amount: negate(report.costs.variance) },
    ],
    'Combined (computed)',
  );
  if (report.combined.published !== undefined) {
    bars.push({ label: 'Combined (published)', kind: 'Published', start: ZERO, end: report.combined.published, amount: report.combined.published });
  }
  return {
    id: 'headline-waterfall',
    title: 'Combined impact 2020/21 (£000)',
    subtitle: 'Savings shortfall less cost underspend = combined adverse movement',
    bars,
  };
}

/** The movement bridge as a waterfall: earlier combined figure, one bar per table step, later combined figure. */
export function bridgeWaterfall(report: MovementReport, labels: { readonly from: string; readonly to: string }): Waterfall {
  return {
    id: 'movement-bridge',
    title: `Movement bridge: combined adverse movement, ${labels.from} → ${labels.to} (£000)`,
    subtitle: 'Each step is a table\'s contribution; positive = more adverse',
    bars: waterfallBars(
      { label: `Combined, ${labels.from}`, amount: report.bridge.from },
      report.bridge.steps.map((step) => ({ label: CHART_TABLE_LABELS[step.table] ?? step.title, amount: step.amount })),
      `Combined, ${labels.to}`,
    ),
  };
}

/** A sentence giving every bar's figure: the chart's text alternative. */
export function waterfallDescription(chart: Waterfall): string {
  const parts = chart.bars.map((bar) => {
    const shown = formatAmount(bar.amount);
    const signed = bar.kind === 'Total' || bar.kind === 'Published' || isNegative(bar.amount) || isZero(bar.amount);
    return `${bar.label}: ${signed ? shown : `+${shown}`}`;
  });
  return `${chart.title}. ${chart.subtitle}. ${parts.join('; ')}.`;
}

/** The Vega-Lite specification of a waterfall (horizontal bars, labels at the bar ends). */
export function waterfallSpec(chart: Waterfall): Record<string, unknown> {
  const values = chart.bars.map((bar) => {
    const start = toPlotNumber(bar.start); // number-ok: chart positions only
    const end = toPlotNumber(bar.end); // number-ok: chart positions only
    const text = bar.kind === 'Total' || bar.kind === 'Published' || isNegative(bar.amount) || isZero(bar.amount) ? formatAmount(bar.amount) : `+${formatAmount(bar.amount)}`;
    return { label: bar.label, kind: bar.kind, start, end, labelAt: Math.max(start, end), text };
  });
  const kinds = (Object.keys(KIND_COLOURS) as BarKind[]).filter((kind) => chart.bars.some((bar) => bar.kind === kind));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: chart.title, subtitle: chart.subtitle, anchor: 'start' },
    description: waterfallDescription(chart),
    width: 480,
    height: { step: 30 },
    data: { values },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 0, labelFontSize: 11 } },
    },
    layer: [
      {
        mark: { type: 'bar', stroke: '#000000', strokeWidth: 0.75 },
        encoding: {
          x: { field: 'start', type: 'quantitative', title: '£000', axis: { format: ',.0f', grid: true } },
          x2: { field: 'end' },
          color: {
            field: 'kind', type: 'nominal',
            scale: { domain: kinds, range: kinds.map((kind) => KIND_COLOURS[kind]) },
            legend: { title: null, orient: 'bottom', direction: 'horizontal' },
          },
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 11, fontWeight: 'bold' },
        encoding: { x: { field: 'labelAt', type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
      },
    ],
    config: { font: 'DejaVu Sans, Arial, Helvetica, sans-serif', view: { stroke: null }, background: '#ffffff' },
  };
}

/** A waterfall as a chart of the report page. */
export function waterfallChart(chart: Waterfall): ReportChart {
  return { id: chart.id, title: chart.title, description: waterfallDescription(chart), spec: () => waterfallSpec(chart) };
}
