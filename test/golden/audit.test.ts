/**
 * Golden tests of `explain` and `reconcile` on the bundled March 2021 dataset through the
 * real CLI: the command and its exact output. Regenerate on purpose only:
 * `UPDATE_GOLDEN=1 npx vitest run test/golden`, then review the diff.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const EXPECTED = join(ROOT, 'test', 'golden', 'expected');
/** The export reconciled below, relative to the repository root so the output names it the same everywhere. */
const BOOK = 'test/artifacts/golden-audit.xlsx';

function golden(name: string, args: string[], status = 0) {
  it(`fn-model ${args.join(' ')}`, () => {
    const result = runCli(args);
    expect(result.status).toBe(status);
    const file = join(EXPECTED, name);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, result.stdout);
    expect(result.stdout).toBe(readFileSync(file, 'utf8'));
  });
}

describe('explain golden output on the bundled dataset', () => {
  golden('explain.brr09-variance.txt', ['explain', 'brp-savings.BRR09.variance']);
  golden('explain.all-savings-outturn.json', ['explain', 'all-savings.TOTAL.outturn', '--format', 'json']);
  golden('explain.combined.txt', ['explain', 'headline.combined-adverse-movement.amount']);
  golden('explain.input.txt', ['explain', 'ncc-savings.Adults.delayed_wholly']);
  golden('explain.delayed-total.txt', ['explain', 'ncc-savings.TOTAL.delayed_wholly']);

  it('an unknown target lists the valid ones, exit 2', () => {
    const result = runCli(['explain', 'brp-savings.BRR09.budget']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('fn-model: table brp-savings has no field "budget"; valid targets: brp-savings.BRR09.2019/20, brp-savings.BRR09.2020/21, brp-savings.BRR09.2021/24, brp-savings.BRR09.total, brp-savings.BRR09.outturn, brp-savings.BRR09.variance\n');
  });
});

describe('reconcile golden output: a fresh export of the bundled dataset against its source', () => {
  beforeAll(() => {
    mkdirSync(join(ROOT, 'test', 'artifacts'), { recursive: true });
    const exported = runCli(['export', '-o', BOOK, '--force'], { env: { SOURCE_DATE_EPOCH: '1617148800' } });
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
  });
  golden('reconcile.table.txt', ['reconcile', BOOK], 1);
  golden('reconcile.json', ['reconcile', BOOK, '--format', 'json'], 1);
  golden('reconcile.csv', ['reconcile', BOOK, '--format', 'csv'], 1);
  golden('reconcile.baseline.txt', ['reconcile', BOOK, '--baseline'], 0);
});
