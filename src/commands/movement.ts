/**
 * `fn-model movement`: what moved between two snapshots of the dataset (last month's
 * and this month's). Load both, recompute each from its line items, compare, render.
 */
import type { Command } from 'commander';
import { datasetPath, decimalCommaOption, delimiterOption, encodingOption, loadOptionsOf, formatOption } from './options.js';
import type { CsvInputOptions } from './options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';

interface MovementOptions extends CsvInputOptions {
  readonly from: string;
  readonly to?: string;
  readonly format: 'table' | 'json' | 'csv' | 'markdown';
  readonly output?: string;
}

const HELP = `
Amounts are £000. Each snapshot is recomputed from its line items (stated totals are
not used). Lines are matched by line id within each table; a line in only one snapshot
is "added" or "removed". Change = later − earlier. Without --to, the later snapshot
is the current dataset (the bundled March 2021 one), as --data defaults everywhere.

The bridge runs from the earlier combined adverse movement (savings shortfall − cost
underspend) to the later one, one step per table in the report's order; a step is
+ the change in variance for savings, − the change in variance for costs, so positive
= more adverse. The steps sum exactly to the total change (see docs/movement.md).

Examples:
  $ fn-model movement --from data/march-2021 --to data/april-2021
  $ fn-model movement --from last-month.xlsx                    # --to: the current dataset
  $ fn-model movement --from last-month.xlsx --to this-month.xlsx --format json | jq .bridge
  $ fn-model movement --from march/ --to april/ --format markdown -o movement.md
`;

/** Register the `movement` command on the program. */
export function registerMovement(program: Command): void {
  program
    .command('movement')
    .description('compare two snapshots of the dataset: per line and table changes, and a bridge of the combined adverse movement')
    .requiredOption('--from <path>', 'the earlier snapshot: folder of CSVs or an .xlsx workbook')
    .option('--to <path>', 'the later snapshot: folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset, as every command\'s --data)')
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .addOption(outputOption('write the report to FILE (atomically) instead of stdout (the extension picks the format: .txt, .json, .csv, .md)'))
    .addOption(forceOption())
    .hook('preAction', checkOutputFile())
    .addOption(encodingOption())
    .addOption(delimiterOption())
    .addOption(decimalCommaOption())
    .addHelpText('after', HELP)
    .action(async (options: MovementOptions, command: Command) => {
      const [{ loadProgramme }, { computeMovement }, { colourWanted, emitReport }] = await Promise.all([
        import('../load/dataset.js'), import('../engine/movement.js'), import('../io/output.js'),
      ]);
      const from = await loadProgramme(options.from, loadOptionsOf(options, command));
      const to = await loadProgramme(datasetPath(options.to), loadOptionsOf(options, command));
      const report = computeMovement(from, to);
      // Only the renderer asked for is loaded (cli-table3 and chalk only for the table).
      const text =
        options.format === 'json' ? (await import('../render/movement-json.js')).movementAsJson(report)
        : options.format === 'csv' ? (await import('../render/movement-csv.js')).movementAsCsv(report)
        : options.format === 'markdown' ? (await import('../render/movement-markdown.js')).movementAsMarkdown(report)
        : (await import('../render/movement-table.js')).movementAsTable(report, { colour: colourWanted(options.output) });
      await emitReport(text, options.output);
    });
}
