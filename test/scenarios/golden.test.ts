/**
 * Golden tests: every shipped scenario run through the built CLI on the bundled March
 * 2021 dataset, and its exact output. The figures were checked by hand against the
 * published tables (docs/scenarios.md, "Worked examples").
 * Regenerate on purpose only: `UPDATE_GOLDEN=1 npx vitest run test/scenarios`, then review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { golden as goldenOutput } from '../support/golden.js';

const EXPECTED = join(ROOT, 'test', 'scenarios', 'expected');
const SHIPPED = ['adults-slip-25', 'partly-deliverable-lost', 'wholly-delayed-slips-again', 'brp-savings-slip-10', 'delays-all-lost'];

const golden = (name: string, args: string[]): void => goldenOutput(EXPECTED, name, args);

describe('shipped scenarios: golden output', () => {
  for (const name of SHIPPED) golden(`${name}.txt`, ['scenario', 'run', `scenarios/${name}.yaml`, '--detail']);
  golden('all.json', ['scenario', 'run', ...SHIPPED.map((name) => `scenarios/${name}.yaml`), '--format', 'json']);
  golden('all.csv', ['scenario', 'run', ...SHIPPED.map((name) => `scenarios/${name}.yaml`), '--format', 'csv']);
  golden('all.md', ['scenario', 'run', ...SHIPPED.map((name) => `scenarios/${name}.yaml`), '--format', 'markdown']);
  golden('sweep.txt', ['sweep', 'scenarios/adults-slip-25.yaml', '--vary', 'adults-slip', '--from', '0%', '--to', '100%', '--steps', '4']);
  golden('tornado.txt', ['tornado', 'scenarios/adults-slip-25.yaml']);
  golden('tornado-drivers.json', ['tornado', 'scenarios/delivery-risk.yaml', '--format', 'json']);
  golden('simulate.txt', ['simulate', 'scenarios/delivery-risk.yaml', '--runs', '2000', '--seed', '7', '--threshold', '1000']);
});

describe('worked examples (docs/scenarios.md), checked by hand against the March 2021 tables', () => {
  const report = JSON.parse(runCli(['scenario', 'run', ...SHIPPED.map((name) => `scenarios/${name}.yaml`), '--format', 'json']).stdout);
  const figures = (name: string) => report.scenarios.find((item: { name: string }) => item.name === name).figures;

  it('base: underspend 454, shortfall 1,362, combined 908 (computed, not the published 888)', () => {
    expect(report.base.figures).toMatchObject({ 'cost-underspend': '454', 'savings-shortfall': '1362', 'combined-adverse-movement': '908', 'savings-2021/24-expected': '40827', 'savings-2019/24': '88853' });
  });
  it('adults-slip-25: 25% × Adults outturn 5,287 = 1,321.75 moves from 2020/21 to 2021/24', () => {
    expect(figures('adults-slip-25')).toMatchObject({ 'savings-shortfall': '2683.75', 'combined-adverse-movement': '2229.75', 'savings-2021/24-plan': '39705.75', 'savings-2019/24': '88853' });
  });
  it('partly-deliverable-lost: 1,449 + 600 = 2,049 leaves 2021/24; 2020/21 unchanged', () => {
    expect(figures('partly-deliverable-lost')).toMatchObject({ 'combined-adverse-movement': '908', 'savings-2021/24-expected': '38778', 'savings-2019/24': '86804' });
  });
  it('wholly-delayed-slips-again: Adults 394 leaves 2021/24', () => {
    expect(figures('wholly-delayed-slips-again')).toMatchObject({ 'combined-adverse-movement': '908', 'savings-delayed-wholly': '0', 'savings-2021/24-expected': '40433' });
  });
  it('brp-savings-slip-10: 10% of 215 + 14 + 1,065 + 88 + 0 = 138.2', () => {
    expect(figures('brp-savings-slip-10')).toMatchObject({ 'savings-shortfall': '1500.2', 'combined-adverse-movement': '1046.2' });
  });
  it('delays-all-lost: extends partly-deliverable-lost, then Staff Costs outturn 5,653 × 102% = 5,766.06', () => {
    expect(figures('delays-all-lost')).toMatchObject({ 'cost-underspend': '340.94', 'combined-adverse-movement': '1021.06', 'savings-2021/24-expected': '38384' });
  });
  it('carries money only as decimal strings', () => {
    const numbers: string[] = [];
    JSON.stringify(report, (key, value) => {
      if (typeof value === 'number' && !['line', 'column'].includes(key)) numbers.push(key);
      return value;
    });
    expect(numbers).toEqual([]);
  });
});

describe('scenario files: one located error, exit 2', () => {
  const cases: [string, string][] = [
    ['unknown-key', 'fn-model: test/scenarios/fixtures/unknown-key.yaml:7:5: unknown key "colour"; valid keys here: kind, name, table, lines, from, to, share, amount\n'],
    // A key a small edit away from a valid one is suggested (issue 15).
    ['misspelt-key', 'fn-model: test/scenarios/fixtures/misspelt-key.yaml:6:5: unknown key "shares"; did you mean "share"?\n'],
    ['misspelt-top-key', 'fn-model: test/scenarios/fixtures/misspelt-top-key.yaml:1:1: unknown key "nmae"; did you mean "name"?\n'],
    ['unknown-line', 'fn-model: test/scenarios/fixtures/unknown-line.yaml:5:21: unknown line "Adult Social Care" in table "ncc-savings" (lines: Adults, Children\'s, Corporate Services, Place, LGSS)\n'],
    // Only tables an adjustment can target are listed (the cross-table totals are refused below).
    ['unknown-table', 'fn-model: test/scenarios/fixtures/unknown-table.yaml:4:12: "table" must be one of fn-costs, brp-investment, brp-savings, ncc-investment, ncc-savings\n'],
    ['cross-table', 'fn-model: test/scenarios/fixtures/cross-table.yaml:4:12: table "all-savings" is a cross-table total with no lines of its own; target brp-savings or ncc-savings\n'],
    // One cause, one line: tab indentation (the YAML parser reports it on every tabbed line) and aliases.
    ['tabs', 'fn-model: test/scenarios/fixtures/tabs.yaml:3:1: Tabs are not allowed as indentation\n'],
    ['alias', 'fn-model: test/scenarios/fixtures/alias.yaml:8:5: YAML anchors and aliases are not allowed (*adults); write each value out in full\n'],
    ['empty', 'fn-model: test/scenarios/fixtures/empty.yaml:1:1: is empty: nothing to run (a scenario file has adjustments: or drivers:; see docs/scenarios.md)\n'],
    ['bernoulli-p', 'fn-model: test/scenarios/fixtures/bernoulli-p.yaml:7:12: p must be between 0% and 100%, not 120%\n'],
    ['share-out-of-range', 'fn-model: test/scenarios/fixtures/share-out-of-range.yaml:6:12: share must be from 0% to 100%, not 125%\n'],
    ['bad-amount', 'fn-model: test/scenarios/fixtures/bad-amount.yaml:6:13: amount must be £000 such as 1,200 or 450.5, not "12x4"\n'],
    ['amount-too-large', 'fn-model: test/scenarios/fixtures/amount-too-large.yaml:6:13: amount 1,000 exceeds brp-savings/BRR04\'s 2020/21 outturn of 215 (£000)\n'],
  ];
  for (const [name, expected] of cases) {
    it(name, () => {
      const result = runCli(['scenario', 'run', `test/scenarios/fixtures/${name}.yaml`]);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(expected);
      expect(result.status).toBe(2);
    });
  }
});

describe('a scenario file that does not exist', () => {
  it('is one line, "FILE: not found", exit 2 (not a raw ENOENT)', () => {
    for (const args of [['scenario', 'run', 'nope.yaml'], ['simulate', 'nope.yaml'], ['tornado', 'nope.yaml'], ['sweep', 'nope.yaml', '--vary', '1', '--from', '0%', '--to', '10%', '--steps', '1']]) {
      const result = runCli(args);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe('fn-model: nope.yaml: not found\n');
      expect(result.status).toBe(2);
    }
  });
});

describe('simulate is reproducible by seed', () => {
  const args = ['simulate', 'scenarios/delivery-risk.yaml', '--runs', '3000', '--threshold', '1500', '--format', 'json'];
  it('the same seed gives byte-identical output, recording seed, PRNG and runs', () => {
    const first = runCli([...args, '--seed', '42']);
    const second = runCli([...args, '--seed', '42']);
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ seed: 42, runs: 3000, prng: 'xoroshiro128plus (pure-rand 8.4.2)' });
  });
  it('a different seed gives different draws', () => {
    const a = JSON.parse(runCli([...args, '--seed', '1']).stdout).statistics[0].mean;
    const b = JSON.parse(runCli([...args, '--seed', '2']).stdout).statistics[0].mean;
    expect(a).not.toBe(b);
  });
});

describe('what a new user trips over (issue 15)', () => {
  it('sweep --steps that does not divide the range suggests step counts that do', () => {
    const result = runCli(['sweep', 'scenarios/adults-slip-25.yaml', '--vary', 'adults-slip', '--from', '0%', '--to', '100%', '--steps', '3']);
    expect(result).toMatchObject({ status: 2, stdout: '' });
    expect(result.stderr).toBe('fn-model: --steps 3 does not divide the range 0% to 100% into equal exact steps; try --steps 2, 4 or 5\n');
    // each suggestion is accepted
    for (const steps of ['2', '4', '5']) {
      expect(runCli(['sweep', 'scenarios/adults-slip-25.yaml', '--vary', 'adults-slip', '--from', '0%', '--to', '100%', '--steps', steps, '--format', 'json']).status).toBe(0);
    }
  });

  it('simulate without --threshold prints whole pounds, the cost underspend too, and says how to get a probability', () => {
    const result = runCli(['simulate', 'scenarios/delivery-risk.yaml', '--runs', '2000', '--seed', '7']);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('(£, to the nearest £1)');
    expect(result.stdout).toMatch(/│ Combined adverse movement │ +908,000 │ 2,208,179 │/);
    expect(result.stdout).toMatch(/│ Cost underspend +│ +454,000 │/);
    expect(result.stdout).not.toMatch(/\d\.\d{3}\b/);
    expect(result.stdout).toContain('add --threshold AMOUNT in £000');
    const json = JSON.parse(runCli(['simulate', 'scenarios/delivery-risk.yaml', '--runs', '2000', '--seed', '7', '--format', 'json']).stdout);
    expect(json.statistics.map((item: { figure: string }) => item.figure)).toEqual(['combined-adverse-movement', 'savings-shortfall', 'cost-underspend']);
    expect(json.statistics[2]).toMatchObject({ withoutDrivers: '454', mean: '384.2597174' });
  });

  it('tornado groups the drivers with no effect in one row, named beneath the table', () => {
    const result = runCli(['tornado', 'scenarios/adults-slip-25.yaml']);
    expect(result.stdout).toContain('│    – │ no effect (7 drivers)          │ 75% │ 125% │        2,229.75 │         2,229.75 │         0 │');
    expect(result.stdout).toContain('No effect (swing 0, combined adverse movement stays 2,229.75): brp-savings/BRR08, brp-savings/BRR10, brp-savings/BRR18, brp-savings/BRR20, brp-savings/BRR21, brp-savings/BRR45, brp-savings/BRR46.');
    expect(result.stdout).not.toContain('│   10 │');
    // JSON still lists every driver
    expect(JSON.parse(runCli(['tornado', 'scenarios/adults-slip-25.yaml', '--format', 'json']).stdout).drivers).toHaveLength(16);
  });
});
