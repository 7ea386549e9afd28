/**
 * `fn-model rules`: the edit rules of a dataset, derived from the model (every line's total
 * and variance, every TOTAL row cell, the cross-table rows, the headline), each with its
 * cells, whether the stated figures satisfy it and by how much they miss.
 */
import type { Command } from 'commander';
import type { LoadOptions } from '../load/dataset.js';
import type { DiagnoseFormat } from '../render/diagnose.js';
import { datasetPath, encodingOption, formatOption } from './options.js';

interface RulesOptions {
  readonly data?: string;
  readonly format: DiagnoseFormat;
  readonly encoding: LoadOptions['encoding'];
}

const HELP = `
Each rule is named after the cell it defines (brp-savings.BRR09.variance) and reads
"cell = what the other stated cells give"; the residual is the difference (£000). The
headline rules allow half a unit of the last stated place of the £m figure (the report's
rounding). JSON lists every cell of every rule with its file, row and column.

Exit codes: 0 listed (whether or not every rule holds); 2 bad input or usage.

Examples:
  $ fn-model rules
  $ fn-model rules --format json | jq '[.rules[] | select(.holds | not) | .id]'
  $ fn-model rules --data book.xlsx --format markdown
`;

/** Register the `rules` command on the program. */
export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the edit rules the report\'s figures must satisfy, and which do not hold')
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(formatOption(['table', 'json', 'markdown'], 'table'))
    .addOption(encodingOption())
    .addHelpText('after', HELP)
    .action(async (options: RulesOptions) => {
      const [{ loadProgramme }, { editRulesOf }, { renderRules }, { colourWanted, emitReport }] = await Promise.all([
        import('../load/dataset.js'), import('../engine/rules.js'), import('../render/diagnose.js'), import('../io/output.js'),
      ]);
      const programme = await loadProgramme(datasetPath(options.data), { encoding: options.encoding });
      await emitReport(await renderRules(programme, editRulesOf(programme), options.format, colourWanted(undefined)), undefined);
    });
}
