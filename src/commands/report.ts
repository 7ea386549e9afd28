/**
 * `fn-model report`: the committee report. Load this month's dataset (and last month's
 * with `--from`, the scenario files with `--scenario` and `--simulate`), compose the
 * report, render it as one self-contained HTML file, a PDF printed by headless Chromium,
 * or JSON; write it atomically.
 */
import { extname } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { type Amount, amountOf } from '../money/index.js';
import { UsageError } from './errors.js';
import type { Month } from '../model/index.js';
import { datasetPath, decimalCommaOption, delimiterOption, encodingOption, layoutOption, loadOptionsOf, monthLabelOption, parseTolerance } from './options.js';
import type { CsvInputOptions } from './options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';
import { parseCount, parseSeed, parseSwing, parseThreshold } from './scenario-options.js';

type ReportFormat = 'html' | 'pdf' | 'json';

interface ReportCommandOptions extends CsvInputOptions {
  readonly data?: string;
  readonly from?: string;
  readonly trend?: string[];
  readonly trendLabel?: Month[];
  readonly output: string;
  readonly force?: boolean;
  readonly format?: ReportFormat;
  readonly tolerance?: Amount;
  readonly scenario?: string[];
  readonly swing: Amount;
  readonly simulate?: string;
  readonly runs: number;
  readonly seed: number;
  readonly threshold?: Amount;
  readonly returns?: 'budget' | 'outturn' | true;
}

const HELP = `
The report holds: the headline (savings shortfall less cost underspend = combined
adverse movement) as a waterfall chart; with --from, the movement since the earlier
snapshot and its bridge as a waterfall; with --trend, monthly snapshots as a line
chart of the combined adverse movement by month and the lines that moved (as "trend
SNAPSHOT..."; months from the snapshot names or --trend-label); with --scenario, the scenarios side by side
(as "scenario run") and a tornado chart of the first file (as "tornado FILE --swing");
with --simulate, a Monte Carlo histogram with P10/P50/P90 (as "simulate FILE --runs
--seed --threshold"); with --returns, the BRP return on investment and a bar chart
of each project's net benefit (as "returns --basis"); the discrepancies; and every table as published with computed
figures beside the stated ones. Charts are SVG, rendered on this machine (Vega-Lite);
the HTML needs no network and opens from a USB stick. Same inputs and seed, same bytes.

The format follows -o's extension (.html or .htm, .pdf, .json; a name without an
extension is HTML) unless --format is given; any other extension, or one that does not
match --format, is refused (exit 2). An existing file is replaced only with --force.
PDF needs Chromium (/usr/bin/chromium, or set FN_MODEL_CHROMIUM).

Examples:
  $ fn-model report -o report.html                              # the bundled March 2021 dataset
  $ fn-model report --data april/ --from march/ -o report.pdf   # with the movement bridge, as PDF
  $ fn-model report --data april/ --from march/ -o report.json  # the same figures as JSON
  $ fn-model report --trend data/trend/20* data/march-2021 -o report.html    # + the trend by month, as a line chart
  $ fn-model report --returns outturn -o report.html             # with the BRP return on investment
  $ fn-model report --scenario scenarios/adults-slip-25.yaml scenarios/partly-deliverable-lost.yaml \\
      --simulate scenarios/delivery-risk.yaml --runs 2000 --seed 1 -o report.html
`;

function formatFor(options: ReportCommandOptions): ReportFormat {
  if (options.format) return options.format;
  const extension = extname(options.output).toLowerCase();
  return extension === '.pdf' ? 'pdf' : extension === '.json' ? 'json' : 'html';
}

/** Register the `report` command on the program. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('the committee report: headline waterfall, movement bridge, scenarios with a tornado, simulation histogram, discrepancies and tables, as self-contained HTML, PDF or JSON')
    .option('--data <path>', 'this month\'s dataset: folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .option('--from <path>', 'an earlier snapshot: adds the movement since then and its bridge')
    .option('--trend <snapshot...>', 'monthly snapshots, one per month (at least two): adds the trend by month and its chart')
    .addOption(monthLabelOption('--trend-label <month>', 'the month of each --trend snapshot, in the order given, instead of reading it from the name'))
    .addOption(outputOption('the file to write (atomically): report.html, report.pdf or report.json (the extension picks the format)', true))
    .addOption(forceOption())
    .addOption(new Option('--format <format>', 'output format (default: from the -o extension)').choices(['html', 'pdf', 'json']))
    .addOption(new Option('--tolerance <n>', 'ignore differences up to N £000 (default 0: exact)').argParser(parseTolerance))
    .addOption(encodingOption())
    .addOption(delimiterOption())
    .addOption(decimalCommaOption())
    .addOption(layoutOption())
    .option('--scenario <file...>', 'scenario files (YAML): adds the scenarios side by side and a tornado of the first')
    .addOption(new Option('--swing <percent>', 'the tornado\'s swing of each savings line when the first scenario declares no drivers').argParser(parseSwing).default(amountOf('0.25'), '25%'))
    .option('--simulate <file>', 'a scenario file with drivers: adds a Monte Carlo histogram with P10/P50/P90')
    .addOption(new Option('--runs <n>', 'simulation runs').argParser(parseCount).default(2000))
    .addOption(new Option('--seed <s>', 'simulation PRNG seed (0 to 4294967295)').argParser(parseSeed).default(1))
    .addOption(new Option('--threshold <amount>', 'simulation: the share of runs with combined adverse movement above this (£000)').argParser(parseThreshold))
    .hook('preAction', checkOutputFile())
    .addOption(new Option('--returns [basis]', 'adds the BRP return on investment with a net benefit chart (as "returns --basis"; budget when no basis is given)').choices(['budget', 'outturn']))
    .addHelpText('after', HELP)
    .action(async (options: ReportCommandOptions, command: Command) => {
      const [{ loadProgramme }, { composeReport }, { writeFileAtomic }] = await Promise.all([
        import('../load/dataset.js'), import('../engine/report.js'), import('../io/atomic-write.js'),
      ]);
      const programme = await loadProgramme(datasetPath(options.data), loadOptionsOf(options, command));
      const from = options.from ? await loadProgramme(options.from, loadOptionsOf(options, command, false)) : undefined;
      if (options.trendLabel && !options.trend) throw new UsageError('--trend-label needs --trend SNAPSHOT...');
      const trend = options.trend
        ? await (await import('./trend-snapshots.js')).loadDatedSnapshots(options.trend, options.trendLabel, loadOptionsOf(options, command, false))
        : undefined;
      // yaml and zod (the scenario reader) and the PRNG load only with --scenario or --simulate.
      const readScenario = options.scenario || options.simulate ? (await import('../scenarios-file/read.js')).readScenario : undefined;
      const scenarios = [];
      for (const file of options.scenario ?? []) scenarios.push(await readScenario!(file));
      let simulation;
      if (options.simulate) {
        const scenario = await readScenario!(options.simulate);
        if (scenario.drivers.length === 0) throw new UsageError(`${options.simulate} declares no drivers to simulate (add a "drivers:" list; see docs/scenarios.md)`);
        const { seededRandom } = await import('../engine/random.js');
        simulation = {
          scenario, runs: options.runs, seed: options.seed, random: seededRandom(options.seed),
          ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
        };
      }
      const report = composeReport(programme, {
        ...(from ? { from } : {}), ...(trend ? { trend } : {}), ...(options.tolerance ? { tolerance: options.tolerance } : {}),
        scenarios, swing: options.swing, ...(simulation ? { simulation } : {}),
        ...(options.returns ? { returns: options.returns === true ? 'budget' as const : options.returns } : {}),
      });
      const format = formatFor(options);
      if (format === 'json') {
        const { reportAsJson } = await import('../render/report-json.js');
        await writeFileAtomic(options.output, reportAsJson(report));
        return;
      }
      // vega and vega-lite (the charts) load only for HTML and PDF.
      const { reportAsHtml } = await import('../render/report-html.js');
      const html = await reportAsHtml(report);
      if (format === 'html') {
        await writeFileAtomic(options.output, html);
        return;
      }
      let pdf: Uint8Array;
      try {
        // Loaded only for PDF: the browser driver is not needed for HTML or JSON.
        const { htmlAsPdf } = await import('../render/report-pdf.js');
        pdf = await htmlAsPdf(html);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new UsageError(`cannot print the PDF with Chromium (${reason}); install chromium or set FN_MODEL_CHROMIUM, or write HTML instead`);
      }
      await writeFileAtomic(options.output, pdf);
    });
}
