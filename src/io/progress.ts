/**
 * Progress on stderr for long reads: rows and MB/s, redrawn in place on one line, and
 * only when stderr is a terminal (never in pipes, files or tests).
 */

/** A progress line: `update` as work goes, `done` to clear it. */
export interface Progress {
  /** Report rows and bytes done so far; redraws at most every 200 ms. */
  update(rows: number, bytes: number): void;
  /** Clear the progress line. */
  done(): void;
}

/** Create a progress line for reading `label` on `stream` (default stderr); silent when not a TTY. */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
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
