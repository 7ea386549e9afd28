/**
 * A scenario that does not fit its dataset or its own rules (an unknown line id, a
 * slip larger than the figure it slips from, a class on a table without the delay
 * analysis). Errors are values with a location; `src/cli.ts` prints each as
 * `scenarios/x.yaml:7:5: message` and exits 2.
 */
import type { Origin } from './model.js';

/** One located problem in a scenario file. */
export interface ScenarioProblem {
  readonly origin: Origin;
  readonly message: string;
}

/** One or more located scenario problems. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(readonly problems: readonly ScenarioProblem[]) {
    super(problems.map(formatScenarioProblem).join('\n'));
  }
}

/** `file:line:column: message`, the form editors jump to. */
export function formatScenarioProblem(problem: ScenarioProblem): string {
  return `${problem.origin.file}:${problem.origin.line}:${problem.origin.column}: ${problem.message}`;
}
