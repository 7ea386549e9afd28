/**
 * The committee report as one self-contained HTML file: inline CSS, inline SVG charts
 * (Vega-Lite → Vega → SVG on the server), no scripts, no fonts, no images, no links to
 * fetch; a Content-Security-Policy that forbids every load, so it opens from a USB stick
 * and makes no network request. Accessible and printable: real `<table>` markup with
 * captions and header cells, chart titles with text alternatives carrying every figure,
 * print CSS for A4, and nothing that depends on colour alone (discrepancies carry `!`
 * and a border; chart bars carry their figures).
 *
 * The JSON of the same run (`reportAsJsonValue`) is embedded as
 * `<script type="application/json" id="report-data">` (data, never executed), and the
 * headline figures carry `data-figure` / `data-value` attributes, so tests and readers
 * can check that the page and the JSON agree.
 */
import { type Amount, equals, formatAmount, formatMillions, formatPercent, toDecimalString } from '../money/index.js';
import type { CommitteeReport, Driver } from '../engine/index.js';
import { type GridTable, DISCREPANCY_MARK, discrepancyGrid, headlineGrid, varianceGrid } from './variance-grid.js';
import { bridgeDetailGrid, bridgeGrid, lineMovementGrid, snapshotLabels, tableMovementGrid } from './movement-grid.js';
import type { ReportChart } from './charts/chart.js';
import { adjustmentsGrid, comparisonGrid, histogramGrid, simulationGrid, tornadoGrid } from './scenario-grid.js';
import { renderSvg } from './charts/svg.js';
import { reportCharts } from './report-charts.js';
import { reportAsJsonValue } from './report-json.js';
import { diagnosisSummary, readingsGrid, solutionGrid } from './diagnose-grid.js';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Tables with at most this many rows are printed whole (`break-inside: avoid`); longer ones may break between rows. */
const SMALL_TABLE_ROWS = 20;

/**
 * A grid as an accessible `<table>`: caption, `<th scope="col">` headings, the first
 * `rowHeaders` cells of each row as `<th scope="row">`. With `figurePrefix` (where the
 * grid's JSON sits in the report JSON, e.g. `scenarios.comparison.`), cells that know
 * their figure carry `data-figure="PREFIX+PATH"` and `data-value="EXACT"`.
 */
export function gridAsHtml(grid: GridTable, rowHeaders = 1, figurePrefix?: string): string {
  const numericColumns = new Set<number>();
  grid.rows.forEach((row) => row.cells.forEach((cell, index) => { if (cell.numeric) numericColumns.add(index); }));
  const head = grid.head.map((text, index) => `<th scope="col"${numericColumns.has(index) ? ' class="num"' : ''}>${escapeHtml(text)}</th>`).join('');
  const body = grid.rows.map((row) => {
    const cells = row.cells.map((cell, index) => {
      const classes = [cell.numeric ? 'num' : '', cell.flagged ? 'flagged' : ''].filter(Boolean).join(' ');
      const located = figurePrefix !== undefined && cell.figure !== undefined && cell.value !== undefined
        ? ` data-figure="${escapeHtml(figurePrefix + cell.figure)}" data-value="${escapeHtml(cell.value)}"` : '';
      const attributes = `${classes ? ` class="${classes}"` : ''}${cell.flagged ? ' title="stated figure differs from its line items"' : ''}${located}`;
      const content = cell.flagged ? `<strong>${escapeHtml(cell.text)}</strong><span class="visually-hidden"> (discrepancy)</span>` : escapeHtml(cell.text);
      return index < rowHeaders ? `<th scope="row"${attributes}>${content}</th>` : `<td${attributes}>${content}</td>`;
    }).join('');
    return `<tr${row.emphasis ? ` class="${row.emphasis}"` : ''}>${cells}</tr>`;
  }).join('\n');
  // A small table is kept whole on one printed page, its caption and heading row with its rows.
  const small = grid.rows.length <= SMALL_TABLE_ROWS ? ' class="small"' : '';
  return `<table id="table-${escapeHtml(grid.id)}"${small}>\n<caption>${escapeHtml(grid.title)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${grid.note ? `\n<p class="table-note">${escapeHtml(grid.note)}</p>` : ''}`;
}

/** Give a Vega SVG an accessible name and description (`role="img"`, `<title>`, `<desc>`). */
function accessibleSvg(svg: string, chart: ReportChart): string {
  const titleId = `${chart.id}-title`;
  const descId = `${chart.id}-desc`;
  return svg.replace(/^<svg\b([^>]*)>/, (_match, attributes: string) =>
    `<svg${attributes} role="img" aria-labelledby="${titleId} ${descId}"><title id="${titleId}">${escapeHtml(chart.title)}</title><desc id="${descId}">${escapeHtml(chart.description)}</desc>`);
}

async function chartFigure(chart: ReportChart): Promise<string> {
  const svg = accessibleSvg(await renderSvg(chart.spec()), chart);
  return `<figure class="chart" id="chart-${escapeHtml(chart.id)}" data-chart="${escapeHtml(chart.id)}">\n${svg}\n<figcaption>${escapeHtml(chart.description)}</figcaption>\n</figure>`;
}

/** What a report section needs to render: the report, and its charts already rendered to figures. */
interface SectionContext {
  readonly report: CommitteeReport;
  readonly figures: ReadonlyMap<string, string>;
}

/** A section of the page: its id, and its HTML (undefined when the report has nothing for it). */
interface ReportSection {
  readonly id: string;
  readonly render: (context: SectionContext) => string | undefined;
}

function headlineSection({ report, figures }: SectionContext): string {
  const { variance } = report;
  const figure = (id: string, label: string, value: typeof variance.costs.variance, published: typeof variance.costs.variance | undefined) => `
<div class="figure-card" data-figure="${id}" data-value="${toDecimalString(value)}"${published === undefined ? '' : ` data-published="${toDecimalString(published)}"`}>
  <div class="figure-label">${escapeHtml(label)}</div>
  <div class="figure-value">${escapeHtml(formatMillions(value))}</div>
  <div class="figure-detail">${escapeHtml(formatAmount(value))} £000 computed${published === undefined ? '' : `; published ${escapeHtml(formatAmount(published))}${equals(published, value) ? '' : ` <strong class="flag-text">${DISCREPANCY_MARK} differs</strong>`}`}</div>
</div>`;
  const published = (id: string) => variance.headline.find((item) => item.figure === id)?.published;
  const sentence = `Combined impact (computed): ${formatMillions(variance.costs.variance)} cost underspend offsetting a ${formatMillions(variance.savings.variance)} savings shortfall gives a combined adverse movement of ${formatMillions(variance.combined.computed)}` +
    (variance.combined.published === undefined ? '.' : ` (published: ${formatMillions(variance.combined.published)}).`);
  return `<section id="headline" aria-labelledby="headline-heading">
<h2 id="headline-heading">Headline, 2020/21</h2>
<p class="lead">${escapeHtml(sentence)}</p>
<div class="figures">${figure('cost-underspend', 'Cost underspend', variance.costs.variance, published('cost-underspend'))}${figure('savings-shortfall', 'Savings shortfall', variance.savings.variance, published('savings-shortfall'))}${figure('combined-adverse-movement', 'Combined adverse movement', variance.combined.computed, variance.combined.published)}
</div>
${figures.get('headline-waterfall') ?? ''}
${gridAsHtml(headlineGrid(variance))}
</section>`;
}

function movementSection({ report, figures }: SectionContext): string | undefined {
  const { movement } = report;
  if (!movement) return undefined;
  const labels = snapshotLabels(movement);
  const lines = lineMovementGrid(movement);
  const detail = bridgeDetailGrid(movement);
  return `<section id="movement" aria-labelledby="movement-heading">
<h2 id="movement-heading">Movement since ${escapeHtml(labels.from)}</h2>
<p>From <code>${escapeHtml(movement.from.programme.path)}</code> to <code>${escapeHtml(movement.to.programme.path)}</code>. Both snapshots recomputed from their line items; change = later − earlier; bridge steps positive = more adverse.</p>
<p class="lead" data-figure="movement-change" data-value="${toDecimalString(movement.bridge.change)}">Combined adverse movement moved from ${escapeHtml(formatMillions(movement.bridge.from))} to ${escapeHtml(formatMillions(movement.bridge.to))}: a change of ${escapeHtml(formatMillions(movement.bridge.change))}.</p>
${figures.get('movement-bridge') ?? ''}
${gridAsHtml(bridgeGrid(movement))}
${detail.rows.length > 0 ? gridAsHtml(detail, 2) : ''}
${gridAsHtml(tableMovementGrid(movement))}
${lines.rows.length > 0 ? gridAsHtml(lines, 2) : `<p>${escapeHtml(lines.title)}: none.</p>`}
</section>`;
}

function discrepancySection({ report }: SectionContext): string {
  const { variance } = report;
  const body = variance.discrepancies.length === 0
    ? '<p>None: every stated figure agrees with its line items.</p>'
    : gridAsHtml(discrepancyGrid(variance), 0);
  return `<section id="discrepancies" aria-labelledby="discrepancies-heading">
<h2 id="discrepancies-heading">Discrepancies (${variance.discrepancies.length})</h2>
<p>Stated figures that differ from the sum of their line items by more than ${escapeHtml(formatAmount(variance.tolerance))} £000. Difference = stated − computed.</p>
${body}
</section>`;
}

function diagnosisSection({ report }: SectionContext): string | undefined {
  const diagnosis = report.variance.diagnosis;
  if (!diagnosis) return undefined;
  const best = diagnosis.solutions[0];
  return `<section id="diagnosis" aria-labelledby="diagnosis-heading">
<h2 id="diagnosis-heading">Diagnosis: which stated cells are likeliest wrong</h2>
${diagnosisSummary(diagnosis).map((sentence) => `<p>${escapeHtml(sentence)}</p>`).join('\n')}
${best ? gridAsHtml(solutionGrid(best, 'Likeliest correction', diagnosis.discrepancies.length), 0) : ''}
${gridAsHtml(readingsGrid(diagnosis), 0)}
<p>The fewest stated cells whose correction makes every edit rule of the report hold (Fellegi–Holt error localisation, exact); <code>fn-model diagnose</code> lists every minimum correction and the rules.</p>
</section>`;
}

function tablesSection({ report }: SectionContext): string {
  const tables = varianceGrid(report.variance).map((grid) => gridAsHtml({ ...grid, title: `${grid.title} (${grid.id}), £000` }, 2));
  return `<section id="tables" aria-labelledby="tables-heading">
<h2 id="tables-heading">The tables as published, with computed figures</h2>
<p>Each stated Total and Variance has a <em>total (computed)</em> or <em>variance (computed)</em> column beside it; each TOTAL row has a computed row beneath it. A figure marked <strong class="flag-text">${DISCREPANCY_MARK}</strong> (bold, boxed) differs from its line items. "n/s" = not stated in the source.</p>
${tables.join('\n')}
</section>`;
}

function scenariosSection({ report, figures }: SectionContext): string | undefined {
  const { scenarios } = report;
  if (!scenarios) return undefined;
  const { comparison, tornado } = scenarios;
  const combined = 'combined-adverse-movement' as const;
  const list = comparison.runs.map((run, index) =>
    `<li><strong>${escapeHtml(run.scenario.name)}</strong> (<code>${escapeHtml(run.scenario.file)}</code>): ${escapeHtml(run.scenario.description)} ` +
    `Combined adverse movement <span data-figure="scenarios.comparison.scenarios.${index}.figures.${combined}" data-value="${toDecimalString(run.outcome.figures[combined])}">${escapeHtml(formatAmount(run.outcome.figures[combined]))}</span> £000, ` +
    `change from base <span data-figure="scenarios.comparison.scenarios.${index}.change.${combined}" data-value="${toDecimalString(run.change[combined])}">${escapeHtml(signed(run.change[combined]))}</span>.</li>`).join('\n');
  const how = tornado.source === 'drivers'
    ? `each of its declared drivers is swung from its distribution's min to its max`
    : `each savings line's 2020/21 outturn is scaled by (1 − ${escapeHtml(formatPercent(tornado.swing!))}) and (1 + ${escapeHtml(formatPercent(tornado.swing!))})`;
  return `<section id="scenarios" aria-labelledby="scenarios-heading">
<h2 id="scenarios-heading">What-if scenarios</h2>
<p>Each scenario's adjustments are applied to this dataset (each from the base, not one after another) and every figure is recomputed from the line items, as <code>fn-model scenario run</code> does. Change = scenario − base; £000. Rules: docs/scenarios.md.</p>
<ul class="scenario-list">
${list}
</ul>
${gridAsHtml(comparisonGrid(comparison), 1, 'scenarios.comparison.')}
${comparison.runs.some((run) => run.scenario.adjustments.length > 0) ? gridAsHtml(adjustmentsGrid(comparison), 1) : ''}
<h3 id="tornado-heading">Which drivers matter most: tornado for ${escapeHtml(tornado.scenario.name)}</h3>
<p>On top of ${escapeHtml(tornado.scenario.name)}'s adjustments, ${how}, one at a time, as <code>fn-model tornado ${escapeHtml(tornado.scenario.file)}</code> does; drivers are ranked by their swing, |combined at high − combined at low|.</p>
${figures.get('scenario-tornado') ?? ''}
${gridAsHtml(tornadoGrid(tornado), 2, 'scenarios.tornado.')}
</section>`;
}

function simulationSection({ report, figures }: SectionContext): string | undefined {
  const { simulation } = report;
  if (!simulation) return undefined;
  const combined = simulation.statistics.findIndex((item) => item.figure === 'combined-adverse-movement');
  const statistics = simulation.statistics[combined]!;
  const percentile = (p: 10 | 50 | 90) =>
    `P${p} <span data-figure="simulation.statistics.${combined}.percentiles.P${p}" data-value="${toDecimalString(statistics.percentiles[p])}">${escapeHtml(formatAmount(statistics.percentiles[p], { places: 3 }))}</span>`;
  const drivers = simulation.scenario.drivers.map((driver) => `<li><strong>${escapeHtml(driver.name)}</strong>: ${escapeHtml(describeDriver(driver))}</li>`).join('\n');
  return `<section id="simulation" aria-labelledby="simulation-heading">
<h2 id="simulation-heading">Simulation: ${escapeHtml(simulation.scenario.name)}</h2>
<p>${escapeHtml(simulation.scenario.description)} (<code>${escapeHtml(simulation.scenario.file)}</code>.) Each run draws every driver on top of the file's fixed adjustments and recomputes the figures exactly, as <code>fn-model simulate</code> does (docs/scenarios.md).</p>
<p class="simulation-settings">Runs: <strong data-setting="runs">${simulation.runs}</strong>; seed: <strong data-setting="seed">${simulation.seed}</strong>; PRNG: <strong data-setting="prng">${escapeHtml(simulation.prng)}</strong>${simulation.threshold === undefined ? '' : `; threshold: <strong>${escapeHtml(formatAmount(simulation.threshold))}</strong> £000`}. The same seed and runs give the same figures, byte for byte.</p>
<ul class="driver-list">
${drivers}
</ul>
<p class="lead">Combined adverse movement, £000: ${percentile(10)}, ${percentile(50)}, ${percentile(90)} (nearest rank; 80% of runs lie between P10 and P90).</p>
${figures.get('simulation-histogram') ?? ''}
${gridAsHtml(simulationGrid(simulation), 1, 'simulation.')}
${simulation.histogram ? gridAsHtml(histogramGrid(simulation.histogram, simulation.runs), 0, 'simulation.') : ''}
</section>`;
}

function signed(amount: Amount): string {
  const text = formatAmount(amount, { brackets: false });
  return amount.isZero() || amount.isNegative() ? text : `+${text}`;
}

/** A driver in words: what it adjusts, where, and its distribution (e.g. `slip 2020/21 → 2021/24 on ncc-savings/Adults; share PERT from 0% to 40%, most likely 10%`). */
function describeDriver(driver: Driver): string {
  const { adjustment } = driver;
  const where = `${adjustment.target.table}/${adjustment.target.lines === '*' ? '*' : adjustment.target.lines.join(', ')}`;
  const route = adjustment.kind === 'outturn' ? '' : ` ${adjustment.from} → ${adjustment.to}`;
  return `${adjustment.kind}${route} on ${where}${driver.each ? ' (drawn for each line)' : ''}; ${adjustment.measure} ${describeDistribution(driver)}`;
}

function describeDistribution(driver: Driver): string {
  const value = (amount: Amount) => (driver.adjustment.measure === 'share' || driver.adjustment.measure === 'scale' ? formatPercent(amount) : formatAmount(amount, { brackets: false }));
  const shape = driver.distribution;
  if (shape.kind === 'bernoulli') return `is ${value(shape.max)} with probability ${formatPercent(shape.p)}, else ${value(shape.min)}`;
  if (shape.kind === 'uniform') return `uniform from ${value(shape.min)} to ${value(shape.max)}`;
  return `${shape.kind === 'pert' ? 'PERT' : 'triangular'} from ${value(shape.min)} to ${value(shape.max)}, most likely ${value(shape.mode)}`;
}

/** The page's sections, in order. */
const REPORT_SECTIONS: readonly ReportSection[] = [
  { id: 'headline', render: headlineSection },
  { id: 'movement', render: movementSection },
  { id: 'scenarios', render: scenariosSection },
  { id: 'simulation', render: simulationSection },
  { id: 'discrepancies', render: discrepancySection },
  { id: 'diagnosis', render: diagnosisSection },
  { id: 'tables', render: tablesSection },
];

const STYLE = `
:root { color: #111; background: #fff; font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.4; }
body { margin: 0 auto; max-width: 1100px; padding: 16px 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.25em; border-bottom: 2px solid #111; padding-bottom: 2px; margin-top: 28px; break-after: avoid; }
.meta { color: #333; margin: 0 0 8px; }
.lead { font-size: 1.05em; }
.figures { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.figure-card { border: 1px solid #111; padding: 8px 12px; min-width: 200px; break-inside: avoid; }
.figure-label { font-weight: bold; }
.figure-value { font-size: 1.6em; font-weight: bold; }
.figure-detail { font-size: 0.9em; }
figure.chart { margin: 12px 0; break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.85em; color: #222; margin-top: 4px; }
table { border-collapse: collapse; margin: 12px 0 20px; font-size: 0.85em; width: 100%; break-inside: auto; }
caption { text-align: left; font-weight: bold; padding: 4px 0; caption-side: top; }
th, td { border: 1px solid #777; padding: 2px 6px; vertical-align: top; }
thead th { background: #e8e8e8; text-align: left; }
th.num, td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody th { text-align: left; font-weight: normal; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #111; }
tr.computed th, tr.computed td { font-style: italic; background: #f4f4f4; }
.flagged { outline: 2px solid #000; outline-offset: -3px; background: #ffe08a; }
.flag-text { border: 1px solid #000; padding: 0 3px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
code { font-size: 0.95em; }
footer { margin-top: 32px; font-size: 0.85em; color: #333; border-top: 1px solid #777; padding-top: 6px; }
@page { size: A4; margin: 12mm 10mm; }
@media print {
  :root { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  table { font-size: 7.5pt; }
  thead { display: table-header-group; }
  tr, .figure-card { break-inside: avoid; }
  /* Keep each heading with what follows it: the heading, its introductory paragraph, a
     table's caption and heading row never end a page (test/report/pdf.test.ts). */
  h2, h3, h2 + p, h3 + p, caption, thead { break-after: avoid; }
  table.small, figure.chart { break-inside: avoid; }
  /* The three headline cards share one row on A4. */
  .figures { flex-wrap: nowrap; }
  .figure-card { flex: 1 1 0; min-width: 0; }
  section { break-before: auto; }
  #tables { break-before: page; }
  .flagged { background: #fff; }
  thead th, tr.computed th, tr.computed td { background: #fff; }
}
`;

/**
 * Render the committee report as one self-contained HTML document (UTF-8 text).
 * Async because charts are rendered by Vega.
 */
export async function reportAsHtml(report: CommitteeReport): Promise<string> {
  const charts = reportCharts(report);
  const figures = new Map<string, string>();
  for (const chart of charts) figures.set(chart.id, await chartFigure(chart));
  const context: SectionContext = { report, figures };
  const sections = REPORT_SECTIONS.map((section) => section.render(context)).filter((html): html is string => html !== undefined);
  const { programme } = report.variance;
  const data = JSON.stringify(reportAsJsonValue(report)).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="fn-model">
<title>Programme finance report: ${escapeHtml(programme.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Programme finance report: ${escapeHtml(programme.name)}</h1>
<p class="meta">Source: <code>${escapeHtml(programme.path)}</code>${report.movement ? `; movement since <code>${escapeHtml(report.movement.from.programme.path)}</code>` : ''}. All table amounts £000; headline figures £m. Figures computed from line items by fn-model; negatives in brackets.</p>
</header>
<main>
${sections.join('\n')}
</main>
<footer>Generated by fn-model from the dataset above. Every figure on this page is in the embedded JSON (<code>report-data</code>), identical to <code>fn-model report --format json</code> for the same inputs.</footer>
<script type="application/json" id="report-data">${data}</script>
</body>
</html>
`;
}
