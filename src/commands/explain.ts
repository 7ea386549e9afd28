/**
 * `fn-model explain`: how one figure is computed, down to the source cells.
 */
import type { Command } from 'commander';
import type { ExplainFormat } from '../render/explain.js';
import { UsageError } from './errors.js';
import { datasetPath, decimalCommaOption, delimiterOption, encodingOption, layoutOption, loadOptionsOf, formatOption } from './options.js';
import type { CsvInputOptions } from './options.js';

interface ExplainOptions extends CsvInputOptions {
  readonly data?: string;
  readonly format: ExplainFormat;
}

const HELP = `
TARGET is TABLE.LINE.FIELD: a table id, a line id (or TOTAL) and a field (2019/20,
2020/21, 2021/24, total, outturn, variance, delayed_wholly, delayed_partly), or
headline.FIGURE.amount. Each addend is shown with its file (and sheet), row and column;
then the computed value, the stated figure and the difference (stated − computed).

Exit codes: 0 explained; 2 unknown target (the valid ones are listed) or bad input.

Examples:
  $ fn-model explain brp-savings.BRR09.variance
  $ fn-model explain all-savings.TOTAL.outturn --format json
  $ fn-model explain headline.combined-adverse-movement.amount --data book.xlsx
`;

/** Register the `explain` command on the program. */
export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('show how a figure is computed, down to the source cells')
    .argument('<target>', 'TABLE.LINE.FIELD, e.g. brp-savings.BRR09.variance')
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(formatOption(['table', 'json'], 'table'))
    .addOption(encodingOption())
    .addOption(delimiterOption())
    .addOption(decimalCommaOption())
    .addOption(layoutOption())
    .addHelpText('after', HELP)
    .action(async (target: string, options: ExplainOptions, command: Command) => {
      const [{ loadProgramme }, { explainFigure, isExplanation }, { renderExplanation }, { emitReport }] = await Promise.all([
        import('../load/dataset.js'), import('../engine/explain.js'), import('../render/explain.js'), import('../io/output.js'),
      ]);
      const programme = await loadProgramme(datasetPath(options.data), loadOptionsOf(options, command));
      const result = explainFigure(programme, target);
      if (!isExplanation(result)) throw new UsageError(`${result.message}; valid targets: ${result.valid.join(', ')}`);
      await emitReport(renderExplanation(result, options.format), undefined);
    });
}
