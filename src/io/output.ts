/**
 * Where a command's report goes: stdout, or a file written atomically with `-o`.
 * Data goes to stdout; progress and diagnostics go to stderr (never mixed).
 */
import { writeFileAtomic } from './atomic-write.js';

/** A report file that could not be written: the path and the system's reason (exit 2). */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(readonly path: string, readonly reason: string) {
    super(`${path}: cannot be written (${reason})`);
  }
}

/** The system's reason for a failed write, e.g. `ENOENT: the folder does not exist`. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'ENOENT: the folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return `${code}: permission denied`;
  if (code === 'EISDIR') return 'EISDIR: it is a folder';
  if (code === 'ENOTREG') return 'ENOTREG: it is a device, pipe or socket, not a file';
  if (code === 'ENOSPC') return 'ENOSPC: no space left on the device';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Emit a rendered report: to `outputPath` atomically when given, else to stdout.
 * @throws OutputError when the file cannot be written (the previous file, if any, is untouched).
 */
export async function emitReport(text: string | Uint8Array, outputPath: string | undefined): Promise<void> {
  if (outputPath) {
    try {
      await writeFileAtomic(outputPath, text);
    } catch (error) {
      throw new OutputError(outputPath, reasonOf(error));
    }
    return;
  }
  await new Promise<void>((resolve, reject) => {
    // A reader that stops early (`| head`) closes the pipe: that is not an error of ours.
    process.stdout.write(text, (error) => (error && (error as NodeJS.ErrnoException).code !== 'EPIPE' ? reject(error) : resolve()));
  });
}

/**
 * Whether to colour terminal output: only when writing to a TTY and `NO_COLOR` is unset
 * or empty (https://no-color.org), and never into a file.
 */
export function colourWanted(outputPath: string | undefined, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (outputPath) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  return Boolean(stream.isTTY);
}

/**
 * The terminal width a table is fitted to: none when writing a file (`-o`); else
 * `COLUMNS` when it is a positive whole number (as `ls` and other tools honour it);
 * else the terminal's own width when stdout is a TTY; else none (a pipe gets the full
 * table).
 */
export function terminalWidth(outputPath: string | undefined, stream: NodeJS.WriteStream = process.stdout): number | undefined {
  if (outputPath) return undefined;
  const columns = process.env.COLUMNS;
  if (columns !== undefined && /^[1-9]\d{0,4}$/.test(columns.trim())) return Number(columns.trim()); // number-ok: a count of terminal columns
  return stream.isTTY && stream.columns > 0 ? stream.columns : undefined;
}
