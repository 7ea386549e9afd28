/**
 * The fn-model command-line program: registers one command per file in
 * `src/commands/`, and is the one place that turns errors into messages and exit codes:
 *
 * - 0: done; 1: the run finished but found what `--strict` (or a check) fails on;
 * - 2: bad input or usage: one line per problem on stderr, `fn-model: ` first, no stack;
 * - 3: an internal error (a bug): one line, and the stack with `--debug`.
 *
 * Start-up stays cheap: this module and the command files import only commander, the
 * error classes and small option helpers; each command imports its loader, engine and
 * renderer modules inside its action (guarded by test/cli/startup.test.ts).
 */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { InputError, formatProblem } from './load/errors.js';
import { ExitStatus, UsageError } from './commands/errors.js';
import { registerActuals } from './commands/actuals.js';
import { registerVariance } from './commands/variance.js';
import { registerExport } from './commands/export.js';
import { registerReconcile } from './commands/reconcile.js';
import { registerExplain } from './commands/explain.js';
import { OutputError } from './io/output.js';
import { registerScenario } from './commands/scenario.js';
import { registerSweep } from './commands/sweep.js';
import { registerTornado } from './commands/tornado.js';
import { registerSimulate } from './commands/simulate.js';
import { ScenarioError, formatScenarioProblem } from './engine/scenario/errors.js';
import { registerMovement } from './commands/movement.js';
import { registerReport } from './commands/report.js';

const require = createRequire(import.meta.url);
const { version } = require('../../package.json') as { version: string };

/** Build the commander program with every command registered (exported for tests). */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('fn-model')
    .description('Exact financial modelling for local-government programme finance (amounts £000, never floating point)')
    .version(version)
    .option('--debug', 'show stack traces for errors')
    .configureOutput({ outputError: (text, write) => write(`fn-model: ${text.replace(/^error: /, '')}`) })
    .configureHelp({ showGlobalOptions: true })
    .exitOverride();
  registerVariance(program);
  registerActuals(program);
  registerScenario(program);
  registerSweep(program);
  registerTornado(program);
  registerSimulate(program);
  registerMovement(program);
  registerReport(program);
  registerExport(program);
  registerReconcile(program);
  registerExplain(program);
  const configure = (commands: readonly Command[]): void => {
    for (const command of commands) {
      command.exitOverride();
      command.configureOutput({ outputError: (text, write) => write(`fn-model: ${text.replace(/^error: /, '')}`) });
      configure(command.commands);
    }
  };
  configure(program.commands);
  return program;
}

function errorLine(message: string): string {
  return `fn-model: ${message.replace(/\s*\n\s*/g, ' ')}\n`;
}

/**
 * Run the program on `argv` (as `process.argv`) and give the exit code. Never calls
 * `process.exit`, so pending output is flushed by Node.
 */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed its message (or the help / version).
      // --help and --version exit 0; help shown because no command was given is a usage error.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || (error.code === 'commander.help' && error.exitCode === 0) ? 0 : 2;
    }
    if (error instanceof InputError) {
      const lines = [...error.problems.map(formatProblem), ...error.notes];
      process.stderr.write(lines.map((line) => `fn-model: ${line}\n`).join(''));
      if (debug) process.stderr.write(`${error.stack ?? ''}\n`);
      return 2;
    }
    if (error instanceof ScenarioError) {
      process.stderr.write(error.problems.map((problem) => `fn-model: ${formatScenarioProblem(problem)}\n`).join(''));
      if (debug) process.stderr.write(`${error.stack ?? ''}\n`);
      return 2;
    }
    if (error instanceof ExitStatus) {
      if (error.message) process.stderr.write(errorLine(error.message));
      return error.code;
    }
    if (error instanceof UsageError || error instanceof OutputError || isFileSystemError(error)) {
      process.stderr.write(errorLine((error as Error).message));
      if (debug) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(errorLine(`internal error: ${message}${debug ? '' : ' (run with --debug for details)'}`));
    if (debug && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
    return 3;
  }
}

function isFileSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
