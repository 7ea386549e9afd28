/**
 * Option parsers and option definitions shared by several commands, so that `--data`,
 * `--tolerance`, `--format` and `-o` mean the same thing everywhere.
 */
import { relative, isAbsolute } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { LoadOptions } from '../load/dataset.js';
import { type Amount, isNegative, parseAmount } from '../money/index.js';
import { bundledDatasetPath } from '../load/bundled.js';
import { type Month, monthsIn } from '../model/month.js';

/**
 * Parse `--tolerance N` (£000): a non-negative amount such as `0`, `0.5` or `1`.
 * @throws InvalidArgumentError (commander reports it; exit 2) for anything else.
 */
export function parseTolerance(text: string): Amount {
  const parsed = parseAmount(text);
  if (parsed.kind !== 'amount' || isNegative(parsed.value)) {
    throw new InvalidArgumentError('must be a non-negative amount in £000, e.g. 0 or 0.5');
  }
  return parsed.value;
}

/** The dataset path to load: `--data` as given, else the bundled March 2021 dataset shown relative to the current folder when inside it. */
export function datasetPath(data: string | undefined): string {
  if (data) return data;
  const bundled = bundledDatasetPath();
  const shown = relative(process.cwd(), bundled);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? bundled : shown;
}

/** `--format` with the given choices and default. */
export function formatOption(choices: readonly string[], fallback: string): Option {
  return new Option('--format <format>', 'output format').choices([...choices]).default(fallback);
}

/** `--encoding` for CSV input. */
export function encodingOption(): Option {
  return new Option('--encoding <encoding>', 'text encoding of CSV input (auto detects BOMs and falls back to Windows-1252 when not UTF-8)')
    .choices(['auto', 'utf8', 'windows-1252', 'utf16le', 'utf16be'])
    .default('auto');
}

/**
 * A repeatable month option (`--label` of `trend`, `--trend-label` of `report`): each
 * value must name exactly one month as a snapshot name would (`2021-03`, `march-2021`;
 * see `monthsIn`); the values collect in the order given.
 */
export function monthLabelOption(flags: string, description: string): Option {
  return new Option(flags, description).argParser((text: string, previous: readonly Month[] | undefined) => {
    const months = monthsIn(text);
    if (months.length !== 1) throw new InvalidArgumentError(`"${text}" is not one month (give e.g. 2021-03 or march-2021)`);
    return [...(previous ?? []), months[0]!];
  });
}

/** The values `--delimiter` takes, and the delimiter each names (`auto`: detect). */
const DELIMITER_NAMES: Readonly<Record<string, NonNullable<LoadOptions['delimiter']>>> = {
  auto: 'auto', comma: ',', ',': ',', tab: '\t', '\\t': '\t', '\t': '\t', semicolon: ';', ';': ';',
};

/**
 * Parse `--delimiter`: `auto`, `comma`, `tab` or `semicolon` (or the character itself).
 * @throws InvalidArgumentError (commander reports it; exit 2) for anything else.
 */
export function parseDelimiter(text: string): NonNullable<LoadOptions['delimiter']> {
  const delimiter = DELIMITER_NAMES[text.toLowerCase()];
  if (delimiter === undefined) throw new InvalidArgumentError('must be auto, comma, tab or semicolon');
  return delimiter;
}

/** The CSV options as commander parses them. */
export interface CsvInputOptions {
  readonly encoding: LoadOptions['encoding'];
  readonly delimiter?: LoadOptions['delimiter'];
  readonly decimalComma?: boolean;
  /** `--layout FILE`: where each table of a workbook laid out as published is. */
  readonly layout?: string;
}

/** `--delimiter` for CSV input (default auto: a `sep=` first line, else detected from the header line). */
export function delimiterOption(): Option {
  return new Option('--delimiter <delimiter>', 'cell delimiter of CSV input: auto (a sep= first line, else detected from the header line), comma, tab or semicolon')
    .argParser(parseDelimiter)
    .default('auto');
}

/** `--decimal-comma`: text amounts are written `1.234,56` and `-2,40` (European Excel). */
export function decimalCommaOption(): Option {
  return new Option('--decimal-comma', 'text amounts use a decimal comma and "." for thousands (1.234,56 and -2,40), as European Excel writes');
}

/**
 * The {@link LoadOptions} of a command's input options; with the global `--debug`, each CSV
 * file's delimiter is told on stderr. `withLayout` false for a second dataset (`--from`,
 * `--trend`): `--layout` describes the `--data` workbook only.
 */
export function loadOptionsOf(options: CsvInputOptions, command: Command, withLayout = true): LoadOptions {
  const debug = Boolean(command.optsWithGlobals().debug);
  return {
    encoding: options.encoding,
    delimiter: options.delimiter ?? 'auto',
    decimalComma: options.decimalComma ?? false,
    ...(withLayout && options.layout !== undefined ? { layout: options.layout } : {}),
    ...(debug ? { onDebug: (line: string) => process.stderr.write(`fn-model: debug: ${line}\n`) } : {}),
  };
}

/** `--layout` for a workbook (or CSV) laid out as published: a layout file placing its tables (docs/published-layout.md). */
export function layoutOption(): Option {
  return new Option('--layout <file>', 'layout file saying where each table of a workbook laid out as published is (see fn-model layout init)');
}
