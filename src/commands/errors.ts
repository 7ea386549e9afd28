/**
 * Errors a command raises for bad usage (a bad option value, a file that cannot be
 * written). Bad *data* raises the loader's located `InputError` instead. Both are
 * turned into one line per problem and exit code 2 in `src/cli.ts`, and nowhere else.
 */

/** A usage error: a message for the user, exit code 2, no stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * A run that finished but must fail with a given exit code (e.g. `--strict` with
 * discrepancies → 1). The report has already been written.
 */
export class ExitStatus extends Error {
  override readonly name = 'ExitStatus';
  constructor(readonly code: number, message = '') {
    super(message);
  }
}
