/**
 * Problems found reading a ledger or its map, as values with a location, and the one
 * error that carries them out of the reader.
 */

/** One problem in an input file, located to the row (and column when there is one). */
export interface LedgerProblem {
  /** The path as the user gave it. */
  readonly file: string;
  /** 1-based line in the file where the offending record starts (the header is line 1). */
  readonly row: number;
  /** The column's heading as the file spells it (e.g. `amount`), when the problem is in one cell. */
  readonly column?: string;
  /** The offending text exactly as read, when there is some. */
  readonly text?: string;
  /** What is wrong, in words for a finance officer (e.g. `is not an amount`). */
  readonly message: string;
}

/**
 * Raised when a ledger or map cannot be read exactly. Carries every problem collected
 * (up to `--max-errors`); `stoppedEarly` says reading stopped at that limit, so more
 * problems may follow in the file.
 */
export class LedgerError extends Error {
  /** The problems, in file order. Never empty. */
  readonly problems: readonly LedgerProblem[];
  /** True when reading stopped because the error limit was reached. */
  readonly stoppedEarly: boolean;
  /** The limit that stopped reading, when `stoppedEarly`. */
  readonly limit: number | undefined;

  constructor(problems: readonly LedgerProblem[], stoppedEarly = false, limit?: number) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'LedgerError';
    this.problems = problems;
    this.stoppedEarly = stoppedEarly;
    this.limit = limit;
  }
}

/**
 * One problem as the one line the CLI prints (without the `fn-model: ` prefix), e.g.
 * `ledger.csv:12: column "amount": "12.3.4" is not an amount`.
 */
export function formatProblem(problem: LedgerProblem): string {
  const where = `${problem.file}:${problem.row}: `;
  if (problem.column === undefined) {
    return problem.text === undefined ? where + problem.message : `${where}"${problem.text}" ${problem.message}`;
  }
  if (problem.text === undefined) return `${where}column "${problem.column}" ${problem.message}`;
  return `${where}column "${problem.column}": "${problem.text}" ${problem.message}`;
}

/** Whether a value is a {@link LedgerError}. */
export function isLedgerError(value: unknown): value is LedgerError {
  return value instanceof LedgerError;
}
