/**
 * `fn-model report`: the committee report. Load this month's dataset (and last month's
 * with `--from`), compose the report, render it as one self-contained HTML file, a PDF
 * printed by headless Chromium, or JSON; write it atomically.
 */
import { extname } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Amount } from '../money/index.js';
import { loadProgramme, type LoadOptions } from '../load/index.js';
import { composeReport } from '../engine/index.js';
import { reportAsJson } from '../render/report-json.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { UsageError } from './errors.js';
import { datasetPath, encodingOption, parseTolerance } from './options.js';

type ReportFormat = 'html' | 'pdf' | 'json';

interface ReportCommandOptions {
  readonly data?: string;
  readonly from?: string;
  readonly output: string;
  readonly format?: ReportFormat;
  readonly tolerance?: Amount;
  readonly encoding: LoadOptions['encoding'];
}

const HELP = `
The report holds: the headline (savings shortfall less cost underspend = combined
adverse movement) as a waterfall chart; with --from, the movement since the earlier
snapshot and its bridge as a waterfall; the discrepancies; and every table as
published with computed figures beside the stated ones. Charts are SVG, rendered on
this machine (Vega-Lite); the HTML needs no network and opens from a USB stick.

The format follows -o's extension (.pdf, .json, anything else HTML) unless --format
is given. PDF needs Chromium (/usr/bin/chromium, or set FN_MODEL_CHROMIUM).
Scenario (--scenario) and simulation (--simulate) sections are not available yet.

Examples:
  $ fn-model report -o report.html                              # the bundled March 2021 dataset
  $ fn-model report --data april/ --from march/ -o report.pdf   # with the movement bridge, as PDF
  $ fn-model report --data april/ --from march/ -o report.json  # the same figures as JSON
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
    .description('the committee report: headline waterfall, movement bridge, discrepancies and tables, as self-contained HTML, PDF or JSON')
    .option('--data <path>', 'this month\'s dataset: folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .option('--from <path>', 'an earlier snapshot: adds the movement since then and its bridge')
    .requiredOption('-o, --output <file>', 'the file to write (atomically): report.html, report.pdf or report.json')
    .addOption(new Option('--format <format>', 'output format (default: from the -o extension)').choices(['html', 'pdf', 'json']))
    .addOption(new Option('--tolerance <n>', 'ignore differences up to N £000 (default 0: exact)').argParser(parseTolerance))
    .addOption(encodingOption())
    .addHelpText('after', HELP)
    .action(async (options: ReportCommandOptions) => {
      const programme = await loadProgramme(datasetPath(options.data), { encoding: options.encoding });
      const from = options.from ? await loadProgramme(options.from, { encoding: options.encoding }) : undefined;
      const report = composeReport(programme, { ...(from ? { from } : {}), ...(options.tolerance ? { tolerance: options.tolerance } : {}) });
      const format = formatFor(options);
      if (format === 'json') {
        await writeFileAtomic(options.output, reportAsJson(report));
        return;
      }
      // Loaded here, not at start-up: it pulls in vega and vega-lite (≈0.5 s of module loading).
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
