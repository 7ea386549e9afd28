/**
 * `fn-model goal-seek FILE --vary ADJUSTMENT --target AMOUNT [--measure combined|shortfall|underspend]`:
 * the exact share or amount of one adjustment at which the measure reaches the target.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { type Amount, millionsToThousands, parseAmount } from '../money/index.js';
import type { GoalSeekMeasure } from '../engine/scenario/goal-seek.js';
import { ExitStatus, UsageError } from './errors.js';
import { formatOption } from './options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';
import { type CsvInputOptions, decimalCommaOption, delimiterOption, encodingOption as csvEncodingOption, loadOptionsOf } from './options.js';

interface GoalSeekOptions extends CsvInputOptions {
  readonly data?: string;
  readonly format: 'table' | 'json' | 'csv' | 'markdown';
  readonly output?: string;
  readonly vary: string;
  readonly target: string;
  readonly measure: GoalSeekMeasure;
}

const HELP = `
--vary names an adjustment by its "name:" or its 1-based position; it must be measured
as a share (solved over 0% to 100%) or an amount (£000, solved from 0 to the least
figure it may move on its lines). --target is £000 (1,500, £1,500, (100)), or £m with
an m suffix (£1.5m, 1.5m). --measure: combined (combined adverse movement, default),
shortfall (savings shortfall) or underspend (cost underspend).

The measure is piecewise linear in the value, so the answer is exact: the smallest value
giving the target, as a fraction, and rounded down to 6 places (a share) or 3 (an
amount), with the measure at the rounded values either side recomputed as "scenario run"
does. Method and limits: docs/what-if.md.

Exit codes: 0 solved; 1 the target cannot be reached in the valid range (the report
gives the measure's range; one line on stderr says so); 2 bad input or usage.

Examples:
  $ fn-model goal-seek scenarios/adults-slip-25.yaml --vary adults-slip --target 1,500
  $ fn-model goal-seek scenarios/adults-slip-25.yaml --vary adults-slip --target £1.5m --format json
  $ fn-model goal-seek scenarios/brp-savings-slip-10.yaml --vary brp-slip --target 1,400 --measure shortfall
`;

/** Parse `--target`: £000 as `parseAmount` reads it, or £m with an `m` suffix (`£1.5m` → 1,500). @throws UsageError */
export function parseTarget(text: string): Amount {
  const trimmed = text.trim();
  const millions = /m$/i.test(trimmed);
  const parsed = parseAmount(millions ? trimmed.slice(0, -1) : trimmed);
  if (parsed.kind !== 'amount') throw new UsageError(`--target ${JSON.stringify(text)}: not an amount; give £000 (1,500 or £1,500) or £m with an m suffix (£1.5m)`);
  return millions ? millionsToThousands(parsed.value) : parsed.value;
}

/** Register `goal-seek` on the program. */
export function registerGoalSeek(program: Command): void {
  program
    .command('goal-seek')
    .description('the exact share or amount of one adjustment at which a measure reaches a target')
    .argument('<file>', 'scenario file (YAML)')
    .requiredOption('--vary <adjustment>', 'the adjustment to solve for: its name or 1-based position')
    .requiredOption('--target <amount>', 'the target, £000 (1,500) or £m with an m suffix (£1.5m)')
    .addOption(new Option('--measure <measure>', 'what must reach the target').choices(['combined', 'shortfall', 'underspend']).default('combined'))
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .addOption(csvEncodingOption())
    .addOption(delimiterOption())
    .addOption(decimalCommaOption())
    .addOption(outputOption('write to FILE (atomically) instead of stdout (the extension picks the format: .txt, .json, .csv, .md)'))
    .addOption(forceOption())
    .hook('preAction', checkOutputFile())
    .addHelpText('after', HELP)
    .action(async (file: string, options: GoalSeekOptions, command: Command) => {
      const target = parseTarget(options.target);
      const [{ loadWithScenarios }, { findAdjustment }, { goalSeek }, { ScenarioError }, render, { emitReport }] = await Promise.all([
        import('./scenario-load.js'), import('./sweep.js'), import('../engine/scenario/goal-seek.js'), import('../engine/scenario/errors.js'),
        import('../render/goal-seek.js'), import('../io/output.js'),
      ]);
      const { programme, scenarios } = await loadWithScenarios(options.data, [file], loadOptionsOf(options, command));
      const scenario = scenarios[0]!;
      if (scenario.adjustments.length === 0) {
        throw new ScenarioError([{ origin: { file: scenario.file, line: 1, column: 1 }, message: `no adjustments to vary (goal-seek solves for one adjustment's share or amount; drivers are for simulate and tornado)` }]);
      }
      const { position } = findAdjustment(scenario, options.vary);
      const report = goalSeek(programme, scenario, position, options.measure, target);
      const text = await (await import('../render/scenario-output.js')).renderScenarioOutput(options.format, {
        title: `Goal seek: ${scenario.name}`, grids: [render.goalSeekGrid(report)], json: () => render.goalSeekAsJson(report), csv: () => render.goalSeekAsCsv(report),
      });
      await emitReport(text, options.output);
      if (!report.solution) throw new ExitStatus(1, render.goalSeekSentence(report));
    });
}
