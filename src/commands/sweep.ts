/**
 * `fn-model sweep FILE --vary ADJUSTMENT --from A --to B --steps N`: run a scenario
 * once for each of N + 1 equally spaced values of one adjustment; one row per value.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { type Amount, add, amountOf, compare, divide, equals, isNegative, multiply, parseAmount, parsePercent, subtract } from '../money/index.js';
import type { Adjustment, Scenario } from '../engine/scenario/model.js';
import { UsageError } from './errors.js';
import { formatOption } from './options.js';
import { parseCount } from './scenario-options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';
import { type CsvInputOptions, decimalCommaOption, delimiterOption, encodingOption as csvEncodingOption, loadOptionsOf } from './options.js';

interface SweepOptions extends CsvInputOptions {
  readonly data?: string;
  readonly format: 'table' | 'json' | 'csv' | 'markdown';
  readonly output?: string;
  readonly vary: string;
  readonly from: string;
  readonly to: string;
  readonly steps: number;
}

const HELP = `
--vary names an adjustment by its "name:" or its 1-based position in the file (after
any file it extends). --from and --to are in the adjustment's unit: a percentage for
share and scale (0%, 50%), £000 for amount and set. --steps N gives N equal steps, so
N + 1 rows (both ends included); the step must be exact.

Exit codes: 0 done; 2 bad input or usage.

Examples:
  $ fn-model sweep scenarios/adults-slip-25.yaml --vary adults-slip --from 0% --to 100% --steps 4
  $ fn-model sweep scenarios/brp-savings-slip-10.yaml --vary 1 --from 0% --to 50% --steps 5 --format csv
`;

/** The adjustment `vary` names (by name or 1-based position). @throws UsageError */
export function findAdjustment(scenario: Scenario, vary: string): { position: number; adjustment: Adjustment } {
  const byName = scenario.adjustments.findIndex((adjustment) => adjustment.name === vary);
  const position = byName >= 0 ? byName + 1 : /^\d+$/.test(vary) ? Number(vary) : 0; // number-ok: an adjustment position
  const adjustment = scenario.adjustments[position - 1];
  if (!adjustment) {
    const names = scenario.adjustments.map((candidate, index) => candidate.name ?? String(index + 1));
    throw new UsageError(`--vary ${vary}: ${scenario.file} has no such adjustment (choose one of: ${names.join(', ') || 'none'})`);
  }
  return { position, adjustment };
}

function valueOption(option: string, text: string, adjustment: Adjustment): Amount {
  const percent = adjustment.measure === 'share' || adjustment.measure === 'scale';
  const parsed = percent ? parsePercent(text) : parseAmount(text);
  if (parsed.kind !== 'amount') throw new UsageError(`${option} ${text}: the adjustment's ${adjustment.measure} is ${percent ? 'a percentage such as 25%' : 'an amount in £000 such as 1,200'}`);
  if (adjustment.measure !== 'set' && isNegative(parsed.value)) throw new UsageError(`${option} ${text}: must not be negative`);
  if (adjustment.measure === 'share' && compare(parsed.value, amountOf('1')) > 0) throw new UsageError(`${option} ${text}: a share must be from 0% to 100%`);
  return parsed.value;
}

/** Whether `steps` equal steps cover `span` exactly (the step is a terminating decimal). */
function dividesExactly(span: Amount, steps: number): boolean {
  const count = amountOf(String(steps));
  return equals(multiply(divide(span, count), count), span);
}

/**
 * Up to three step counts near `steps` (from 2 to the larger of 20 and 2 × steps) that
 * divide `span` exactly, nearest first on ties the smaller, listed in ascending order.
 */
export function exactStepCounts(span: Amount, steps: number): number[] {
  const limit = Math.max(20, steps * 2);
  const candidates = Array.from({ length: limit - 1 }, (_, index) => index + 2).filter((count) => count !== steps && dividesExactly(span, count));
  return candidates.sort((a, b) => Math.abs(a - steps) - Math.abs(b - steps) || a - b).slice(0, 3).sort((a, b) => a - b);
}

/** `2, 4 or 5`. */
function alternatives(counts: readonly number[]): string {
  return counts.length <= 1 ? counts.join('') : `${counts.slice(0, -1).join(', ')} or ${counts[counts.length - 1]}`;
}

/**
 * N + 1 equally spaced values from `from` to `to`. `shown` prints a value in the
 * adjustment's unit for the error message.
 * @throws UsageError when the step is not exact, suggesting step counts that are.
 */
export function sweepValues(from: Amount, to: Amount, steps: number, shown: (value: Amount) => string = (value) => value.toFixed()): Amount[] {
  const span = subtract(to, from);
  if (!dividesExactly(span, steps)) {
    const counts = exactStepCounts(span, steps);
    const hint = counts.length > 0 ? `try --steps ${alternatives(counts)}` : 'choose a step count that does';
    throw new UsageError(`--steps ${steps} does not divide the range ${shown(from)} to ${shown(to)} into equal exact steps; ${hint}`);
  }
  const step = divide(span, amountOf(String(steps)));
  return Array.from({ length: steps + 1 }, (_, index) => add(from, multiply(step, amountOf(String(index)))));
}

/** Register `sweep` on the program. */
export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('vary one adjustment of a scenario across a range: one row per value')
    .argument('<file>', 'scenario file (YAML)')
    .requiredOption('--vary <adjustment>', 'the adjustment to vary: its name or 1-based position')
    .requiredOption('--from <value>', 'first value (25% for a share or scale, £000 for an amount)')
    .requiredOption('--to <value>', 'last value')
    .addOption(new Option('--steps <n>', 'number of equal steps (rows = steps + 1)').argParser(parseCount).default(10))
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .addOption(csvEncodingOption())
    .addOption(delimiterOption())
    .addOption(decimalCommaOption())
    .addOption(outputOption('write to FILE (atomically) instead of stdout (the extension picks the format: .txt, .json, .csv, .md)'))
    .addOption(forceOption())
    .hook('preAction', checkOutputFile())
    .addHelpText('after', HELP)
    .action(async (file: string, options: SweepOptions, command: Command) => {
      const [{ loadWithScenarios }, { sweep }, { emitReport }] = await Promise.all([
        import('./scenario-load.js'), import('../engine/scenario/compare.js'), import('../io/output.js'),
      ]);
      const { programme, scenarios } = await loadWithScenarios(options.data, [file], loadOptionsOf(options, command));
      const scenario = scenarios[0]!;
      const { position, adjustment } = findAdjustment(scenario, options.vary);
      const { valueText } = await import('../render/scenario-grid.js');
      const values = sweepValues(valueOption('--from', options.from, adjustment), valueOption('--to', options.to, adjustment), options.steps, (value) => valueText(adjustment.measure, value));
      const report = sweep(programme, scenario, position, values);
      const grid = (await import('../render/scenario-grid.js')).sweepGrid(report);
      const text = await (await import('../render/scenario-output.js')).renderScenarioOutput(options.format, {
        title: `Sweep: ${scenario.name}`, grids: [grid], json: (render) => render.sweepAsJson(report), csv: (render) => render.sweepAsCsv(report),
      });
      await emitReport(text, options.output);
    });
}
