/**
 * `fn-model diagnose` and `fn-model rules` through the real CLI: golden output on the
 * bundled dataset, the JSON contract (docs/json.md), exit codes, and one test per class of
 * bad input (exit 2, one located line, no stack trace).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT, runCli } from '../support/run-cli.js';
import { runCliAsync } from '../support/run-cli-async.js';
import { golden as goldenOutput } from '../support/golden.js';

const EXPECTED = join(ROOT, 'test', 'golden', 'expected');
const golden = (name: string, args: string[]): void => goldenOutput(EXPECTED, name, args);
const scratch = mkdtempSync(join(tmpdir(), 'fn-model-diagnose-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('diagnose and rules golden output on the bundled dataset', () => {
  golden('diagnose.table.txt', ['diagnose']);
  golden('diagnose.md', ['diagnose', '--format', 'markdown']);
  golden('diagnose.json', ['diagnose', '--format', 'json']);
  golden('rules.table.txt', ['rules']);
  golden('rules.md', ['rules', '--format', 'markdown']);
});

describe('diagnose --format json: the contract', () => {
  const json = JSON.parse(runCli(['diagnose', '--format', 'json']).stdout);

  it('has rules[], violated[], solutions[] with changes[], explains[], headline and typo', () => {
    expect(json.rules).toHaveLength(115);
    expect(json.violated.map((rule: { id: string }) => rule.id)).toEqual([
      'brp-savings.BRR09.variance', 'brp-savings.TOTAL.outturn', 'all-savings.TOTAL.2021/24', 'all-savings.TOTAL.outturn',
    ]);
    const [best] = json.solutions;
    expect(best.changes[0]).toEqual({
      cell: 'brp-savings.BRR09.outturn', table: 'brp-savings', line: 'BRR09', column: 'outturn', class: 'line-input',
      stated: '1065', corrected: '1085', difference: '20',
      source: { file: 'data/march-2021/brp-savings.csv', sheet: null, row: 5, column: 'outturn' },
      typo: { kind: 'one-digit', text: 'one digit changed (8 typed as 6): 1,065 → 1,085' },
      explains: [
        'brp-savings.BRR09.variance', 'brp-savings.TOTAL.outturn', 'brp-savings.TOTAL.variance', 'all-savings.TOTAL.outturn',
        'all-savings.TOTAL.variance', 'headline.savings-shortfall.amount', 'headline.combined-adverse-movement.amount',
      ],
    });
    expect(best.explains).toHaveLength(8);
    expect(best.headline).toEqual({ costUnderspend: '454', savingsShortfall: '1342', combinedAdverseMovement: '888' });
    expect(best.typo).toEqual({ count: 3, of: 3, kinds: ['one-digit'], reason: '3 changes, each a single-keystroke typo (one digit changed)' });
    expect(json.statedTotalsWrong.headline.combinedAdverseMovement).toBe('908');
  });

  it('lists every cell once with its source, and rules name cells by key', () => {
    const keys = new Set(json.cells.map((cell: { cell: string }) => cell.cell));
    expect(keys.size).toBe(json.cells.length);
    for (const rule of json.rules) for (const term of rule.terms) expect(keys.has(term.cell)).toBe(true);
  });

  it('carries money only as decimal strings', () => {
    const numbers: string[] = [];
    JSON.stringify(json, (key, value) => {
      if (typeof value === 'number' && !['row', 'coefficient', 'rank', 'count', 'of', 'more', 'nodes', 'maxChanges'].includes(key)) numbers.push(key);
      return value;
    });
    expect(numbers).toEqual([]);
  });
});

describe('diagnose options and exit codes', () => {
  it('exits 1 with a located reason when no correction fits within --max-changes', () => {
    const result = runCli(['diagnose', '--max-changes', '2']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('fn-model: no correction of at most 2 cells makes every rule hold (--max-changes)\n');
    expect(result.stdout).toContain('Stated totals are wrong');
  });

  it('takes reliability weights from a YAML file', () => {
    const file = join(scratch, 'weights.yaml');
    writeFileSync(file, '# stated figures are cheap to doubt\nline-stated: 0.1\ntable-total: 0.1\ncross-table: 0.1\nheadline: 0.1\n');
    const result = runCli(['diagnose', '--weights', file, '--format', 'json']);
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.weights).toEqual({ 'line-input': '1', 'line-stated': '0.1', 'table-total': '0.1', 'cross-table': '0.1', headline: '0.1' });
    expect(json.solutions[0].cost).toBe('0.8');
    expect(json.solutions[0].changes.map((change: { cell: string }) => change.cell)).toContain('headline.combined-adverse-movement.amount');
  });

  it('every command has --help with an example', () => {
    for (const command of ['diagnose', 'rules']) {
      const result = runCli([command, '--help']);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/Examples:\n {2}\$ fn-model /);
    }
  });
});

describe('diagnose: bad input is one located line, exit 2', () => {
  const bad = (args: string[], expected: string | RegExp) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    if (typeof expected === 'string') expect(result.stderr).toBe(`${expected}\n`);
    else expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  };

  it('a --max-changes that is not a whole number', () => {
    bad(['diagnose', '--max-changes', 'three'], "fn-model: option '--max-changes <n>' argument 'three' is invalid. must be a whole number from 1 to 50");
    bad(['diagnose', '--max-solutions', '0'], "fn-model: option '--max-solutions <n>' argument '0' is invalid. must be a whole number from 1 to 1000");
  });

  it('a weights file that does not exist', () => {
    bad(['diagnose', '--weights', join(scratch, 'none.yaml')], new RegExp(`^fn-model: ${join(scratch, 'none.yaml').replace(/[/.]/g, '\\$&')}: not found\\n$`));
  });

  it('an unknown cell class, located at its line', () => {
    const file = join(scratch, 'unknown.yaml');
    writeFileSync(file, 'line-input: 1\ntotals: 0.5\n');
    bad(['diagnose', '--weights', file], `fn-model: ${file}:2: "totals" is not a cell class (valid: line-input, line-stated, table-total, cross-table, headline)`);
  });

  it('a weight that is not a positive number', () => {
    const file = join(scratch, 'negative.yaml');
    writeFileSync(file, 'table-total: -1\nheadline: 0\ncross-table: lots\n');
    const result = runCli(['diagnose', '--weights', file]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `fn-model: ${file}:1: column "table-total": "-1" is not a weight: a positive number with at most 3 decimal places, e.g. 1 or 0.5`,
      `fn-model: ${file}:2: column "headline": "0" is not a weight: a positive number with at most 3 decimal places, e.g. 1 or 0.5`,
      `fn-model: ${file}:3: column "cross-table": "lots" is not a weight: a positive number with at most 3 decimal places, e.g. 1 or 0.5`,
    ]);
  });

  it('a weights file that is not a mapping', () => {
    const file = join(scratch, 'list.yaml');
    writeFileSync(file, '- 1\n- 2\n');
    bad(['diagnose', '--weights', file], `fn-model: ${file}: must map cell classes to weights, e.g. "table-total: 0.5" (classes: line-input, line-stated, table-total, cross-table, headline)`);
  });

  it('a dataset that does not load', () => {
    bad(['diagnose', '--data', join(scratch, 'missing')], /^fn-model: .*missing.*not found\n$/);
    bad(['rules', '--data', join(scratch, 'missing')], /^fn-model: .*missing.*not found\n$/);
  });
});

describe('every command that loads a dataset takes the CSV options its error hints name', () => {
  const european = 'test/fixtures/real-exports/european-sep/data';
  for (const args of [
    ['returns'], ['goal-seek', 'scenarios/adults-slip-25.yaml', '--vary', 'adults-slip', '--target', '1,500'],
    ['scenario', 'run', 'scenarios/adults-slip-25.yaml'], ['tornado', 'scenarios/adults-slip-25.yaml'],
  ]) {
    it(`${args[0]}: refused with the --decimal-comma hint without it, the same JSON as the bundled CSVs with it`, () => {
      const without = runCli([...args, '--data', european, '--format', 'json']);
      expect(without.status).toBe(2);
      expect(without.stderr).toMatch(/give --decimal-comma/);
      const withOption = runCli([...args, '--data', european, '--decimal-comma', '--format', 'json']);
      const bundled = runCli([...args, '--format', 'json']);
      expect(withOption.stderr).toBe(bundled.stderr);
      expect(withOption.status).toBe(bundled.status);
      const figures = (text: string) => JSON.parse(text, (key, value) => (['file', 'path', 'name', 'row', 'ref', 'dataset'].includes(key) ? undefined : value));
      expect(figures(withOption.stdout)).toEqual(figures(bundled.stdout));
    });
  }
});

describe('a large programme', () => {
  it('variance (with its diagnosis block) and diagnose on 20,000 generated lines with 3 typos exit 0 and find them (the decimal places of 120,000 cells once overflowed the call stack: exit 3)', { timeout: 300_000 }, async () => {
    const data = join(scratch, 'large');
    // async child processes: a long synchronous wait starves vitest's worker RPC
    await promisify(execFile)(process.execPath, [join(ROOT, 'dist', 'scripts', 'gen-programme.js'), '--lines', '20000', '--seed', '1', '--typos', '3', '--out', data], { cwd: ROOT });
    const typos = (JSON.parse(readFileSync(join(data, 'typos.json'), 'utf8')) as { cell: string }[]).map((typo) => typo.cell).sort();
    const variance = await runCliAsync(['variance', '--data', data, '--format', 'json']);
    expect(variance.stderr).toBe('');
    expect(variance.status).toBe(0);
    const report = JSON.parse(variance.stdout) as { tables: { id: string; lines: unknown[] }[]; diagnosis: { likeliest: { changes: { cell: string }[] } } };
    expect(report.tables.find((table) => table.id === 'brp-savings')!.lines).toHaveLength(20_000);
    expect(report.diagnosis.likeliest.changes.map((change) => change.cell).sort()).toEqual(typos);
    const diagnosed = await runCliAsync(['diagnose', '--data', data, '--format', 'json']);
    expect(diagnosed.stderr).toBe('');
    expect(diagnosed.status).toBe(0);
  });
});
