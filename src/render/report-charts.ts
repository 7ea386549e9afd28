/**
 * Which charts the committee report has, in page order: the headline waterfall always;
 * the movement bridge with an earlier snapshot; the trend line with monthly snapshots;
 * the tornado with scenarios; the histogram with a simulation; the net benefit bars
 * with `--returns`.
 */
import type { CommitteeReport } from '../engine/index.js';
import type { ReportChart } from './charts/chart.js';
import { bridgeWaterfall, headlineWaterfall, waterfallChart } from './charts/waterfall.js';
import { tornadoChart } from './charts/tornado.js';
import { histogramChart } from './charts/histogram.js';
import { trendChart } from './charts/trend.js';
import { returnsChart } from './charts/returns.js';
import { snapshotLabels } from './movement-grid.js';

/** The report's charts, in page order. */
export function reportCharts(report: CommitteeReport): ReportChart[] {
  const charts = [waterfallChart(headlineWaterfall(report.variance))];
  if (report.movement) charts.push(waterfallChart(bridgeWaterfall(report.movement, snapshotLabels(report.movement))));
  if (report.trend) charts.push(trendChart(report.trend));
  if (report.scenarios) charts.push(tornadoChart(report.scenarios.tornado));
  if (report.simulation) charts.push(histogramChart(report.simulation));
  if (report.returns) charts.push(returnsChart(report.returns));
  return charts;
}
