/**
 * Which charts the committee report has, in page order: the headline waterfall always,
 * the movement bridge when the report has an earlier snapshot. (Scenario tornado and
 * simulation histogram charts join here when issue 6 lands.)
 */
import type { CommitteeReport } from '../engine/index.js';
import { type Waterfall, bridgeWaterfall, headlineWaterfall } from './charts/waterfall.js';
import { snapshotLabels } from './movement-grid.js';

/** The report's charts, in page order. */
export function reportCharts(report: CommitteeReport): Waterfall[] {
  const charts = [headlineWaterfall(report.variance)];
  if (report.movement) charts.push(bridgeWaterfall(report.movement, snapshotLabels(report.movement)));
  return charts;
}
