/**
 * `fn-model tornado FILE [--swing 25%]`: swing each driver low and high, one at a
 * time, and rank drivers by their swing in combined adverse movement.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import { amountOf, type Amount } from '../money/index.js';
import { formatOption } from './options.js';
import { parseSwing } from './scenario-options.js';
import { checkOutputFile, forceOption, outputOption } from './output-file.js';
import { type CsvInputOptions, decimalCommaOption, delimiterOption, encodingOption as csvEncodingOption, loadOptionsOf } from './options.js';

interface TornadoOptions extends CsvInputOptions {
  readonly data?: string;
  readonly format: 'table' | 'json' | 'csv' | 'markdown';
  readonly output?: string;
  readonly swing: Amount;
  readonly top?: number;
}

const HELP = `
Drivers are the file's declared drivers (each swung from its distribution's min to its
max), or, when it declares none, every savings line: its 2020/21 outturn scaled by
(1 − swing) and (1 + swing). The scenario's fixed adjustments are applied first.
Swing = |combined adverse movement at high − at low| (£000); largest first.
--swing applies only to a file without drivers: when the file declares drivers, their
distributions decide how far each is swung, and a --swing given on the command line is
ignored with one line on stderr saying so.

Exit codes: 0 done; 2 bad input or usage.

Examples:
  $ fn-model tornado scenarios/adults-slip-25.yaml              # every savings line ±25%
  $ fn-model tornado scenarios/adults-slip-25.yaml --swing 10%
  $ fn-model tornado scenarios/delivery-risk.yaml --format json   # declared drivers
`;

/** Register `tornado` on the program. */
export function registerTornado(program: Command): void {
  program
    .command('tornado')
    .description('rank drivers (or every savings line) by their swing in combined adverse movement')
    .argument('<file>', 'scenario file (YAML)')
    .addOption(new Option('--swing <percent>', 'how far each savings line\'s outturn is swung either way (only when the file declares no drivers; otherwise ignored, with a warning)').argParser(parseSwing).default(amountOf('0.25'), '25%'))
    .option('--data <path>', 'folder of CSVs or an .xlsx workbook (default: the bundled March 2021 dataset)')
    .addOption(formatOption(['table', 'json', 'csv', 'markdown'], 'table'))
    .addOption(csvEncodingOption())
    .addOption(delimiterOption())
    .addOption(decimalCommaOption())
    .addOption(outputOption('write to FILE (atomically) instead of stdout (the extension picks the format: .txt, .json, .csv, .md)'))
    .addOption(forceOption())
    .hook('preAction', checkOutputFile())
    .addHelpText('after', HELP)
    .action(async (file: string, options: TornadoOptions, command: Command) => {
      const [{ loadWithScenarios }, { tornado }, { emitReport }] = await Promise.all([
        import('./scenario-load.js'), import('../engine/scenario/compare.js'), import('../io/output.js'),
      ]);
      const { programme, scenarios } = await loadWithScenarios(options.data, [file], loadOptionsOf(options, command));
      const scenario = scenarios[0]!;
      if (scenario.drivers.length > 0 && command.getOptionValueSource('swing') === 'cli') {
        process.stderr.write(`fn-model: warning: --swing ignored: ${file} declares drivers, so their distributions (min to max) decide the swing\n`);
      }
      const report = tornado(programme, scenario, options.swing);
      const grid = (await import('../render/scenario-grid.js')).tornadoGrid(report);
      const text = await (await import('../render/scenario-output.js')).renderScenarioOutput(options.format, {
        title: `Tornado: ${report.scenario.name}`, grids: [grid], json: (render) => render.tornadoAsJson(report), csv: (render) => render.tornadoAsCsv(report),
      });
      await emitReport(text, options.output);
    });
}
