/**
 * `fn-model variance`: the month-end report. Load the dataset, recompute every figure
 * from its line items, reconcile every stated figure, render.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Amount } from '../money/index.js';
import { loadProgramme, type LoadOptions } from '../load/index.js';
import { computeVariance } from '../engine/index.js';
import { type VarianceFormat, renderVariance } from '../render/variance.js';
import { colourWanted, emitReport } from '../io/output.js';
import { ExitStatus } from './errors.js';
import { datasetPath, encodingOption, formatOption, parseTolerance } from './options.js';

interface VarianceOptions {
  readonly data?: string;
  readonly format: VarianceFormat;
  readonly output?: string;
  readonly strict?: boolean;
  readonly tolerance?: Amount;
  readonly encoding: LoadOptions['encoding'];
}

const HELP = `
Amounts are £000 as published. Variance = 2020/21 budget − outturn ("Under / (Over)"):
for costs a positive variance is an underspend, for savings a shortfall.
Combined adverse movement = savings shortfall − cost underspend.

Exit codes: 0 report produced; 1 --strict and at least one discrepancy; 2 bad input or usage.

Examples:
  $ fn-model variance                                 # the bundled March 2021 report
  $ fn-model variance --format json | jq .combined    # machine-readable
  $ fn-model variance --data my-folder/ --strict      # fail (exit 1) on any discrepancy
  $ fn-model variance --data book.xlsx --tolerance 1 -o report.md --format markdown
`;

/** Register the `variance` command on the program. */
export function registerVariance(program: Command): void {
  program
    .command('variance')
    .description('recompute the programme report from its line items and reconcile every stated figure')
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .option('-o, --output <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('--strict', 'exit 1 when any stated figure disagrees with its line items')
    .addOption(new Option('--tolerance <n>', 'ignore differences up to N £000 (default 0: exact)').argParser(parseTolerance))
    .addOption(encodingOption())
    .addHelpText('after', HELP)
    .action(async (options: VarianceOptions) => {
      const programme = await loadProgramme(datasetPath(options.data), { encoding: options.encoding });
      const report = computeVariance(programme, options.tolerance ? { tolerance: options.tolerance } : {});
      const text = await renderVariance(report, options.format, colourWanted(options.output));
      await emitReport(text, options.output);
      if (options.strict && report.discrepancies.length > 0) {
        throw new ExitStatus(1, `${report.discrepancies.length} stated figure(s) disagree with their line items (--strict)`);
      }
    });
}
