/**
 * `fn-model returns [--basis budget|outturn]`: each Business Rates Pilot project's
 * investment against its savings (ratio, net benefit, payback), and the programme's.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { ReturnsBasis } from '../engine/returns.js';
import { datasetPath, formatOption } from './options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';
import { type CsvInputOptions, decimalCommaOption, delimiterOption, encodingOption as csvEncodingOption, loadOptionsOf } from './options.js';

interface ReturnsOptions extends CsvInputOptions {
  readonly data?: string;
  readonly basis: ReturnsBasis;
  readonly format: 'table' | 'json' | 'csv' | 'markdown';
  readonly output?: string;
}

const HELP = `
Pairs the brp-investment and brp-savings lines by id. Investment and savings are each
line's 2019/20 + 2020/21 + 2021/24 (£000, from the line's figures, not its stated
total); --basis outturn takes the 2020/21 outturn projection in place of the 2020/21
budget in both tables. Ratio = savings ÷ investment (exact in JSON and CSV as "p/q",
shown to 2 places, half away from zero; "undefined" for a nil investment). Net = savings −
investment. Payback = the first period, from the first with any investment, at whose
end cumulative savings reach cumulative investment, else "not within the horizon".
The programme row sums every line of both tables. A line in one table only, a nil
investment or a negative figure is named in the row's notes.

Exit codes: 0 done; 2 bad input or usage.

Examples:
  $ fn-model returns
  $ fn-model returns --basis outturn --format json
`;

/** Register `returns` on the program. */
export function registerReturns(program: Command): void {
  program
    .command('returns')
    .description('BRP return on investment: each project\'s investment vs savings, ratio, net benefit and payback')
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(new Option('--basis <basis>', 'the 2020/21 figure: the budget, or the year-end outturn projection').choices(['budget', 'outturn']).default('budget'))
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .addOption(csvEncodingOption())
    .addOption(delimiterOption())
    .addOption(decimalCommaOption())
    .addOption(outputOption('write to FILE (atomically) instead of stdout (the extension picks the format: .txt, .json, .csv, .md)'))
    .addOption(forceOption())
    .hook('preAction', checkOutputFile())
    .addHelpText('after', HELP)
    .action(async (options: ReturnsOptions, command: Command) => {
      const [{ loadProgramme }, { computeReturns }, render, { emitReport }] = await Promise.all([
        import('../load/dataset.js'), import('../engine/returns.js'), import('../render/returns.js'), import('../io/output.js'),
      ]);
      const report = computeReturns(await loadProgramme(datasetPath(options.data), loadOptionsOf(options, command)), options.basis);
      const text = await (await import('../render/scenario-output.js')).renderScenarioOutput(options.format, {
        title: 'BRP return on investment', grids: [render.returnsGrid(report)], json: () => render.returnsAsJson(report), csv: () => render.returnsAsCsv(report),
      });
      await emitReport(text, options.output);
    });
}
