/**
 * `fn-model layout init BOOK`: detect where each table of a workbook (or CSV) laid out as
 * published is, and write a layout file saying so, for the officer to check and then pass
 * as `--layout` (docs/published-layout.md). Never overwrites without `--force`.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { LoadOptions } from '../load/dataset.js';
import { formatProblem } from '../load/errors.js';
import { UsageError } from './errors.js';
import { encodingOption } from './options.js';

interface LayoutInitOptions {
  readonly output?: string;
  readonly force?: boolean;
  readonly layout?: string;
  readonly encoding: LoadOptions['encoding'];
}

const HELP = `
Tables are found by their title rows ("Future Northants Programme Costs", "NCC Transformation
- Savings", ...) on any sheet; the report's cross-table totals as the total row directly below
the NCC blocks; the headline from the "Combined Impact: ..." sentence. The file names each
table's sheet, title (or range, or below) and column labels. Tables that were not found are
listed at the top of the file; every problem found (a table not found
or found twice, a bad cell) is a note on stderr. Notes (hidden rows and columns) go to stderr.

Exit codes: 0 written; 2 the workbook or layout cannot be read, or the output exists and
--force was not given.

Examples:
  $ fn-model layout init book.xlsx -o layout.yaml
  $ fn-model variance --data book.xlsx --layout layout.yaml
  $ fn-model layout init book.xlsx --layout layout.yaml     # what the layout places, written back
`;

/** Register the `layout` command (with its `init` subcommand) on the program. */
export function registerLayout(program: Command): void {
  const layout = program
    .command('layout')
    .description('layout files for workbooks laid out as published (tables found by title)')
    .addHelpText('after', '\nExamples:\n  $ fn-model layout init book.xlsx -o layout.yaml\n  $ fn-model variance --data book.xlsx --layout layout.yaml\n\nReference: docs/published-layout.md\n');
  layout
    .command('init')
    .description('detect the tables of a workbook (or CSV) laid out as published and write a layout file')
    .argument('<book>', 'the .xlsx workbook or .csv file')
    .option('-o, --output <file>', 'write the layout file here (atomically) instead of stdout')
    .option('--force', 'overwrite an existing output file')
    .option('--layout <file>', 'start from this layout file (tables it does not place are detected)')
    .addOption(encodingOption())
    .addHelpText('after', HELP)
    .action(async (book: string, options: LayoutInitOptions) => {
      if (options.output !== undefined && existsSync(options.output) && !options.force) throw new UsageError(`${options.output} exists; give --force to overwrite it`);
      if (!/\.(xlsx|csv)$/i.test(book)) throw new UsageError(`${book}: layout init reads an .xlsx workbook or a .csv file`);
      const [{ detectPublished }, { renderLayout }, { emitReport }] = await Promise.all([
        import('../load/dataset.js'), import('../layout-file/write.js'), import('../io/output.js'),
      ]);
      const read = await detectPublished(book, { encoding: options.encoding, ...(options.layout !== undefined ? { layout: options.layout } : {}) });
      for (const line of read.notes) process.stderr.write(`fn-model: note: ${line}\n`);
      for (const problem of read.problems) process.stderr.write(`fn-model: note: ${formatProblem(problem)}\n`);
      await emitReport(renderLayout(read, book), options.output);
    });
}
