/**
 * Running the built CLI's `main()` inside the current process, capturing what it writes to
 * stdout and stderr, so thousands of runs cost no Node start-up. Used by the fuzzer's workers
 * and by property tests. It is the same code path as `bin/fn-model.js` (which only calls `main`).
 */
import { main } from '../../src/cli.js';

/** What one run gave: the exit code `main` returned, and everything written to stdout and stderr. */
export interface CliOutcome {
  readonly exit: number;
  readonly stdout: string;
  readonly stderr: string;
}

type WriteCallback = (error?: Error | null) => void;

/** A replacement for `stream.write` that appends to `sink` and calls any callback, as a pipe would. */
function capture(sink: string[]): typeof process.stdout.write {
  return ((chunk: string | Uint8Array, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean => {
    sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  }) as typeof process.stdout.write;
}

/**
 * Run `fn-model ...args` in this process and give its exit code and output. stdout and
 * stderr are restored afterwards even if `main` throws (which it never should: a throw is
 * reported as exit -1 with the stack on stderr, so a caller counts it as a crash).
 */
export async function runInProcess(args: readonly string[]): Promise<CliOutcome> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  let exit: number;
  try {
    exit = await main(['node', 'fn-model', ...args]);
  } catch (error) {
    err.push(`main threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    exit = -1;
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
  return { exit, stdout: out.join(''), stderr: err.join('') };
}
