/**
 * Scenario, sweep, tornado and simulation reports laid out as rows of display text
 * (one {@link GridTable} per block), shared by the terminal-table, Markdown and CSV
 * renderers so every format shows the same figures. Amounts £000, shown exactly
 * (scenario figures can have fractions of £000 — 25% of 5,287 is 1,321.75); the
 * simulation's statistics are shown in £ to the nearest £1, exact (£000) in JSON and CSV.
 */
import { type Amount, amountOf, divide, formatAmount, formatPercent, thousandsToPounds, toDecimalString } from '../money/index.js';
import {
  type Adjustment, type FigureStatistics, type Histogram, type ScenarioComparison, type SimulationReport, type SweepReport,
  type TableFigures, type TornadoReport, FIGURE_LABELS, FIGURES, PERCENTILES,
} from '../engine/index.js';
import type { GridCell, GridTable } from './variance-grid.js';

/** Where a figure is in the command's JSON, for `GridCell.figure` (undefined: not recorded). */
type JsonPath = string | undefined;

function located(figure: JsonPath, value: Amount): Pick<GridCell, 'figure' | 'value'> {
  return figure === undefined ? {} : { figure, value: toDecimalString(value) };
}

function money(value: Amount, places?: number, figure?: JsonPath): GridCell {
  return { text: formatAmount(value, places === undefined ? {} : { places }), numeric: true, ...located(figure, value) };
}

function change(value: Amount, figure?: JsonPath): GridCell {
  const text = formatAmount(value, { brackets: false });
  return { text: value.isZero() ? '0' : value.isNegative() ? text : `+${text}`, numeric: true, ...located(figure, value) };
}

/** An adjustment's value in its own unit: `25%` for shares and scales, `1,200` (£000) for amounts and set. */
export function valueText(measure: Adjustment['measure'], value: Amount): string {
  return measure === 'share' || measure === 'scale' ? formatPercent(value) : formatAmount(value, { brackets: false });
}

/** One line describing an adjustment, e.g. `slip 25% ncc-savings/Adults 2020/21 → 2021/24`. */
export function describeAdjustment(adjustment: Adjustment, value: Amount = adjustment.value): string {
  const lines = adjustment.target.lines === '*' ? '*' : adjustment.target.lines.join(', ');
  const where = `${adjustment.target.table}/${lines}`;
  const shown = valueText(adjustment.measure, value);
  if (adjustment.kind === 'slip') return `slip ${shown} of ${where} ${adjustment.from === '2020/21' ? '2020/21 outturn' : '2021/24 plan'} → ${adjustment.to}`;
  if (adjustment.kind === 'reclassify') return `reclassify ${shown} of ${where} ${adjustment.from} → ${adjustment.to}`;
  return adjustment.measure === 'scale' ? `outturn × ${shown} on ${where}` : `outturn set to ${shown} on ${where}`;
}

/** The side-by-side summary: one row per figure; columns Base, then each scenario and its change. */
export function comparisonGrid(report: ScenarioComparison): GridTable {
  const head = ['Figure (£000)', 'Base', ...report.runs.flatMap((run) => [run.scenario.name, 'change'])];
  const rows = FIGURES.map((id) => ({
    cells: [
      { text: FIGURE_LABELS[id] }, money(report.base.figures[id], undefined, `base.figures.${id}`),
      ...report.runs.flatMap((run, index) => [money(run.outcome.figures[id], undefined, `scenarios.${index}.figures.${id}`), change(run.change[id], `scenarios.${index}.change.${id}`)]),
    ],
    ...(id === 'combined-adverse-movement' ? { emphasis: 'total' as const } : {}),
  }));
  return { id: 'scenarios', title: `Scenario summary: ${report.programme.name} (computed from line items, £000)`, head, rows };
}

const TABLE_FIELDS: readonly { readonly key: keyof Omit<TableFigures, 'table' | 'kind'>; readonly label: (kind: TableFigures['kind']) => string }[] = [
  { key: 'budget', label: () => '2020/21 budget' },
  { key: 'outturn', label: () => '2020/21 outturn' },
  { key: 'variance', label: (kind) => (kind === 'costs' ? 'underspend' : 'shortfall') },
  { key: 'plan', label: () => '2021/24 plan' },
  { key: 'delayedWholly', label: () => 'delayed wholly' },
  { key: 'delayedPartly', label: () => 'delayed partly' },
];

/** `--detail`: the same columns, one row per table and figure (savings tables show the plan and delay analysis). */
export function comparisonDetailGrid(report: ScenarioComparison): GridTable {
  const head = ['Table', 'Figure (£000)', 'Base', ...report.runs.flatMap((run) => [run.scenario.name, 'change'])];
  const rows = report.base.tables.flatMap((base, index) =>
    TABLE_FIELDS.filter((field) => base.kind === 'savings' || ['budget', 'outturn', 'variance'].includes(field.key)).map((field) => ({
      cells: [
        { text: base.table }, { text: field.label(base.kind) }, money(base[field.key]),
        ...report.runs.flatMap((run) => [money(run.outcome.tables[index]![field.key]), change(run.tableChange[index]![field.key])]),
      ],
    })));
  return { id: 'scenario-detail', title: 'By table (£000)', head, rows };
}

/** The adjustments of each scenario, in application order. */
export function adjustmentsGrid(report: ScenarioComparison): GridTable {
  return {
    id: 'adjustments',
    title: 'Adjustments (applied in order, each scenario from the base)',
    head: ['Scenario', '#', 'Adjustment', 'Source'],
    rows: report.runs.flatMap((run) => run.scenario.adjustments.map((adjustment, index) => ({
      cells: [{ text: run.scenario.name }, { text: String(index + 1), numeric: true }, { text: describeAdjustment(adjustment) }, { text: `${adjustment.origin.file}:${adjustment.origin.line}` }],
    }))),
  };
}

/** One row per swept value: value, shortfall, underspend, combined and its change from the base. */
export function sweepGrid(report: SweepReport): GridTable {
  return {
    id: 'sweep',
    title: `Sweep of adjustment ${report.position} (${describeAdjustment(report.adjustment, report.rows[0]?.value ?? report.adjustment.value).replace(/^(\S+) \S+/, '$1 VALUE')}) in ${report.scenario.name}, £000`,
    head: ['Value', 'Savings shortfall', 'Cost underspend', 'Combined adverse movement', 'Change from base'],
    rows: report.rows.map((row) => ({
      cells: [
        { text: valueText(report.adjustment.measure, row.value), numeric: true },
        money(row.figures['savings-shortfall']), money(row.figures['cost-underspend']),
        money(row.figures['combined-adverse-movement']), change(row.change['combined-adverse-movement']),
      ],
    })),
  };
}

/**
 * The tornado ranking: one row per driver that moves the combined adverse movement,
 * largest swing first; the drivers with zero swing share one "no effect" row (at the
 * centre, swing 0), named in the grid's note. JSON and CSV still list every driver.
 */
export function tornadoGrid(report: TornadoReport): GridTable {
  const what = report.source === 'drivers' ? 'declared drivers between min and max' : `every savings line's 2020/21 outturn ×(1 ∓ ${formatPercent(report.swing!)})`;
  const ranked = report.cases.filter((item) => !item.swing.isZero());
  const noEffect = report.cases.filter((item) => item.swing.isZero());
  const centre = report.centre['combined-adverse-movement'];
  const sameText = (texts: readonly string[]): string => (texts.every((text) => text === texts[0]) ? texts[0] ?? '' : '');
  const rows = ranked.map((item, index) => ({
    cells: [
      { text: String(index + 1), numeric: true }, { text: item.name },
      { text: valueText(item.adjustment.measure, item.low), numeric: true }, { text: valueText(item.adjustment.measure, item.high), numeric: true },
      money(item.combinedAtLow, undefined, `drivers.${index}.combinedAtLow`), money(item.combinedAtHigh, undefined, `drivers.${index}.combinedAtHigh`),
      money(item.swing, undefined, `drivers.${index}.swing`),
    ] as GridCell[],
  }));
  if (noEffect.length > 0) {
    rows.push({
      cells: [
        { text: '–', numeric: true }, { text: `no effect (${noEffect.length} ${noEffect.length === 1 ? 'driver' : 'drivers'})` },
        { text: sameText(noEffect.map((item) => valueText(item.adjustment.measure, item.low))), numeric: true },
        { text: sameText(noEffect.map((item) => valueText(item.adjustment.measure, item.high))), numeric: true },
        // located at the first of them (every one has these values: JSON lists each driver)
        money(noEffect[0]!.combinedAtLow, undefined, `drivers.${ranked.length}.combinedAtLow`), money(noEffect[0]!.combinedAtHigh, undefined, `drivers.${ranked.length}.combinedAtHigh`),
        money(noEffect[0]!.swing, undefined, `drivers.${ranked.length}.swing`),
      ],
    });
  }
  return {
    id: 'tornado',
    title: `Tornado: ${what}; combined adverse movement ${formatAmount(centre)} at the centre (£000)`,
    head: ['Rank', 'Driver', 'Low', 'High', 'Combined at low', 'Combined at high', 'Swing'],
    rows,
    ...(noEffect.length === 0 ? {} : { note: `No effect (swing 0, combined adverse movement stays ${formatAmount(centre)}): ${noEffect.map((item) => item.name).join(', ')}.` }),
  };
}

const STAT_LABELS: Record<FigureStatistics['figure'], string> = {
  'combined-adverse-movement': 'Combined adverse movement',
  'savings-shortfall': 'Savings shortfall',
  'cost-underspend': 'Cost underspend',
};

/** A simulated figure (£000) in whole pounds, rounded half away from zero to the nearest £1 for display (exact in JSON). */
function pounds(value: Amount, figure?: JsonPath): GridCell {
  return { text: formatAmount(thousandsToPounds(value), { places: 0 }), numeric: true, ...located(figure, value) };
}

/**
 * The simulation summary: one row per figure (combined adverse movement, savings
 * shortfall, cost underspend); without drivers, mean, percentiles and (with a threshold)
 * the probability of exceeding it. Shown in £ to the nearest £1 (the engine's figures are
 * £000 with fractions; JSON and CSV carry them exactly). Without a threshold, the note
 * says how to ask for a probability.
 */
export function simulationGrid(report: SimulationReport): GridTable {
  const threshold = report.threshold;
  return {
    id: 'simulate',
    title: `Monte Carlo: ${report.scenario.name}; ${report.runs} runs, seed ${report.seed}, ${report.prng} (£, to the nearest £1)`,
    head: ['Figure', 'Without drivers', 'Mean', ...PERCENTILES.map((p) => `P${p}`), ...(threshold === undefined ? [] : [`P(> £${formatAmount(thousandsToPounds(threshold), { places: 0 })})`])],
    rows: report.statistics.map((item, index) => ({
      cells: [
        { text: STAT_LABELS[item.figure] }, pounds(item.centre, `statistics.${index}.withoutDrivers`), pounds(item.mean, `statistics.${index}.mean`),
        ...PERCENTILES.map((p) => pounds(item.percentiles[p], `statistics.${index}.percentiles.P${p}`)),
        ...(item.probability === undefined ? [] : [{ text: `${formatPercent(item.probability)} (${item.exceedances}/${report.runs})`, numeric: true, ...located(`statistics.${index}.probability`, item.probability) }]),
      ],
    })),
    ...(threshold === undefined
      ? { note: 'For the probability that a figure exceeds an amount, add --threshold AMOUNT in £000 (e.g. --threshold 1000: the share of runs above £1m).' }
      : {}),
  };
}

/** The simulation histogram as a table: one row per bin, [from, to), its runs and their share of all runs. */
export function histogramGrid(histogram: Histogram, runs: number): GridTable {
  return {
    id: 'histogram',
    title: `Combined adverse movement over ${runs} runs, in bins of ${formatAmount(histogram.width)} (£000; a bin holds from ≤ figure < to)`,
    head: ['From', 'To', 'Runs', 'Share of runs'],
    rows: histogram.bins.map((bin, index) => ({
      cells: [
        money(bin.from, undefined, `histogram.bins.${index}.from`), money(bin.to, undefined, `histogram.bins.${index}.to`),
        { text: String(bin.runs), numeric: true, figure: `histogram.bins.${index}.runs`, value: String(bin.runs) },
        { text: `${formatAmount(divide(amountOf(String(bin.runs * 100)), amountOf(String(runs))), { places: 1, grouping: false })}%`, numeric: true },
      ],
    })),
  };
}
