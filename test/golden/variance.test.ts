/**
 * Golden tests: the command and its exact output on the bundled March 2021 dataset.
 * These files are the specification a finance officer can read; each was reviewed by
 * eye against the published tables (../shared/seeds/004_fb9c27c9afcf816b.txt).
 * Regenerate on purpose only: `UPDATE_GOLDEN=1 npx vitest run test/golden`, then review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { golden as goldenOutput } from '../support/golden.js';

const EXPECTED = join(ROOT, 'test', 'golden', 'expected');

const golden = (name: string, args: string[]): void => goldenOutput(EXPECTED, name, args);

describe('variance golden output on the bundled dataset', () => {
  golden('variance.table.txt', ['variance']);
  golden('variance.json', ['variance', '--format', 'json']);
  golden('variance.csv', ['variance', '--format', 'csv']);
  golden('variance.md', ['variance', '--format', 'markdown']);
  golden('variance.tolerance-20.txt', ['variance', '--tolerance', '20']);
});

describe('variance on the bundled dataset: headline figures', () => {
  const report = JSON.parse(runCli(['variance', '--format', 'json']).stdout);

  it('recomputes the cost underspend as published (£0.454m)', () => {
    expect(report.costs).toEqual({ budget: '20774', outturn: '20320', variance: '454' });
  });

  it('recomputes the savings shortfall from the lines (1,362), not the published 1,342', () => {
    expect(report.savings).toEqual({ budget: '14481', outturn: '13119', variance: '1362' });
  });

  it('gives a combined adverse movement of 908 against the published 888', () => {
    expect(report.combined).toEqual({ computed: '908', published: '888' });
  });

  it('names exactly the eight published figures that disagree with their line items', () => {
    const found = report.discrepancies.map((item: { table: string; line: string; field: string; stated: string; computed: string; difference: string }) =>
      `${item.table} ${item.line} ${item.field}: ${item.stated} vs ${item.computed} (${item.difference})`);
    expect(found).toEqual([
      'brp-savings BRR09 variance: -270 vs -250 (-20)',
      'brp-savings TOTAL outturn: 1402 vs 1382 (20)',
      'brp-savings TOTAL variance: 844 vs 864 (-20)',
      'all-savings TOTAL 2021/24: 38984 vs 38384 (600)',
      'all-savings TOTAL outturn: 13199 vs 13119 (80)',
      'all-savings TOTAL variance: 1342 vs 1362 (-20)',
      'headline savings-shortfall amount: 1342 vs 1362 (-20)',
      'headline combined-adverse-movement amount: 888 vs 908 (-20)',
    ]);
  });

  it('carries money only as decimal strings', () => {
    const numbers: string[] = [];
    JSON.stringify(report, (key, value) => {
      // counts, not money: rows, and the diagnosis block's ranks and solution counts
      if (typeof value === 'number' && !['row', 'rank', 'count', 'of', 'minimumSolutions', 'changes'].includes(key)) numbers.push(key);
      return value;
    });
    expect(numbers).toEqual([]);
  });

  it('traces each discrepancy to its source cell', () => {
    expect(report.discrepancies[0].source).toEqual({ file: 'data/march-2021/brp-savings.csv', sheet: null, row: 5, column: 'variance' });
  });
});

describe('exit codes', () => {
  it('--strict exits 1 when a stated figure disagrees, after writing the report', () => {
    const result = runCli(['variance', '--strict', '--format', 'json']);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).discrepancies).toHaveLength(8);
    expect(result.stderr).toBe('fn-model: 8 stated figure(s) disagree with their line items (--strict)\n');
  });

  it('--strict with a tolerance that covers every difference exits 0', () => {
    expect(runCli(['variance', '--strict', '--tolerance', '600']).status).toBe(0);
  });

  it('a bad --tolerance is a usage error, exit 2, one line', () => {
    const result = runCli(['variance', '--tolerance', '-1']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("fn-model: option '--tolerance <n>' argument '-1' is invalid. must be a non-negative amount in £000, e.g. 0 or 0.5\n");
  });

  it('an unknown format is a usage error, exit 2', () => {
    const result = runCli(['variance', '--format', 'pdf']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^fn-model: option '--format <format>' argument 'pdf' is invalid/);
  });
});

describe('the bundled workbook gives the same report as the bundled CSVs', () => {
  it('same tables, totals, discrepancies and headline; sources name the sheet and cell', () => {
    const strip = (text: string) => JSON.parse(text, (key, value) => (key === 'source' || key === 'dataset' ? undefined : value));
    const fromCsv = runCli(['variance', '--format', 'json']);
    const fromXlsx = runCli(['variance', '--format', 'json', '--data', 'data/march-2021.xlsx']);
    expect(fromXlsx.status).toBe(0);
    expect(strip(fromXlsx.stdout)).toEqual(strip(fromCsv.stdout));
    expect(JSON.parse(fromXlsx.stdout).discrepancies[0].source).toEqual({ file: 'data/march-2021.xlsx', sheet: 'brp-savings', row: 6, column: 'variance', cell: 'H6' });
  });
});

describe('the bundled dataset is found relative to the installed package, not the current folder', () => {
  it('runs from any folder and names the dataset by its full path there', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const elsewhere = mkdtempSync(join(tmpdir(), 'fn-model-cwd-'));
    try {
      const result = runCli(['variance', '--format', 'json'], { cwd: elsewhere });
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.dataset.path).toBe(join(ROOT, 'data', 'march-2021'));
      expect(report.combined).toEqual({ computed: '908', published: '888' });
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
