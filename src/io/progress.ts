/**
 * Progress on stderr for long work, only when stderr is a terminal (never in pipes,
 * files, tests or CI logs, so stdout and captured stderr stay byte-identical run to run):
 * a line of rows and MB/s for streaming reads, and a bar for Monte Carlo runs
 * (cli-progress is imported only when that bar is actually drawn).
 */

/** A progress line for reading a file: `update` as work goes, `done` to clear it. */
export interface ReadProgress {
  /** Report rows and bytes done so far; redraws at most every 200 ms. */
  update(rows: number, bytes: number): void;
  /** Clear the progress line. */
  done(): void;
}

/** Create a progress line for reading `label` on `stream` (default stderr); silent when not a TTY. */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): ReadProgress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(rows, bytes) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      const seconds = Math.max((now - started) / 1000, 0.001);
      const megabytes = bytes / 1e6;
      stream.write(`\r${label}: ${rows.toLocaleString('en-GB')} rows, ${megabytes.toFixed(1)} MB, ${(megabytes / seconds).toFixed(1)} MB/s\u001b[K`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}


/** A progress callback `(done, total)`, and `stop()` to clear the bar; a no-op off a TTY. */
export interface RunProgress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

/**
 * A progress bar labelled `label` on stderr when it is a TTY; otherwise callbacks that do
 * nothing. Async only so that cli-progress is imported when a bar is wanted.
 */
export async function progressOnTty(label: string, stream: NodeJS.WriteStream = process.stderr): Promise<RunProgress> {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  // Through `default` (cli-progress is CommonJS): in the esbuild bundle the CLI runs, a
  // split chunk of a CommonJS package exports only `default` (evanw/esbuild#3245).
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} runs`, stream, clearOnComplete: true, hideCursor: true }, Presets.shades_classic);
  let started = false;
  return {
    update: (done, total) => {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
