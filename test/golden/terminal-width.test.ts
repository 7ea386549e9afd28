/**
 * `variance` fitted to the terminal (issue 15): golden output at 80, 100 and 160 columns
 * (COLUMNS), --compact and --columns, and the rules the goldens must keep: no line wider
 * than the terminal, and every number of the full-width table printed whole.
 * Regenerate on purpose only: `UPDATE_GOLDEN=1 npx vitest run test/golden`, then review the diff.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const EXPECTED = join(ROOT, 'test', 'golden', 'expected');

function golden(name: string, args: string[], columns: string): void {
  it(`COLUMNS=${columns} fn-model ${args.join(' ')}`, () => {
    const result = runCli(args, { env: { COLUMNS: columns } });
    expect(result).toMatchObject({ status: 0, stderr: '' });
    const file = join(EXPECTED, name);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, result.stdout);
    expect(result.stdout).toBe(readFileSync(file, 'utf8'));
  });
}

/** Every figure printed in table cells: digits with grouping, brackets, decimals, the ! mark, £…m and n/s. */
function figures(text: string): string[] {
  return [...text.matchAll(/(?<=│ *)(£?\(?[\d,]+(\.\d+)?\)?m?!?|n\/s)(?= *│)/g)].map((match) => match[1]!).filter((figure) => figure !== '£000').sort(); // £000: a wrapped heading
}

const widest = (text: string): number => Math.max(...text.split('\n').map((line) => [...line].length));

describe('variance fitted to the terminal width', () => {
  golden('variance.columns-80.txt', ['variance'], '80');
  golden('variance.columns-100.txt', ['variance'], '100');
  golden('variance.columns-160.txt', ['variance'], '160');
  golden('variance.compact-100.txt', ['variance', '--compact'], '100');
  golden('variance.month-end-columns-80.txt', ['variance', '--columns', 'name,2020/21,outturn,variance'], '80');

  const full = runCli(['variance']).stdout;

  for (const columns of [80, 100, 120, 160]) {
    it(`at ${columns} columns no line is wider, and every number of the full table is there, whole`, () => {
      const fitted = runCli(['variance'], { env: { COLUMNS: String(columns) } }).stdout;
      expect(widest(fitted)).toBeLessThanOrEqual(columns);
      expect(figures(fitted)).toEqual(figures(full));
    });
  }

  it('without COLUMNS and not on a terminal (a pipe), and into a file (-o), the table is full width', () => {
    expect(widest(full.split('\n').filter((line) => line.startsWith('│')).join('\n'))).toBe(200); // ncc-savings, with the named computed columns
    expect(full).toBe(readFileSync(join(EXPECTED, 'variance.table.txt'), 'utf8'));
    const file = join(ROOT, 'test', 'golden', `.terminal-width-${process.pid}.txt`);
    try {
      expect(runCli(['variance', '-o', file], { env: { COLUMNS: '80' } }).status).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(full);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('--compact keeps every stated figure and its ! mark, and puts the computed totals in the computed row', () => {
    const compact = runCli(['variance', '--compact']).stdout;
    expect(compact).not.toMatch(/(total|variance) \(computed\)/);
    expect(compact).toContain('│ BRR09    │ Adults Review of Target Operating Model  │       0 │     815 │  13,185 │ 14,000 │   1,065 │   (270)! │');
    expect(compact).toContain('│ computed │ sum of lines                             │   1,626 │   2,246 │  32,747 │ 36,619 │   1,382 │      864 │');
  });

  it('an unknown --columns key is a usage error naming the valid keys', () => {
    const result = runCli(['variance', '--columns', 'name,outturn,budget']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("fn-model: option '--columns <list>' argument 'name,outturn,budget' is invalid. unknown column \"budget\"; columns: line, name, 2019/20, 2020/21, 2021/24, total, total-computed, outturn, variance, variance-computed, delayed-wholly, delayed-partly\n");
  });

  it('the legend explains n/s, and the computed columns are named', () => {
    const [legend] = full.split('\n');
    expect(legend).toContain('n/s = not stated in the source');
    expect(full).toContain('│  Total │ total (computed) │ Outturn │ Variance │ variance (computed) │');
    expect(full).not.toMatch(/│ computed │ Outturn/);
  });
});

describe('top-level help', () => {
  it('has examples, as every command has', () => {
    const help = runCli(['--help']).stdout;
    expect(help).toContain('Examples:\n  $ fn-model variance ');
    expect(help).toContain('$ fn-model movement --from last-month.xlsx');
  });
});
