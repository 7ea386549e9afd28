/**
 * Option parsers and option definitions shared by several commands, so that `--data`,
 * `--tolerance`, `--format` and `-o` mean the same thing everywhere.
 */
import { relative, isAbsolute } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
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
