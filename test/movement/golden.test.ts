/**
 * Golden tests for `fn-model movement` between the bundled March 2021 dataset and the
 * TEST snapshot `test/fixtures/snapshots/april-2021-test/` (edits listed in its README).
 * Regenerate on purpose only: `UPDATE_GOLDEN=1 npx vitest run test/movement`, then review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { golden as goldenOutput } from '../support/golden.js';

const EXPECTED = join(ROOT, 'test', 'golden', 'expected');
const FROM = 'data/march-2021';
const TO = 'test/fixtures/snapshots/april-2021-test';

const golden = (name: string, args: string[]): void => goldenOutput(EXPECTED, name, args);

describe('movement golden output, March 2021 → the April test snapshot', () => {
  golden('movement.table.txt', ['movement', '--from', FROM, '--to', TO]);
  golden('movement.json', ['movement', '--from', FROM, '--to', TO, '--format', 'json']);
  golden('movement.csv', ['movement', '--from', FROM, '--to', TO, '--format', 'csv']);
  golden('movement.md', ['movement', '--from', FROM, '--to', TO, '--format', 'markdown']);
});

describe('movement, March 2021 → the April test snapshot: the documented edits', () => {
  const report = JSON.parse(runCli(['movement', '--from', FROM, '--to', TO, '--format', 'json']).stdout);

  it('bridges 908 → 629 (−279) in the documented steps', () => {
    expect(report.combined).toEqual({ from: '908', to: '629', change: '-279', published: { from: '888', to: '609' } });
    expect(report.bridge.steps.map((step: { table: string; amount: string }) => `${step.table} ${step.amount}`)).toEqual([
      'fn-costs -100', 'brp-investment -29', 'brp-savings -350', 'ncc-investment 0', 'ncc-savings 200',
    ]);
  });

  it('finds the added and removed lines', () => {
    const moved = report.tables.flatMap((table: { id: string; lines: { line: string; status: string }[] }) =>
      table.lines.filter((line) => line.status !== 'unchanged').map((line) => `${table.id} ${line.line} ${line.status}`));
    expect(moved).toEqual([
      'fn-costs Other Programme Costs changed', 'brp-investment BRR04 changed', 'brp-investment BRR50 added',
      'brp-savings BRR46 changed', 'brp-savings BRR26 removed', 'ncc-savings Place changed',
    ]);
  });

  it('carries money only as decimal strings, null for the side a line is missing from', () => {
    const numbers: string[] = [];
    JSON.stringify(report, (key, value) => {
      if (typeof value === 'number') numbers.push(key);
      return value;
    });
    expect(numbers).toEqual([]);
    const added = report.tables[1].lines.find((line: { line: string }) => line.line === 'BRR50');
    expect(added.from).toBeNull();
    expect(added.to).toEqual({ budget: '150', outturn: '100', variance: '50' });
  });

  it('--from is required (usage error, exit 2)', () => {
    const result = runCli(['movement', '--to', TO]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("fn-model: required option '--from <path>' not specified\n");
  });

  it('without --to, the later snapshot is the current dataset (the bundled one, as --data defaults)', () => {
    const defaulted = runCli(['movement', '--from', TO, '--format', 'json']);
    expect(defaulted).toMatchObject({ status: 0, stderr: '' });
    expect(defaulted.stdout).toBe(runCli(['movement', '--from', TO, '--to', FROM, '--format', 'json']).stdout);
    expect(JSON.parse(defaulted.stdout).combined).toEqual({ from: '629', to: '908', change: '279', published: { from: '609', to: '888' } });
  });

  it('a missing snapshot is one located line, exit 2', () => {
    const result = runCli(['movement', '--from', FROM, '--to', 'no-such-folder']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('fn-model: no-such-folder: not found\n');
  });

  it('help has an example', () => {
    expect(runCli(['movement', '--help']).stdout).toContain('$ fn-model movement --from');
  });
});
