/**
 * `fn-model simulate FILE --runs N --seed S [--threshold T]`: Monte Carlo over the
 * scenario's declared drivers. Same seed, same output, byte for byte.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Amount } from '../money/index.js';
import { UsageError } from './errors.js';
import { formatOption } from './options.js';
import { parseCount, parseSeed, parseThreshold } from './scenario-options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';
import { type CsvInputOptions, decimalCommaOption, delimiterOption, encodingOption as csvEncodingOption, loadOptionsOf } from './options.js';

interface SimulateOptions extends CsvInputOptions {
  readonly data?: string;
  readonly format: 'table' | 'json' | 'csv' | 'markdown';
  readonly output?: string;
  readonly runs: number;
  readonly seed: number;
  readonly threshold?: Amount;
}

const HELP = `
Each run draws every driver from its distribution (uniform, triangular, PERT,
Bernoulli), optionally rank-correlated (Iman–Conover), on top of the scenario's
fixed adjustments, and recomputes the combined adverse movement and the savings
shortfall exactly (£000). Reports mean, P5/P10/P50/P90/P95 (nearest rank) and, with
--threshold, the share of runs strictly above it. The seed, the PRNG and the run
count are in every output. Progress goes to stderr, only on a terminal.

Exit codes: 0 done; 2 bad input or usage.

Examples:
  $ fn-model simulate scenarios/delivery-risk.yaml --runs 10000 --seed 1
  $ fn-model simulate scenarios/delivery-risk.yaml --runs 10000 --seed 1 --threshold 1000   # P(adverse > £1m)
  $ fn-model simulate scenarios/delivery-risk.yaml --runs 5000 --seed 7 --format json | jq .statistics
`;

/** Register `simulate` on the program. */
export function registerSimulate(program: Command): void {
  program
    .command('simulate')
    .description('Monte Carlo over the drivers a scenario declares: mean, percentiles, probability above a threshold')
    .argument('<file>', 'scenario file (YAML) with drivers')
    .addOption(new Option('--runs <n>', 'number of runs').argParser(parseCount).default(10000))
    .addOption(new Option('--seed <s>', 'PRNG seed (0 to 4294967295)').argParser(parseSeed).default(1))
    .addOption(new Option('--threshold <amount>', 'report the probability that each figure exceeds this (£000)').argParser(parseThreshold))
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .addOption(csvEncodingOption())
    .addOption(delimiterOption())
    .addOption(decimalCommaOption())
    .addOption(outputOption('write to FILE (atomically) instead of stdout (the extension picks the format: .txt, .json, .csv, .md)'))
    .addOption(forceOption())
    .hook('preAction', checkOutputFile())
    .addHelpText('after', HELP)
    .action(async (file: string, options: SimulateOptions, command: Command) => {
      const [{ loadWithScenarios }, { simulate }, { seededRandom }, { progressOnTty }, { emitReport }] = await Promise.all([
        import('./scenario-load.js'), import('../engine/simulate.js'), import('../engine/random.js'), import('../io/progress.js'), import('../io/output.js'),
      ]);
      const { programme, scenarios } = await loadWithScenarios(options.data, [file], loadOptionsOf(options, command));
      const scenario = scenarios[0]!;
      if (scenario.drivers.length === 0) throw new UsageError(`${file} declares no drivers to simulate (add a "drivers:" list; see docs/scenarios.md)`);
      const progress = await progressOnTty('simulate');
      let report;
      try {
        report = simulate(programme, scenario, {
          runs: options.runs, seed: options.seed, random: seededRandom(options.seed), onProgress: progress.update,
          ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
        });
      } finally {
        progress.stop();
      }
      const grid = (await import('../render/scenario-grid.js')).simulationGrid(report);
      const text = await (await import('../render/scenario-output.js')).renderScenarioOutput(options.format, {
        title: `Simulation: ${scenario.name}`, grids: [grid], json: (render) => render.simulationAsJson(report), csv: (render) => render.simulationAsCsv(report),
      });
      await emitReport(text, options.output);
    });
}
