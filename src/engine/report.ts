/**
 * The committee report: everything `fn-model report` shows, composed from the other
 * engine results. Pure: no I/O (the caller reads the scenario files and passes the
 * seeded random source).
 *
 * Each optional part is one member here, one section in `src/render/report-html.ts`
 * (`REPORT_SECTIONS`), its charts in `src/render/report-charts.ts` and one key in
 * `src/render/report-json.ts`: the movement since an earlier snapshot (`--from`), the
 * what-if scenarios with a tornado (`--scenario`) and the Monte Carlo simulation with
 * its histogram (`--simulate`).
 */
import { type Amount, amountOf } from '../money/index.js';
import type { Programme } from '../model/index.js';
import { type MovementReport, movementBetween } from './movement.js';
import { diagnoseForReport } from './diagnose.js';
import { type VarianceOptions, type VarianceReport, computeVariance } from './variance.js';
import { type ScenarioComparison, type TornadoReport, compareScenarios, tornado } from './scenario/compare.js';
import type { Scenario } from './scenario/model.js';
import { type SimulateOptions, type SimulationReport, simulate } from './simulate.js';

/** The what-if part of the report: the scenarios side by side and the tornado of the first one. */
export interface ReportScenarios {
  /** Exactly `fn-model scenario run FILE...` for the report's dataset. */
  readonly comparison: ScenarioComparison;
  /** Exactly `fn-model tornado FIRST-FILE --swing S` for the report's dataset. */
  readonly tornado: TornadoReport;
}

/** The report's data: this month's variance report, and each optional part when it was asked for. */
export interface CommitteeReport {
  readonly variance: VarianceReport;
  /** Present when the report is run with an earlier snapshot (`--from`). */
  readonly movement: MovementReport | undefined;
  /** Present when the report is run with scenario files (`--scenario`). */
  readonly scenarios: ReportScenarios | undefined;
  /** Present when the report is run with `--simulate`; always has its histogram. */
  readonly simulation: SimulationReport | undefined;
}

/** What `--simulate` asks for: the scenario whose drivers are drawn and how (runs, seed, random source, threshold). */
export interface ReportSimulationOptions extends Omit<SimulateOptions, 'histogramBins'> {
  readonly scenario: Scenario;
}

/** Options for {@link composeReport}. */
export interface ReportOptions extends VarianceOptions {
  /** The earlier snapshot to report movement from. */
  readonly from?: Programme;
  /** Scenarios to compare with the base (each from the base); the first is also the tornado's. */
  readonly scenarios?: readonly Scenario[];
  /** The tornado's ± share for savings lines when the first scenario declares no drivers (default 25%). */
  readonly swing?: Amount;
  readonly simulation?: ReportSimulationOptions;
}

/** The default `--swing` of the report's tornado (as `fn-model tornado`). */
export const REPORT_SWING: Amount = amountOf('0.25');
/** About how many bins the simulation histogram has. */
export const HISTOGRAM_BINS = 24;

/**
 * Compose the committee report for a programme (and, optionally, its movement since an
 * earlier snapshot, scenarios and a simulation).
 * @throws ScenarioError when a scenario or driver does not fit the programme.
 */
export function composeReport(programme: Programme, options: ReportOptions = {}): CommitteeReport {
  const varianceOptions = options.tolerance ? { tolerance: options.tolerance } : {};
  const variance = { ...computeVariance(programme, varianceOptions), diagnosis: diagnoseForReport(programme) };
  const movement = options.from ? movementBetween(computeVariance(options.from, varianceOptions), variance) : undefined;
  const chosen = options.scenarios ?? [];
  const scenarios = chosen.length > 0
    ? { comparison: compareScenarios(programme, chosen), tornado: tornado(programme, chosen[0]!, options.swing ?? REPORT_SWING) }
    : undefined;
  const simulation = options.simulation
    ? simulate(programme, options.simulation.scenario, { ...withoutScenario(options.simulation), histogramBins: HISTOGRAM_BINS })
    : undefined;
  return { variance, movement, scenarios, simulation };
}

function withoutScenario(options: ReportSimulationOptions): SimulateOptions {
  const { scenario: _scenario, ...rest } = options;
  return rest;
}
