/**
 * The fn-model command-line program: registers one command per file in
 * `src/commands/`, and is the one place that turns errors into messages and exit codes:
 *
 * - 0: done; 1: the run finished but found what `--strict` (or a check) fails on;
 * - 2: bad input or usage: one line per problem on stderr, `fn-model: ` first, no stack;
 * - 3: an internal error (a bug): one line, and the stack with `--debug`.
 */
import { Command, CommanderError } from 'commander';
import { InputError, formatProblem } from './load/errors.js';
import { ExitStatus, UsageError } from './commands/errors.js';
import { OutputError } from './io/output.js';
import { ScenarioError, formatScenarioProblem } from './engine/scenario/errors.js';
import { packageVersion } from './version.js';

/**
 * Every command, in help order, each loaded only when registered: a run of one command
 * loads that command's modules only (start-up is mostly module loading), while help and
 * unknown names register them all.
 */
const COMMANDS: readonly (readonly [string, () => Promise<(program: Command) => void>])[] = [
  ['variance', async () => (await import('./commands/variance.js')).registerVariance],
  ['actuals', async () => (await import('./commands/actuals.js')).registerActuals],
  ['scenario', async () => (await import('./commands/scenario.js')).registerScenario],
  ['sweep', async () => (await import('./commands/sweep.js')).registerSweep],
  ['tornado', async () => (await import('./commands/tornado.js')).registerTornado],
  ['simulate', async () => (await import('./commands/simulate.js')).registerSimulate],
  ['movement', async () => (await import('./commands/movement.js')).registerMovement],
  ['report', async () => (await import('./commands/report.js')).registerReport],
  ['export', async () => (await import('./commands/export.js')).registerExport],
  ['reconcile', async () => (await import('./commands/reconcile.js')).registerReconcile],
  ['explain', async () => (await import('./commands/explain.js')).registerExplain],
  ['rules', async () => (await import('./commands/rules.js')).registerRules],
  ['diagnose', async () => (await import('./commands/diagnose.js')).registerDiagnose],
];

/** Examples after the top-level help, as every command has its own (`fn-model COMMAND --help`). */
const PROGRAM_HELP = `
Examples:
  $ fn-model variance                                    # the bundled March 2021 report
  $ fn-model variance --data book.xlsx --strict          # your workbook; exit 1 on any discrepancy
  $ fn-model variance --format json | jq .combined       # machine-readable
  $ fn-model movement --from last-month.xlsx             # what moved since last month
  $ fn-model scenario run scenarios/adults-slip-25.yaml  # what-if
  $ fn-model report -o report.html                       # the committee report
  $ fn-model export -o audit.xlsx && fn-model reconcile audit.xlsx
  $ fn-model variance --help                             # each command's options and examples
`;

/**
 * Build the commander program (exported for tests): with `only`, the name of one
 * command, just that command is registered; otherwise every command.
 */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command();
  program
    .name('fn-model')
    .description('Exact financial modelling for local-government programme finance (amounts £000, never floating point)')
    .version(packageVersion())
    .option('--debug', 'show stack traces for errors')
    .configureOutput({ outputError: (text, write) => write(`fn-model: ${text.replace(/^error: /, '')}`) })
    .configureHelp({ showGlobalOptions: true })
    .addHelpText('after', PROGRAM_HELP)
    .exitOverride();
  const wanted = COMMANDS.filter(([name]) => only === undefined || name === only);
  for (const register of await Promise.all(wanted.map(([, load]) => load()))) register(program);
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

/** The command `argv` runs when it names one exactly (its first word that is not an option), else `undefined`. */
function commandIn(argv: readonly string[]): string | undefined {
  const word = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return COMMANDS.some(([name]) => name === word) ? word : undefined;
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
  try {
    const program = await buildProgram(commandIn(argv));
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
  const code = (error as NodeJS.ErrnoException).code;
  return error instanceof Error && typeof code === 'string' && (typeof (error as NodeJS.ErrnoException).syscall === 'string' || code === 'ENOTREG');
}
