/**
 * Problems found reading a ledger or its map. They are the loader's located
 * {@link Problem}s (file, row, column, quoted text, message), so the CLI prints them the
 * same way as every other input problem: one line each, exit 2.
 */
import { InputError, type Problem } from '../load/errors.js';

/** One problem in a ledger or map file, located to the row (1-based; header = 1) and column when there is one. */
export type LedgerProblem = Problem & { readonly row: number };

/**
 * Raised when a ledger or map cannot be read exactly. Carries every problem collected
 * (up to `--max-errors`); `stoppedEarly` says reading stopped at that limit, so more
 * problems may follow in the file.
 */
export class LedgerError extends InputError {
  /** The problems, in file order, each with its row. Never empty. */
  declare readonly problems: readonly LedgerProblem[];
  /** True when reading stopped because the error limit was reached. */
  readonly stoppedEarly: boolean;
  /** The limit that stopped reading, when `stoppedEarly`. */
  readonly limit: number | undefined;

  constructor(problems: readonly LedgerProblem[], stoppedEarly = false, limit?: number) {
    super(problems);
    this.name = 'LedgerError';
    this.stoppedEarly = stoppedEarly;
    this.limit = limit;
  }

  /** Lines to print after the problems (the `--max-errors` note), without the `fn-model: ` prefix. */
  override get notes(): readonly string[] {
    return this.stoppedEarly ? [`stopped after ${this.limit} problems (--max-errors ${this.limit}); there may be more`] : [];
  }
}

/** Whether a value is a {@link LedgerError}. */
export function isLedgerError(value: unknown): value is LedgerError {
  return value instanceof LedgerError;
}
