/**
 * `fn-model variance`: the month-end report. Load the dataset, recompute every figure
 * from its line items, reconcile every stated figure, render.
 *
 * Only commander and the option helpers load with the program; the loader, engine and
 * renderer modules are imported in the action, and by their own paths (not the barrels),
 * so the report on the bundled CSVs loads neither exceljs nor the scenario, simulation
 * and report modules (test/cli/startup.test.ts).
 */
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { Amount } from '../money/index.js';
import type { LoadOptions } from '../load/dataset.js';
import type { Programme } from '../model/index.js';
import type { VarianceFormat } from '../render/variance.js';
import type { VarianceColumn } from '../render/variance-table.js';
import { ExitStatus, UsageError } from './errors.js';
import { datasetPath, encodingOption, formatOption, parseTolerance } from './options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';

interface VarianceOptions {
  readonly data?: string;
  readonly format: VarianceFormat;
  readonly output?: string;
  readonly strict?: boolean;
  readonly tolerance?: Amount;
  readonly encoding: LoadOptions['encoding'];
  readonly actuals?: string;
  readonly map?: string;
  readonly columns?: readonly VarianceColumn[];
  readonly compact?: boolean;
}

/** The column keys `--columns` takes (kept here so cli-table3 loads only for the table). */
const COLUMN_KEYS = ['line', 'name', '2019/20', '2020/21', '2021/24', 'total', 'total-computed', 'outturn', 'variance', 'variance-computed', 'delayed-wholly', 'delayed-partly'] as const;

/**
 * Parse `--columns LIST`: comma-separated keys of {@link COLUMN_KEYS}.
 * @throws InvalidArgumentError (exit 2) naming an unknown key and listing the valid ones.
 */
export function parseColumns(text: string): VarianceColumn[] {
  const keys = text.split(',').map((key) => key.trim().toLowerCase()).filter((key) => key !== '');
  const unknown = keys.find((key) => !(COLUMN_KEYS as readonly string[]).includes(key));
  if (unknown !== undefined || keys.length === 0) throw new InvalidArgumentError(`${unknown === undefined ? 'list at least one column' : `unknown column "${unknown}"`}; columns: ${COLUMN_KEYS.join(', ')}`);
  return keys as VarianceColumn[];
}

/**
 * Replace the programme's outturn with ledger actuals (`--actuals LEDGER --map MAP`):
 * reads the ledger (streaming, exact pence), converts to £000 (savings lines negated:
 * a saving shows in the ledger as a credit) and swaps each mapped line's outturn.
 * @throws InputError (exit 2) for a bad ledger or map, or a map naming a line the dataset lacks.
 */
async function withLedgerOutturn(programme: Programme, ledger: string, mapFile: string): Promise<Programme> {
  const [{ readLedgerMap, mapLinesMissingFrom }, { readLedgerActuals }, { outturnFromActuals }, { createProgress }, { replaceOutturn }, { InputError }] = await Promise.all([
    import('../ledger/map.js'), import('../ledger/read.js'), import('../ledger/outturn.js'), import('../io/progress.js'),
    import('../engine/outturn.js'), import('../load/errors.js'),
  ]);
  const map = await readLedgerMap(mapFile);
  const missing = mapLinesMissingFrom(map, programme);
  if (missing.length > 0) throw new InputError(missing);
  const progress = createProgress(ledger);
  let actuals;
  try {
    actuals = await readLedgerActuals(ledger, map, { onProgress: (rows, bytes) => progress.update(rows, bytes) });
  } finally {
    progress.done();
  }
  const outturn = outturnFromActuals(actuals);
  const { programme: replaced, unknown } = replaceOutturn(
    programme,
    outturn.lines.map((line) => ({
      table: line.table, line: line.line, outturn: line.outturn,
      source: { file: ledger, row: 0, column: `ledger actuals (${line.rows} rows via ${mapFile})` },
    })),
    { kind: 'ledger actuals', ledger, map: mapFile, unmappedRows: outturn.unmappedRows, unmappedAmount: outturn.unmapped },
  );
  if (unknown.length > 0) {
    throw new InputError(unknown.map((item) => ({
      file: mapFile, column: 'line', text: item.line,
      message: `is not a line of table ${item.table} in the dataset ${programme.path}`,
    })));
  }
  return replaced;
}

const HELP = `
Amounts are £000 as published. Variance = 2020/21 budget − outturn ("Under / (Over)"):
for costs a positive variance is an underspend, for savings a shortfall.
Combined adverse movement = savings shortfall − cost underspend.

On a terminal the tables fit its width (COLUMNS when set, else the terminal's): headings
wrap, long names are cut with … (the full text is in --format markdown and json), and a
table still too wide continues below, repeating the line id. No number is ever cut.
--columns and --compact choose fewer columns; -o FILE and pipes get the full table.

Exit codes: 0 report produced; 1 --strict and at least one discrepancy; 2 bad input or usage.

Examples:
  $ fn-model variance                                 # the bundled March 2021 report
  $ fn-model variance --format json | jq .combined    # machine-readable
  $ fn-model variance --compact                       # no computed columns: fits 100 columns
  $ fn-model variance --columns name,2020/21,outturn,variance   # the month-end columns
  $ fn-model variance --data my-folder/ --strict      # fail (exit 1) on any discrepancy
  $ fn-model variance --data book.xlsx --tolerance 1 -o report.md --format markdown
  $ fn-model variance --actuals data/ledger-sample/ledger.csv --map data/ledger-sample/map.csv
`;

/** Register the `variance` command on the program. */
export function registerVariance(program: Command): void {
  program
    .command('variance')
    .description('recompute the programme report from its line items and reconcile every stated figure')
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .addOption(outputOption('write the report to FILE (atomically) instead of stdout (the extension picks the format: .txt, .json, .csv, .md)'))
    .addOption(forceOption())
    .hook('preAction', checkOutputFile())
    .option('--strict', 'exit 1 when any stated figure disagrees with its line items')
    .addOption(new Option('--tolerance <n>', 'ignore differences up to N £000 (default 0: exact)').argParser(parseTolerance))
    .addOption(encodingOption())
    .option('--actuals <ledger>', 'take each line\'s outturn from a general-ledger export (needs --map; see `fn-model actuals --help`)')
    .option('--map <file>', 'MAP.csv sending (cost centre, account) to table lines, for --actuals')
    .addOption(new Option('--columns <list>', 'table only: show just these columns of each programme table, comma-separated (line is always shown): ' + COLUMN_KEYS.join(',')).argParser(parseColumns))
    .option('--compact', 'table only: leave out the total (computed) and variance (computed) columns (differences stay marked ! and listed)')
    .addHelpText('after', HELP)
    .action(async (options: VarianceOptions) => {
      if (Boolean(options.actuals) !== Boolean(options.map)) throw new UsageError('--actuals and --map go together: give both or neither');
      const [{ loadProgramme }, { computeVariance }, { renderVariance }, { colourWanted, emitReport, terminalWidth }, { diagnoseForReport }] = await Promise.all([
        import('../load/dataset.js'), import('../engine/variance.js'), import('../render/variance.js'), import('../io/output.js'), import('../engine/diagnose.js'),
      ]);
      let programme = await loadProgramme(datasetPath(options.data), { encoding: options.encoding });
      if (options.actuals && options.map) programme = await withLedgerOutturn(programme, options.actuals, options.map);
      const report = { ...computeVariance(programme, options.tolerance ? { tolerance: options.tolerance } : {}), diagnosis: diagnoseForReport(programme) };
      const width = terminalWidth(options.output);
      const text = await renderVariance(report, options.format, colourWanted(options.output), {
        ...(width === undefined ? {} : { width }), ...(options.columns ? { columns: options.columns } : {}), compact: options.compact === true,
      });
      await emitReport(text, options.output);
      if (options.strict && report.discrepancies.length > 0) {
        throw new ExitStatus(1, `${report.discrepancies.length} stated figure(s) disagree with their line items (--strict)`);
      }
    });
}
