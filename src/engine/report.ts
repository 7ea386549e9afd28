/**
 * The committee report: everything `fn-model report` shows, composed from the other
 * engine results. Pure: no I/O.
 *
 * Extension point (issue 6, not yet landed): the scenario comparison (with a tornado
 * chart) and the simulation histogram (P10/P50/P90) join the report as two more
 * optional members here (`scenarios?`, `simulation?`), each with its own section in
 * `src/render/report-html.ts` (`REPORT_SECTIONS`) and its own key in
 * `src/render/report-json.ts`. Nothing else changes.
 */
import type { Programme } from '../model/index.js';
import { type MovementReport, movementBetween } from './movement.js';
import { type VarianceOptions, type VarianceReport, computeVariance } from './variance.js';

/** The report's data: this month's variance report, and the movement since an earlier snapshot when one is given. */
export interface CommitteeReport {
  readonly variance: VarianceReport;
  /** Present when the report is run with an earlier snapshot (`--from`). */
  readonly movement: MovementReport | undefined;
}

/** Options for {@link composeReport}. */
export interface ReportOptions extends VarianceOptions {
  /** The earlier snapshot to report movement from. */
  readonly from?: Programme;
}

/** Compose the committee report for a programme (and, optionally, its movement since an earlier snapshot). */
export function composeReport(programme: Programme, options: ReportOptions = {}): CommitteeReport {
  const varianceOptions = options.tolerance ? { tolerance: options.tolerance } : {};
  const variance = computeVariance(programme, varianceOptions);
  const movement = options.from ? movementBetween(computeVariance(options.from, varianceOptions), variance) : undefined;
  return { variance, movement };
}
