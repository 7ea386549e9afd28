/**
 * A stand-alone entry for `actuals` until the integrator folds it into `src/cli.ts`:
 * builds a commander program with {@link registerActuals} and maps errors to exit codes
 * in one place (LedgerError and unreadable files → 2, usage → commander's code, else 1).
 *
 *   node dist/src/ledger/cli-entry.js actuals LEDGER.csv --map MAP.csv
 */
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { registerActuals } from '../commands/actuals.js';
import { formatProblem, isLedgerError } from './errors.js';

/** The exit status for an error thrown by a command, after printing it to stderr. */
export function reportError(error: unknown, stderr: (line: string) => void): number {
  if (isLedgerError(error)) {
    for (const problem of error.problems) stderr(`fn-model: ${formatProblem(problem)}`);
    if (error.stoppedEarly) stderr(`fn-model: stopped after ${error.limit} problems (--max-errors ${error.limit}); there may be more`);
    return 2;
  }
  if (error instanceof CommanderError) return error.exitCode;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
    const path = (error as NodeJS.ErrnoException).path ?? '';
    stderr(`fn-model: ${path}: cannot read or write (${code})`);
    return 2;
  }
  stderr(`fn-model: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
}

/** Run `fn-model actuals …` with `argv` (as process.argv); resolves to the exit status. */
export async function runActualsCli(argv: readonly string[]): Promise<number> {
  const program = new Command('fn-model').exitOverride();
  registerActuals(program);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    return reportError(error, (line) => process.stderr.write(`${line}\n`));
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runActualsCli(process.argv).then((status) => {
    process.exitCode = status;
  });
}
