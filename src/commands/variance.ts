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
import { Option } from 'commander';
import type { Amount } from '../money/index.js';
import type { LoadOptions } from '../load/dataset.js';
import type { Programme } from '../model/index.js';
import type { VarianceFormat } from '../render/variance.js';
import { ExitStatus, UsageError } from './errors.js';
import { datasetPath, encodingOption, formatOption, parseTolerance, layoutOption } from './options.js';

interface VarianceOptions {
  readonly data?: string;
  readonly format: VarianceFormat;
  readonly output?: string;
  readonly strict?: boolean;
  readonly tolerance?: Amount;
  readonly encoding: LoadOptions['encoding'];
  readonly layout?: string;
  readonly actuals?: string;
  readonly map?: string;
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

Exit codes: 0 report produced; 1 --strict and at least one discrepancy; 2 bad input or usage.

Examples:
  $ fn-model variance                                 # the bundled March 2021 report
  $ fn-model variance --format json | jq .combined    # machine-readable
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
    .option('-o, --output <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('--strict', 'exit 1 when any stated figure disagrees with its line items')
    .addOption(new Option('--tolerance <n>', 'ignore differences up to N £000 (default 0: exact)').argParser(parseTolerance))
    .addOption(encodingOption())
    .addOption(layoutOption())
    .option('--actuals <ledger>', 'take each line\'s outturn from a general-ledger export (needs --map; see `fn-model actuals --help`)')
    .option('--map <file>', 'MAP.csv sending (cost centre, account) to table lines, for --actuals')
    .addHelpText('after', HELP)
    .action(async (options: VarianceOptions) => {
      if (Boolean(options.actuals) !== Boolean(options.map)) throw new UsageError('--actuals and --map go together: give both or neither');
      const [{ loadProgramme }, { computeVariance }, { renderVariance }, { colourWanted, emitReport }] = await Promise.all([
        import('../load/dataset.js'), import('../engine/variance.js'), import('../render/variance.js'), import('../io/output.js'),
      ]);
      let programme = await loadProgramme(datasetPath(options.data), { encoding: options.encoding, layout: options.layout });
      if (options.actuals && options.map) programme = await withLedgerOutturn(programme, options.actuals, options.map);
      const report = computeVariance(programme, options.tolerance ? { tolerance: options.tolerance } : {});
      const text = await renderVariance(report, options.format, colourWanted(options.output));
      await emitReport(text, options.output);
      if (options.strict && report.discrepancies.length > 0) {
        throw new ExitStatus(1, `${report.discrepancies.length} stated figure(s) disagree with their line items (--strict)`);
      }
    });
}
