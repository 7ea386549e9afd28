/**
 * `fn-model scenario run FILE...`: the base and each scenario side by side, every
 * figure recomputed exactly from line items, with the change from the base.
 */
import type { Command } from 'commander';
import { formatOption } from './options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';
import { type CsvInputOptions, decimalCommaOption, delimiterOption, encodingOption as csvEncodingOption, loadOptionsOf } from './options.js';

interface RunOptions extends CsvInputOptions {
  readonly data?: string;
  readonly format: 'table' | 'json' | 'csv' | 'markdown';
  readonly output?: string;
  readonly detail?: boolean;
}

const HELP = `
Each scenario applies its adjustments (after those of any file it extends) to the
base dataset; every figure is then recomputed from line items. Amounts £000.
Combined adverse movement = savings shortfall − cost underspend. Rules: docs/scenarios.md.

Exit codes: 0 done; 2 bad input (a scenario error is printed as FILE:LINE:COLUMN: message).

Examples:
  $ fn-model scenario run scenarios/adults-slip-25.yaml
  $ fn-model scenario run scenarios/*.yaml --detail
  $ fn-model scenario run scenarios/partly-deliverable-lost.yaml --format json | jq '.scenarios[0].change'
  $ fn-model scenario run scenarios/brp-savings-slip-10.yaml --data my-folder/ --format csv -o what-if.csv
`;

/** Register `scenario` (with its `run` subcommand) on the program. */
export function registerScenario(program: Command): void {
  const scenario = program.command('scenario').description('what-if scenarios: adjust a dataset and compare with the base').addHelpText('after', '\nExample:\n  $ fn-model scenario run scenarios/adults-slip-25.yaml\n');
  scenario
    .command('run')
    .description('the base and each scenario side by side: shortfall, underspend, combined adverse movement, savings by period, change from base')
    .argument('<file...>', 'scenario files (YAML)')
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .addOption(csvEncodingOption())
    .addOption(delimiterOption())
    .addOption(decimalCommaOption())
    .option('--detail', 'also show each table\'s figures')
    .addOption(outputOption('write to FILE (atomically) instead of stdout (the extension picks the format: .txt, .json, .csv, .md)'))
    .addOption(forceOption())
    .hook('preAction', checkOutputFile())
    .addHelpText('after', HELP)
    .action(async (files: string[], options: RunOptions, command: Command) => {
      const [{ loadWithScenarios }, { compareScenarios }, { emitReport }] = await Promise.all([
        import('./scenario-load.js'), import('../engine/scenario/compare.js'), import('../io/output.js'),
      ]);
      const { programme, scenarios } = await loadWithScenarios(options.data, files, loadOptionsOf(options, command));
      const report = compareScenarios(programme, scenarios);
      const { adjustmentsGrid, comparisonDetailGrid, comparisonGrid } = await import('../render/scenario-grid.js');
      const grids = [comparisonGrid(report), ...(options.detail ? [comparisonDetailGrid(report)] : []), adjustmentsGrid(report)];
      const preamble = `Dataset: ${report.programme.name} (${report.programme.path}); all amounts £000\n\n`;
      const text = await (await import('../render/scenario-output.js')).renderScenarioOutput(options.format, {
        title: `Scenarios: ${report.programme.name}`, grids, preamble,
        json: (render) => render.comparisonAsJson(report), csv: (render) => render.comparisonAsCsv(report, Boolean(options.detail)),
      });
      await emitReport(text, options.output);
    });
}
