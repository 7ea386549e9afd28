/**
 * Progress for long runs: a bar on stderr, only when stderr is a TTY (never in pipes,
 * files or CI logs, so stdout and captured stderr stay byte-identical run to run).
 */
import { SingleBar, Presets } from 'cli-progress';

/** A progress callback `(done, total)`, and `stop()` to clear the bar; a no-op off a TTY. */
export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

/** A progress bar labelled `label` on stderr when it is a TTY; otherwise callbacks that do nothing. */
export function progressOnTty(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
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
