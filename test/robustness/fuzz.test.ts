/**
 * The fuzzer in CI: a fixed-seed slice of 500 cases must give no crash and no hang; every
 * saved failing case (test/fixtures/fuzz-regressions/) must now behave; and the crash
 * verdict itself is checked, so a broken verdict cannot make the fuzzer pass everything.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';
import { runCliAsync } from '../support/run-cli-async.js';
import { crashReason } from '../../scripts/fuzz/verdict.js';

/** The CI slice's seed (fixed, so a failure reproduces with the same command). */
const CI_SEED = 20210331;
const CI_CASES = 500;

describe('fuzz slice (CI)', () => {
  it(`${CI_CASES} cases with seed ${CI_SEED}: 0 crashes, 0 hangs`, async () => {
    const { spawn } = await import('node:child_process');
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'dist', 'scripts', 'fuzz.js'), '--cases', String(CI_CASES), '--seed', String(CI_SEED), '--jobs', '2', '--quiet'], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
    expect(run.stdout, `failing cases were saved under test/fixtures/fuzz-regressions/; rerun: npm run fuzz -- --cases ${CI_CASES} --seed ${CI_SEED}\n${run.stderr}`).toMatch(
      new RegExp(`^fuzz: ${CI_CASES} cases, seed ${CI_SEED}, 2 jobs, [\\d.]+ s: 0 crashes, 0 hangs \\(exit 0: \\d+, exit 1: \\d+, exit 2: \\d+\\)\\n$`),
    );
    expect(run.status).toBe(0);
  }, 300_000);
});

describe('crash verdict', () => {
  it.each([
    [0, '', undefined],
    [1, 'fn-model: 1 stated figure(s) disagree with their line items (--strict)\n', undefined],
    [2, 'fn-model: data/fn-costs.csv:2: column "outturn": "x" is not an amount\n', undefined],
    [3, 'fn-model: internal error: boom (run with --debug for details)\n', 'exit 3'],
    [null, '', 'exit null'],
    [2, '', 'exit 2 with nothing on stderr'],
    [2, 'fn-model: boom\n    at load (file:///x.js:1:1)\n', 'stack trace on stderr'],
    [2, 'TypeError: x is undefined\n', 'stderr line without "fn-model: ": "TypeError: x is undefined"'],
  ] as const)('exit %s, stderr %j → %s', (exit, stderr, reason) => {
    expect(crashReason(exit, stderr)).toBe(reason);
  });
});

const REGRESSIONS = join(ROOT, 'test', 'fixtures', 'fuzz-regressions');
const saved = existsSync(REGRESSIONS) ? readdirSync(REGRESSIONS).filter((name) => existsSync(join(REGRESSIONS, name, 'case.json'))).sort() : [];

describe('saved fuzz failures replay through the real CLI without crashing', () => {
  it('the regression folder exists and says how cases get there', () => {
    expect(readFileSync(join(REGRESSIONS, 'README.md'), 'utf8')).toMatch(/npm run fuzz/);
  });
  it.skipIf(saved.length === 0).each(saved)('%s', async (name) => {
    const folder = join(REGRESSIONS, name);
    const record = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as { command?: string; data: string; options: string[] };
    const result = await runCliAsync([record.command ?? 'variance', '--data', record.data, ...record.options], { cwd: folder });
    expect(crashReason(result.status, result.stderr)).toBeUndefined();
  });
});
