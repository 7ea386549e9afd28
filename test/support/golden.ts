/**
 * Golden tests: run the real CLI and compare its stdout, byte for byte, with a file under
 * `folder`. Regenerate on purpose only: `UPDATE_GOLDEN=1 npx vitest run …`, then review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/** A golden test case: `fn-model ...args` must exit 0, print nothing on stderr, and print exactly `folder/name`. */
export function golden(folder: string, name: string, args: string[]): void {
  it(`fn-model ${args.join(' ')}`, () => {
    const result = runCli(args);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const file = join(folder, name);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, result.stdout);
    expect(result.stdout).toBe(readFileSync(file, 'utf8'));
  });
}
