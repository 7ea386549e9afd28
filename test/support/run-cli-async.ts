/**
 * Run the real, built CLI like `runCli`, but without blocking the test process's event loop
 * (for runs that take seconds: huge or hostile inputs), so the test runner stays responsive.
 */
import { spawn } from 'node:child_process';
import { BIN, ROOT, type CliResult } from './run-cli.js';

/** Run `fn-model ...args` in `cwd` (default: the repository root) and resolve with what it gave. */
export function runCliAsync(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', COLUMNS: '', ...options.env }, // COLUMNS unset: the full-width table unless a test asks
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), status }));
  });
}
