/**
 * `-o FILE` and `--force`, the same for every command that writes a file (docs/output-files.md):
 *
 * - The format follows FILE's extension when `--format` is not given (`.txt` table,
 *   `.json`, `.csv`, `.md` Markdown, `.html`, `.pdf`, `.xlsx`: whichever of these the
 *   command writes). An extension the command does not write is refused; so is one
 *   that does not match a `--format` given on the command line. A name without an
 *   extension takes `--format` (or the command's default).
 * - An existing file is never replaced without `--force` (exit 2, one line). Devices,
 *   pipes and folders are left to the writer, which refuses them with its own reason.
 *
 * Both checks run before anything is loaded or computed, so a refused run costs nothing.
 */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import { UsageError } from './errors.js';

/** The file extensions each output format is written to (lower case, with the dot). */
export const FORMAT_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  table: ['.txt'],
  json: ['.json'],
  csv: ['.csv'],
  markdown: ['.md', '.markdown'],
  html: ['.html', '.htm'],
  pdf: ['.pdf'],
  xlsx: ['.xlsx'],
};

/** `-o, --output <file>` with the command's own description; `required` for commands that only write files. */
export function outputOption(description: string, required = false): Option {
  const option = new Option('-o, --output <file>', description);
  return required ? option.makeOptionMandatory() : option;
}

/** `--force`: replace an existing output file. */
export function forceOption(description = 'replace FILE if it already exists (without --force an existing file is refused, exit 2)'): Option {
  return new Option('--force', description);
}

/** `.a, .b or .c`. */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** What the checks need to know about a command's output. */
export interface OutputFileRules {
  /** Formats written as a folder of files (export's `csv`): no extension rule, and the command checks the files it writes. */
  readonly folderFormats?: readonly string[];
}

/**
 * Check a parsed command's `-o` and set its `--format` from the extension when the
 * command line gave none. For `command.hook('preAction', checkOutputFile())`.
 * @throws UsageError (exit 2) for an extension the command does not write, one that
 *   contradicts `--format`, or an existing file without `--force`.
 */
export function checkOutputFile(rules: OutputFileRules = {}): (command: Command, action: Command) => void {
  return (_command, action) => {
    const options = action.opts<{ output?: string; format?: string; force?: boolean }>();
    const output = options.output;
    if (!output) return;
    const folders = rules.folderFormats ?? [];
    const choices = (action.options.find((option) => option.attributeName() === 'format')?.argChoices ?? []).filter((choice) => !folders.includes(choice));
    const source = action.getOptionValueSource('format');
    const given = source === 'cli' || source === 'env';
    const extension = extname(output).toLowerCase();
    const format = options.format;
    const folder = format !== undefined && folders.includes(format);
    if (!folder && extension !== '') {
      if (given && format !== undefined) {
        const allowed = FORMAT_EXTENSIONS[format] ?? [];
        if (!allowed.includes(extension)) throw new UsageError(`${output}: --format ${format} is written to a ${listed(allowed)} file, not ${extension}`);
      } else {
        const picked = choices.find((choice) => (FORMAT_EXTENSIONS[choice] ?? []).includes(extension));
        if (picked === undefined) {
          const allowed = choices.map((choice) => `${(FORMAT_EXTENSIONS[choice] ?? []).join('/')} (${choice})`);
          const folderHint = folders.length > 0 ? `; --format ${folders.join('/')} writes a folder` : '';
          throw new UsageError(`${output}: ${action.name()} -o does not write ${extension} files; the extension picks the format: ${listed(allowed)}${folderHint}`);
        }
        action.setOptionValueWithSource('format', picked, 'implied');
      }
    }
    if (!folder && !options.force && isExistingFile(output)) throw new UsageError(`${output}: already exists (use --force to overwrite)`);
  };
}

/** Whether `path` is an existing regular file (following symlinks). */
function isExistingFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
