/**
 * Input problems: an error is a value with a location. The loader collects every
 * problem it finds in a dataset and raises them together as one {@link InputError};
 * the CLI turns that into one line per problem (adding its own `fn-model: ` prefix)
 * and exit code 2.
 */
import { NOT_A_REGULAR_FILE } from './limits.js';

/**
 * One thing wrong with the input, and where it is.
 *
 * `file` is the path as the user gave it (joined with the file name inside a folder);
 * `sheet` is the worksheet name for workbooks; `row` is 1-based (physical record in a
 * CSV, spreadsheet row number in a workbook); `column` is the canonical column name
 * (`outturn`, `2020/21`, `delayed_wholly`, `line`, …); `text` is the offending cell text;
 * `line` is, in a CSV, the physical line the cell itself starts on when that is after the
 * line its record starts on (`row`), as after a quoted cell with a line break.
 */
export interface Problem {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly line?: number;
  readonly column?: string;
  readonly text?: string;
  readonly message: string;
}

/**
 * Raised by the loader when the input is wrong. Carries every problem found (never
 * only the first); `message` is the problems formatted by {@link formatProblem},
 * one per line.
 */
export class InputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }

  /** Extra lines the CLI prints after the problems (e.g. that reading stopped early); none by default. */
  get notes(): readonly string[] {
    return [];
  }
}

/** Longest cell text quoted in a message; longer text is cut and ends with `…`. */
const QUOTED_TEXT_LIMIT = 60;

/**
 * Quote a cell's text for a message: JSON string escaping (so control characters and
 * line breaks are visible) and at most {@link QUOTED_TEXT_LIMIT} characters, so a huge
 * cell never floods the terminal.
 */
export function quoteText(text: string): string {
  if (text.length <= QUOTED_TEXT_LIMIT) return JSON.stringify(text);
  let cut = text.slice(0, QUOTED_TEXT_LIMIT);
  // never split a surrogate pair
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return JSON.stringify(`${cut}…`);
}

/**
 * One problem as one line, without the program-name prefix:
 * `file[sheet]:row: column "name" (line N): "text" message`, leaving out the parts that are
 * absent (`(line N)` only for a CSV cell on a later line than its record's first).
 *
 * Examples: `data/march-2021/brp-savings.csv:5: column "outturn": "12x4" is not an amount`,
 * `book.xlsx[brp-savings]:5: column "outturn": "12x4" is not an amount`,
 * `data/x: not found`, `file.csv:3: row has 9 cells, header has 8`.
 */
export function formatProblem(p: Problem): string {
  let place = p.file;
  if (p.sheet !== undefined) place += `[${p.sheet}]`;
  if (p.row !== undefined) place += `:${p.row}`;
  const parts: string[] = [place];
  const line = p.line !== undefined ? ` (line ${p.line})` : '';
  if (p.column !== undefined) parts.push(`column ${JSON.stringify(p.column)}${line}`);
  else if (line !== '') parts.push(line.trim());
  const what = p.text !== undefined ? `${quoteText(p.text)} ${p.message}` : p.message;
  parts.push(what);
  return parts.join(': ');
}

/**
 * Why a file could not be opened or read, worded for a finance officer, from a Node file
 * system error: `not found`, `is a folder, not a file`, `is not a regular file (…)`,
 * `cannot be read (permission denied)`, or `cannot be read (CODE)`.
 * @returns the wording, or `undefined` when `error` is not a file system error (a bug, to
 *   be rethrown as it is).
 */
export function fileProblemMessage(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'not found';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTREG':
      return NOT_A_REGULAR_FILE;
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    default:
      return /^E[A-Z]+$/.test(code) ? `cannot be read (${code})` : undefined;
  }
}
