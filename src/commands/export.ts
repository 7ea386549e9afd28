/**
 * `fn-model export`: write the dataset as an audit workbook (stated figures as values,
 * computed figures as live formulas with cached values, Checks, Headline, About), or
 * back as the CSV folder `variance --data` reads. Never overwrites without `--force`.
 */
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError } from './errors.js';
import { datasetPath, decimalCommaOption, delimiterOption, encodingOption, layoutOption, loadOptionsOf, formatOption } from './options.js';
import type { CsvInputOptions } from './options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';
import { packageVersion } from '../version.js';

interface ExportOptions extends CsvInputOptions {
  readonly data?: string;
  readonly output: string;
  readonly force?: boolean;
  readonly format: 'xlsx' | 'csv';
}

const HELP = `
The workbook has one sheet per table (title row, header row, line id, name, amounts):
inputs and published (stated) figures are values; "(computed)" columns and the
"TOTAL (computed)" row are live formulas with their values cached; a Checks sheet
(stated − computed for every stated figure), a Headline sheet and an About sheet
(source dataset, its SHA-256, fn-model version, export time; SOURCE_DATE_EPOCH fixes
the time). Layout: docs/audit.md. --format csv writes the CSV folder instead.

Exit codes: 0 written; 2 bad input, an -o name not ending .xlsx (--format xlsx), or the
output exists and --force was not given (the rule of every command: docs/output-files.md).

Examples:
  $ fn-model export -o march-2021-audit.xlsx            # the bundled dataset
  $ fn-model export --data book.xlsx -o audit.xlsx --force
  $ fn-model export --format csv -o march-2021-copy/    # the CSV folder variance --data reads
  $ fn-model variance --data march-2021-audit.xlsx      # same report as the source
`;

/** The export time: `SOURCE_DATE_EPOCH` (seconds) when set, for reproducible exports; else now. */
function exportTime(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString(); // number-ok: a timestamp
  return new Date().toISOString();
}

/**
 * Let V8's heap grow only 20% past what the last full collection found live (its default
 * lets it reach up to 4× when the program allocates fast). Writing a workbook allocates
 * hundreds of MB of short-lived row, cell and XML objects; by default they piled up until
 * the heap was ~4× the live programme (`--trace-gc`: 445 MB before a full collection found
 * 117 MB live, at 100,000 lines). Measured on 100,000 lines: peak RSS 621 → 279 MB, time
 * within noise (docs/performance.md, `export` at scale). V8 reads the flag at each collection, so
 * setting it at run time (`v8.setFlagsFromString`) takes effect; it changes when memory is
 * reclaimed, never what is computed or written.
 */
function keepHeapNearLive(): void {
  setFlagsFromString('--heap-growing-percent=20');
}

/** Register the `export` command on the program. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the dataset as an audit workbook with live formulas (or as a CSV folder)')
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(outputOption('the .xlsx file to write (with --format csv: the folder)', true))
    .addOption(forceOption('replace an existing file (or the folder\'s CSV files); without it they are refused, exit 2'))
    .addOption(formatOption(['xlsx', 'csv'], 'xlsx'))
    .hook('preAction', checkOutputFile({ folderFormats: ['csv'] }))
    .addOption(encodingOption())
    .addOption(delimiterOption())
    .addOption(decimalCommaOption())
    .addOption(layoutOption())
    .addHelpText('after', HELP)
    .action(async (options: ExportOptions, command: Command) => {
      keepHeapNearLive();
      const [{ loadProgramme }, { emitReport, OutputError }] = await Promise.all([import('../load/dataset.js'), import('../io/output.js')]);
      const source = datasetPath(options.data);
      const programme = await loadProgramme(source, loadOptionsOf(options, command));
      if (options.format === 'csv') {
        const { programmeAsCsvFiles } = await import('../render/csv-dataset.js');
        const files = programmeAsCsvFiles(programme);
        const existing = files.map((file) => join(options.output, file.name)).filter((path) => existsSync(path));
        if (existing.length > 0 && !options.force) throw new UsageError(`${existing[0] as string}: already exists (use --force to overwrite)`);
        try {
          await mkdir(options.output, { recursive: true });
        } catch (error) {
          throw new OutputError(options.output, (error as NodeJS.ErrnoException).code ?? String(error));
        }
        for (const file of files) await emitReport(file.text, join(options.output, file.name));
        return;
      }
      const [{ computeVariance }, { writeExportWorkbook }, { datasetSha256 }, { emitFileWith }] = await Promise.all([
        import('../engine/variance.js'), import('../render/xlsx-export.js'), import('../io/fingerprint.js'), import('../io/output.js'),
      ]);
      const report = computeVariance(programme);
      const about = { source, sourceAbsolute: resolve(source), sha256: await datasetSha256(source), version: packageVersion(), exportedAt: exportTime() };
      await emitFileWith(options.output, (temporary) => writeExportWorkbook(report, about, temporary));
    });
}
