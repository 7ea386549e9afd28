/**
 * `fn-model actuals LEDGER.csv --map MAP.csv`: total a general-ledger export per table
 * line, exactly, with every unmapped row accounted for.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_ERRORS } from '../ledger/limits.js';
import type { ActualsFormat } from '../render/actuals.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';

/** The output formats (kept here so the renderers, and cli-table3, load only when used). */
const ACTUALS_FORMATS: readonly ActualsFormat[] = ['table', 'json', 'csv'];

const HELP = `
Reads the ledger as a stream (any size), finds its columns by heading (posting date,
cost centre, account/subjective/nominal, description, amount or debit + credit),
maps each (cost centre, account) to a table line through MAP.csv and prints the
actuals per table and line in £ and £000, exact to the penny.

MAP.csv columns: cost_centre,account,table,line. A code may be exact (5100), a range
(5000-5999), a prefix (51*) or * for any. When rules overlap, the cost centre decides
first, then the account; exact beats range beats prefix beats *, then the more
specific (longer prefix, narrower range) wins; a tie between different lines is an error.

Rows the map does not cover are reported (count, total, top 10 codes), never dropped;
--strict makes them errors. A bad row is reported as file:row and exits with status 2.

Example:
  $ fn-model actuals data/ledger-sample/ledger.csv --map data/ledger-sample/map.csv
  $ fn-model actuals gl-2021-03.csv --map map.csv --format json -o actuals.json
`;

interface ActualsOptions {
  readonly map: string;
  readonly format: ActualsFormat;
  readonly output?: string;
  readonly strict?: boolean;
  readonly data?: string;
  readonly maxErrors: number;
}

function positiveWhole(text: string): number {
  const value = Number(text); // number-ok: an error count
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) throw new InvalidArgumentError('must be a whole number, 1 or more');
  return value;
}

/**
 * Add the `actuals` command to `program`. Its action throws (never exits):
 * `LedgerError` for located input problems (the CLI prints one line each and exits 2),
 * the file system's error when a file cannot be read or written.
 */
export function registerActuals(program: Command): void {
  program
    .command('actuals')
    .summary('total a general-ledger export per table line (£ and £000)')
    .description('Total a general-ledger export per table line through a map of cost centres and accounts.')
    .argument('<ledger>', 'general-ledger export (CSV)')
    .requiredOption('--map <file>', 'MAP.csv: cost_centre,account,table,line')
    .addOption(new Option('--format <format>', 'output format').choices(ACTUALS_FORMATS).default('table'))
    .addOption(outputOption('write to FILE (atomically) instead of stdout (the extension picks the format: .txt, .json, .csv)'))
    .addOption(forceOption())
    .hook('preAction', checkOutputFile())
    .option('--data <path>', 'the dataset whose lines the map must name (default: the bundled March 2021 dataset)')
    .option('--strict', 'make unmapped rows an error')
    .option('--max-errors <n>', 'collect up to N located problems before stopping', positiveWhole, DEFAULT_MAX_ERRORS)
    .addHelpText('after', HELP)
    .action(async (ledger: string, options: ActualsOptions) => {
      // Every module the run needs is requested at once (one round of file reads), the
      // renderers too, so they are loaded while the map and dataset are read.
      const rendering = Promise.all([import('../render/actuals.js'), import('../io/output.js')]);
      rendering.catch(() => undefined); // awaited below; this only keeps an early failure from being reported twice
      const [{ readLedgerMap, mapLinesMissingFrom }, { readLedgerActuals }, { createProgress }, { loadProgramme }, { LedgerError }, { datasetPath }] = await Promise.all([
        import('../ledger/map.js'), import('../ledger/read.js'), import('../io/progress.js'),
        import('../load/dataset.js'), import('../ledger/errors.js'), import('./options.js'),
      ]);
      const map = await readLedgerMap(options.map);
      const missing = mapLinesMissingFrom(map, await loadProgramme(datasetPath(options.data)));
      if (missing.length > 0) throw new LedgerError(missing);
      const progress = createProgress(ledger);
      let actuals;
      try {
        actuals = await readLedgerActuals(ledger, map, {
          maxErrors: options.maxErrors,
          strict: options.strict ?? false,
          onProgress: (rows, bytes) => progress.update(rows, bytes),
        });
      } finally {
        progress.done();
      }
      const [{ renderActuals }, { emitReport }] = await rendering;
      await emitReport(await renderActuals(actuals, options.format), options.output);
    });
}
