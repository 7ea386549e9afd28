/**
 * `fn-model reconcile`: read an exported workbook (possibly edited by hand) and report
 * every finding: edited figures, added/removed lines, stale formulas, discrepancies.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Amount } from '../money/index.js';
import type { ExportedCells } from '../load/export-workbook.js';
import type { ReconcileFormat } from '../render/reconcile.js';
import { ExitStatus } from './errors.js';
import { formatOption, layoutOption, parseTolerance } from './options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';

interface ReconcileOptions {
  readonly against?: string;
  readonly tolerance?: Amount;
  readonly format: ReconcileFormat;
  readonly output?: string;
  readonly baseline?: boolean;
  readonly layout?: string;
}

const HELP = `
Findings (docs/audit.md): edited (a figure differs from the source dataset; lines are
matched by line id, so inserted or deleted rows are added / removed lines), added,
removed, stale-formula (a formula's cached value differs from what its inputs now give),
overwritten-formula (a value typed where the export writes a formula: a "(computed)" column
or row, the Headline or Checks formulas) and discrepancy (a stated figure disagrees with its line items, as in variance:
Stated | Computed, difference = stated − computed).
The source is the About sheet's dataset unless --against names one. Findings are grouped by
kind with counts; stale formulas under the edited cell they depend on, so a hand edit stands
out from the formulas it made stale. A removed line's cell is the row it had in the export.
--baseline: the discrepancies the source dataset publishes itself are expected (marked, and
not counted for the exit code); any other finding still is.

Exit codes: 0 no finding (with --baseline: none but the expected ones); 1 at least one
(unexpected) finding; 2 the workbook (or its source) cannot be read.

Examples:
  $ fn-model export -o audit.xlsx && fn-model reconcile audit.xlsx   # the 8 published discrepancies: exit 1
  $ fn-model reconcile audit.xlsx --baseline                         # the same 8, expected: exit 0
  $ fn-model reconcile edited.xlsx --against data/march-2021 --format json
  $ fn-model reconcile edited.xlsx --tolerance 1 --format csv -o findings.csv
`;

/** The source dataset to compare with: `--against`, else the About sheet's (absolute path first). */
async function sourceOf(workbook: string, exported: ExportedCells, against: string | undefined): Promise<string> {
  if (against) return against;
  const [{ InputError }, { ABOUT_LABELS }] = await Promise.all([import('../load/errors.js'), import('../render/xlsx-export.js')]);
  if (!exported.about) throw new InputError([{ file: workbook, message: 'has no About sheet (was it written by fn-model export?); name its source dataset with --against PATH' }]);
  const given = exported.about.get(ABOUT_LABELS.source);
  const absolute = exported.about.get(ABOUT_LABELS.sourceAbsolute);
  if (given && existsSync(given) && (absolute === undefined || resolve(given) === absolute)) return given;
  if (absolute && existsSync(absolute)) return absolute;
  throw new InputError([{ file: workbook, sheet: 'About', message: `source dataset ${JSON.stringify(absolute ?? given ?? '')} not found; name it with --against PATH` }]);
}

/** Register the `reconcile` command on the program. */
export function registerReconcile(program: Command): void {
  program
    .command('reconcile')
    .description('report every edit, added or removed line, stale or overwritten formula and discrepancy in an exported workbook')
    .argument('<workbook>', 'an .xlsx workbook written by fn-model export')
    .option('--against <path>', 'the source dataset to compare with (default: the About sheet\'s)')
    .addOption(new Option('--tolerance <n>', 'ignore discrepancies and stale formulas up to N £000 (default 0: exact; edits are always exact)').argParser(parseTolerance))
    .addOption(formatOption(['table', 'json', 'csv'], 'table'))
    .addOption(outputOption('write the report to FILE (atomically) instead of stdout (the extension picks the format: .txt, .json, .csv)'))
    .addOption(forceOption())
    .hook('preAction', checkOutputFile())
    .option('--baseline', 'expect the source dataset\'s own published discrepancies: exit 0 when nothing else is found')
    .addOption(layoutOption())
    .addHelpText('after', HELP)
    .action(async (workbook: string, options: ReconcileOptions) => {
      const [{ InputError }, { readExportedCells }, { loadProgramme }, { ABOUT_LABELS }] = await Promise.all([
        import('../load/errors.js'), import('../load/export-workbook.js'), import('../load/dataset.js'), import('../render/xlsx-export.js'),
      ]);
      const read = await readExportedCells(workbook, workbook);
      if (!read.exported) throw new InputError(read.problems);
      const edited = await loadProgramme(workbook);
      const sourcePath = await sourceOf(workbook, read.exported, options.against);
      const source = await loadProgramme(sourcePath, { layout: options.layout });
      const recorded = read.exported.about?.get(ABOUT_LABELS.sha256);
      const { datasetSha256 } = await import('../io/fingerprint.js');
      if (!options.against && recorded && recorded !== (await datasetSha256(sourcePath))) {
        process.stderr.write(`fn-model: warning: ${sourcePath} has changed since the export (its SHA-256 differs from the About sheet's); edits are reported against it as it is now\n`);
      }
      const [{ reconcileWorkbook }, { renderReconcile }, { emitReport }] = await Promise.all([
        import('../engine/reconcile.js'), import('../render/reconcile.js'), import('../io/output.js'),
      ]);
      const report = reconcileWorkbook({
        source, workbook: edited, cells: read.exported.cells, ...(options.tolerance ? { tolerance: options.tolerance } : {}), ...(options.baseline ? { baseline: true } : {}),
      });
      await emitReport(renderReconcile(report, options.format), options.output);
      if (options.baseline) {
        if (report.summary.unexpected > 0) throw new ExitStatus(1, `${report.summary.unexpected} unexpected finding(s) (${report.summary.expected} expected: published in the source)`);
      } else if (report.summary.total > 0) throw new ExitStatus(1, `${report.summary.total} finding(s)`);
    });
}
