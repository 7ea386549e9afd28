/**
 * Option parsers and option definitions shared by several commands, so that `--data`,
 * `--tolerance`, `--format` and `-o` mean the same thing everywhere.
 */
import { relative, isAbsolute } from 'node:path';
import { InvalidArgumentError, Option } from 'commander';
import { type Amount, isNegative, parseAmount } from '../money/index.js';
import { bundledDatasetPath } from '../load/bundled.js';

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

/** `--layout` for a workbook (or CSV) laid out as published: a layout file placing its tables (docs/published-layout.md). */
export function layoutOption(): Option {
  return new Option('--layout <file>', 'layout file saying where each table of a workbook laid out as published is (see fn-model layout init)');
}
