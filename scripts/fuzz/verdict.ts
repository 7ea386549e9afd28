/**
 * Whether one run of fn-model on hostile input behaved: the fuzzer's and the regression
 * replay's single definition of a crash.
 */

/** Exit codes a run on bad input may give: 0 report, 1 --strict findings, 2 bad input or usage. */
export const ACCEPTED_EXITS: ReadonlySet<number> = new Set([0, 1, 2]);

/**
 * Why a run is a crash, or undefined when it behaved. A crash is: an exit code other than
 * 0, 1 or 2 (3 is an internal error); a stack trace on stderr; exit 2 with nothing on stderr
 * (a refusal must say why); or an exit-2 stderr line that does not start `fn-model: `.
 */
export function crashReason(exit: number | null, stderr: string): string | undefined {
  if (exit === null || !ACCEPTED_EXITS.has(exit)) return `exit ${String(exit)}`;
  if (/\n\s+at \S/.test(`\n${stderr}`)) return 'stack trace on stderr';
  if (exit === 2 && stderr.trim() === '') return 'exit 2 with nothing on stderr';
  if (exit === 2) {
    const stray = stderr.split('\n').find((line) => line !== '' && !line.startsWith('fn-model: '));
    if (stray !== undefined) return `stderr line without "fn-model: ": ${JSON.stringify(stray.slice(0, 80))}`;
  }
  return undefined;
}
