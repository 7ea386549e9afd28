/**
 * `fn-model diagnose`: which stated cells are wrong? The fewest cells whose correction makes
 * every edit rule of the report hold (Fellegi–Holt error localisation, exact), ranked with a
 * typo model, each with what it explains and the headline it gives, beside the "stated
 * totals are wrong" reading. Method and limits: docs/diagnose.md.
 */
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { DiagnoseFormat } from '../render/diagnose.js';
import { ExitStatus } from './errors.js';
import { datasetPath, decimalCommaOption, delimiterOption, encodingOption, layoutOption, loadOptionsOf, formatOption } from './options.js';
import type { CsvInputOptions } from './options.js';

interface DiagnoseOptions extends CsvInputOptions {
  readonly data?: string;
  readonly format: DiagnoseFormat;
  readonly maxChanges: number;
  readonly maxSolutions: number;
  readonly weights?: string;
}

/**
 * Parse a whole-number option from `low` to `high` (a count, not money).
 * @throws InvalidArgumentError (exit 2) for anything else.
 */
export function countOption(low: number, high: number): (text: string) => number {
  return (text: string) => {
    if (!/^\d+$/.test(text.trim()) || Number(text) < low || Number(text) > high) { // number-ok: a count of cells or solutions
      throw new InvalidArgumentError(`must be a whole number from ${low} to ${high}`);
    }
    return Number(text); // number-ok: a count of cells or solutions
  };
}

const HELP = `
Every stated cell (line inputs, line totals and variances, TOTAL rows, the cross-table rows
and the headline) is treated as possibly wrong. diagnose finds the smallest sets of cells
whose correction makes every edit rule hold exactly (fn-model rules lists the rules), ranks
them (fewest changes; then corrections that look like one keystroke: a digit changed, two
digits swapped, a digit left out), and shows the headline under each reading beside the
"stated totals are wrong" reading that variance shows. Amounts £000. See docs/diagnose.md.

--weights FILE (YAML): the cost of changing one cell of a class (default 1 each), e.g.
  table-total: 0.5      # stated totals are cheaper to doubt than line cells
  classes: line-input, line-stated, table-total, cross-table, headline

Exit codes: 0 diagnosed (or nothing to correct); 1 no correction within --max-changes, or
the search stopped at its node limit; 2 bad input or usage.

Examples:
  $ fn-model diagnose                               # the bundled March 2021 report
  $ fn-model diagnose --format json | jq '.solutions[0].changes'
  $ fn-model diagnose --data book.xlsx --max-changes 4 --max-solutions 10
  $ fn-model diagnose --weights weights.yaml --format markdown > diagnosis.md
`;

/** Register the `diagnose` command on the program. */
export function registerDiagnose(program: Command): void {
  program
    .command('diagnose')
    .description('find the fewest stated cells whose correction makes the whole report consistent')
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(new Option('--max-changes <n>', 'the most cells one correction may change').argParser(countOption(1, 50)).default(10))
    .addOption(new Option('--max-solutions <n>', 'how many minimum corrections to list').argParser(countOption(1, 1000)).default(5))
    .option('--weights <file>', 'YAML: reliability weight per cell class (default 1 each)')
    .addOption(formatOption(['table', 'json', 'markdown'], 'table'))
    .addOption(encodingOption())
    .addOption(delimiterOption())
    .addOption(decimalCommaOption())
    .addOption(layoutOption())
    .addHelpText('after', HELP)
    .action(async (options: DiagnoseOptions, command: Command) => {
      const [{ loadProgramme }, { diagnoseProgramme }, { renderDiagnosis }, { colourWanted, emitReport }, { readWeights }] = await Promise.all([
        import('../load/dataset.js'), import('../engine/diagnose.js'), import('../render/diagnose.js'), import('../io/output.js'), import('../load/weights.js'),
      ]);
      const weights = options.weights ? readWeights(options.weights) : undefined;
      const programme = await loadProgramme(datasetPath(options.data), loadOptionsOf(options, command));
      const diagnosis = diagnoseProgramme(programme, { maxChanges: options.maxChanges, maxSolutions: options.maxSolutions, ...(weights ? { weights } : {}) });
      await emitReport(await renderDiagnosis(diagnosis, options.format, colourWanted(undefined)), undefined);
      if (!diagnosis.search.complete) {
        throw new ExitStatus(1, diagnosis.search.stoppedAtNodeLimit
          ? `the search stopped at its node limit: ${diagnosis.solutions.length > 0 ? 'the corrections shown may not be the smallest' : 'no correction was found'}`
          : `no correction of at most ${options.maxChanges} ${options.maxChanges === 1 ? 'cell' : 'cells'} makes every rule hold (--max-changes)`);
      }
    });
}
