/**
 * The committee report as JSON (docs/json.md, "fn-model report"): the variance report,
 * the movement report, the trend, the scenarios and the simulation (each null when not asked for),
 * and each chart's id, title and text alternative. The HTML report embeds exactly this
 * value, so the page and the JSON of the same run carry the same figures.
 */
import type { CommitteeReport } from '../engine/index.js';
import { movementAsJsonValue } from './movement-json.js';
import { trendAsJsonValue } from './trend-json.js';
import { varianceAsJsonValue } from './variance-json.js';
import { comparisonAsJsonValue, histogramAsJsonValue, simulationAsJsonValue, tornadoAsJsonValue } from './scenario-json.js';
import { reportCharts } from './report-charts.js';
import { returnsAsJsonValue } from './returns.js';

/** The report as a JSON-ready object: `{ report, unit, variance, movement, trend, scenarios, simulation, returns, charts }`. */
export function reportAsJsonValue(report: CommitteeReport) {
  const { scenarios, simulation } = report;
  return {
    report: 'fn-model committee report',
    unit: 'GBP thousands',
    variance: varianceAsJsonValue(report.variance),
    movement: report.movement ? movementAsJsonValue(report.movement) : null,
    trend: report.trend ? trendAsJsonValue(report.trend) : null,
    scenarios: scenarios ? { comparison: comparisonAsJsonValue(scenarios.comparison), tornado: tornadoAsJsonValue(scenarios.tornado) } : null,
    simulation: simulation
      ? { ...simulationAsJsonValue(simulation), histogram: simulation.histogram ? histogramAsJsonValue(simulation.histogram) : null }
      : null,
    returns: report.returns ? returnsAsJsonValue(report.returns) : null,
    charts: reportCharts(report).map((chart) => ({ id: chart.id, title: chart.title, description: chart.description })),
  };
}

/** The report as JSON text (2-space indent, trailing newline). */
export function reportAsJson(report: CommitteeReport): string {
  return `${JSON.stringify(reportAsJsonValue(report), null, 2)}\n`;
}
