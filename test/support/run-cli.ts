/**
 * Run the real, built CLI (`node bin/fn-model.js …`) as a user would, without a TTY and
 * with NO_COLOR set, and capture stdout, stderr and the exit code.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** The repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CLI entry point. */
export const BIN = join(ROOT, 'bin', 'fn-model.js');

/** What a CLI run gave. */
export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

/** Run `fn-model ...args` in `cwd` (default: the repository root). */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', COLUMNS: '', ...options.env }, // COLUMNS unset: the full-width table unless a test asks
    encoding: 'utf8',
    input: options.input ?? '',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}
