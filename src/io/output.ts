/**
 * Where a command's report goes: stdout, or a file written atomically with `-o`.
 * Data goes to stdout; progress and diagnostics go to stderr (never mixed).
 */
import { writeFileAtomic } from './atomic-write.js';

/**
 * Emit a rendered report: to `outputPath` atomically when given, else to stdout.
 * @throws the fs error from {@link writeFileAtomic} when the file cannot be written.
 */
export async function emitReport(text: string, outputPath: string | undefined): Promise<void> {
  if (outputPath) {
    await writeFileAtomic(outputPath, text);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    process.stdout.write(text, (error) => (error ? reject(error) : resolve()));
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
