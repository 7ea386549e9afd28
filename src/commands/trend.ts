/**
 * `fn-model trend SNAPSHOT...`: a run of monthly snapshots of the dataset, one per month,
 * as series: per line and per table the outturn projection month by month, the change
 * each month and when each line's forecast first moved; the combined adverse movement
 * month by month, split by table. Load each snapshot (dated by its name or `--label`),
 * recompute, build the trend from the movement between neighbouring months, render.
 */
import type { Command } from 'commander';
import type { LoadOptions } from '../load/dataset.js';
import type { Month } from '../model/index.js';
import { encodingOption, formatOption, monthLabelOption } from './options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';

interface TrendOptions {
  readonly label?: Month[];
  readonly format: 'table' | 'json' | 'csv' | 'markdown';
  readonly output?: string;
  readonly encoding: LoadOptions['encoding'];
}

const HELP = `
Each SNAPSHOT is a folder of CSVs or an .xlsx workbook, loaded as "variance --data"
loads it. Its month comes from its name: ISO "2021-03" (also "monitoring_2021_03",
"2021-03-31") or a month name with a four-digit year ("march-2021", "Mar 2021"). Or give
--label once per snapshot, in the same order. Snapshots may be given in any order; they
are sorted by month, and two snapshots of the same month are refused.

Amounts are £000: each snapshot's 2020/21 position recomputed from its line items (stated
totals are not used). A month's change = that month − the previous snapshot's month,
exactly as "fn-model movement" between the two; a line absent from a month counts as
zero, so lines added or removed are named, never dropped. "First moved" is the first
month a line's outturn projection differs from the previous snapshot's. The combined
adverse movement's change each month is split by table (positive = more adverse); the
monthly changes sum exactly to last − first (see docs/trend.md).

Examples:
  $ fn-model trend data/trend/2020-* data/trend/2021-* data/march-2021
  $ fn-model trend data/trend/*/ data/march-2021 --format json | jq '.combined.series[] | [.month, .combined]'
  $ fn-model trend last.xlsx this.xlsx --label 2021-02 --label 2021-03 --format csv -o trend.csv
`;

/** Register the `trend` command on the program. */
export function registerTrend(program: Command): void {
  program
    .command('trend')
    .description('monthly snapshots as series: outturn projection per line and table month by month, when each forecast first moved, and the combined adverse movement by month')
    .argument('<snapshot...>', 'the snapshots, one per month: folders of CSVs or .xlsx workbooks')
    .addOption(monthLabelOption('--label <month>', 'the month of each snapshot, in the order given (repeat once per snapshot), instead of reading it from the name'))
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .addOption(outputOption('write to FILE (atomically) instead of stdout (the extension picks the format: .txt, .json, .csv, .md)'))
    .addOption(forceOption())
    .hook('preAction', checkOutputFile())
    .addOption(encodingOption())
    .addHelpText('after', HELP)
    .action(async (snapshots: string[], options: TrendOptions) => {
      const [{ loadDatedSnapshots }, { computeTrend }, { colourWanted, emitReport }] = await Promise.all([
        import('./trend-snapshots.js'), import('../engine/trend.js'), import('../io/output.js'),
      ]);
      const dated = await loadDatedSnapshots(snapshots, options.label, { encoding: options.encoding });
      const report = computeTrend(dated);
      // Only the renderer asked for is loaded (cli-table3 and chalk only for the table).
      const text =
        options.format === 'json' ? (await import('../render/trend-json.js')).trendAsJson(report)
        : options.format === 'csv' ? (await import('../render/trend-csv.js')).trendAsCsv(report)
        : options.format === 'markdown' ? (await import('../render/trend-markdown.js')).trendAsMarkdown(report)
        : (await import('../render/trend-table.js')).trendAsTable(report, { colour: colourWanted(options.output) });
      await emitReport(text, options.output);
    });
}
