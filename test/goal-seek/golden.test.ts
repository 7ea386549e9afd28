/**
 * `fn-model goal-seek` through the built CLI on the bundled March 2021 dataset: golden
 * output, the worked example of docs/what-if.md checked by hand, exit 1 when the target
 * cannot be reached, and one located line with exit 2 for each class of bad input.
 * Regenerate on purpose only: `UPDATE_GOLDEN=1 npx vitest run test/goal-seek`, then review the diff.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { golden as goldenOutput } from '../support/golden.js';

const EXPECTED = join(ROOT, 'test', 'goal-seek', 'expected');
const golden = (name: string, args: string[]): void => goldenOutput(EXPECTED, name, args);
const ADULTS = ['goal-seek', 'scenarios/adults-slip-25.yaml', '--vary', 'adults-slip'];

describe('goal-seek: golden output', () => {
  golden('adults-1500.txt', [...ADULTS, '--target', '1,500']);
  golden('adults-1500.json', [...ADULTS, '--target', '£1.5m', '--format', 'json']);
  golden('adults-1500.csv', [...ADULTS, '--target', '1500', '--format', 'csv']);
  golden('adults-1500.md', [...ADULTS, '--target', '1500', '--format', 'markdown']);
  golden('brp-shortfall-1400.txt', ['goal-seek', 'scenarios/brp-savings-slip-10.yaml', '--vary', 'brp-slip', '--target', '1,400', '--measure', 'shortfall']);
  golden('brr-amount.json', ['goal-seek', 'test/goal-seek/fixtures/brr-amount.yaml', '--vary', 'brr-amount', '--target', '1,380', '--measure', 'shortfall', '--format', 'json']);
});

describe('the worked example (docs/what-if.md), by hand from the March 2021 tables', () => {
  // Combined = 908 + share × Adults outturn 5,287, so 1,500 needs share = 592/5,287 = 0.1119727…
  const report = JSON.parse(runCli([...ADULTS, '--target', '1,500', '--format', 'json']).stdout);
  it('solves 908 + 5,287 × share = 1,500 exactly: 592/5287, rounded down to 0.111972', () => {
    expect(report).toMatchObject({
      target: '1500', measure: 'combined', reachable: true,
      solution: { exact: '592/5287', value: '0.111972', unit: 'share' },
      range: { low: '908', high: '6195' },
    });
  });
  it('checks both rounded values through scenario run: 908 + 5,287 × 0.111972 = 1,499.995964 < 1,500 ≤ 1,500.001251', () => {
    expect(report.check).toEqual({ below: { value: '0.111972', measure: '1499.995964' }, atOrAbove: { value: '0.111973', measure: '1500.001251' } });
  });
  it('agrees with scenario run at the rounded values (the same engine, not a copy)', () => {
    // 0.111973 × 5,287 = 592.001251; a scenario file with that share is what sweep runs.
    const sweep = JSON.parse(runCli(['sweep', 'scenarios/adults-slip-25.yaml', '--vary', 'adults-slip', '--from', '11.1972%', '--to', '11.1973%', '--steps', '1', '--format', 'json']).stdout);
    expect(sweep.rows.map((row: { figures: Record<string, string> }) => row.figures['combined-adverse-movement'])).toEqual([report.check.below.measure, report.check.atOrAbove.measure]);
  });
  it('an amount: BRR04 and BRR06 each slip m, so shortfall 1,362 + 2m = 1,380 at m = 9 (domain 0 to 14, BRR06\'s outturn)', () => {
    const amount = JSON.parse(runCli(['goal-seek', 'test/goal-seek/fixtures/brr-amount.yaml', '--vary', 'brr-amount', '--target', '1,380', '--measure', 'shortfall', '--format', 'json']).stdout);
    expect(amount).toMatchObject({ solution: { exact: '9/1', value: '9', unit: 'amount' }, domain: { low: '0', high: '14' }, range: { low: '1362', high: '1390' } });
    expect(amount.check).toEqual({ below: { value: '8.999', measure: '1379.998' }, atOrAbove: { value: '9', measure: '1380' } });
  });
});

describe('goal-seek: a target outside the range is exit 1, with the range', () => {
  it('above the range: says so with the range over 0% to 100%; solution null', () => {
    const result = runCli([...ADULTS, '--target', '10,000', '--format', 'json']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('fn-model: target 10,000 cannot be reached: combined adverse movement ranges from 908 to 6,195 (£000) over 0% to 100%\n');
    expect(JSON.parse(result.stdout)).toMatchObject({ reachable: false, status: 'out-of-range', solution: null, check: null, range: { low: '908', high: '6195' } });
  });
  it('already passed at 0%: says that too', () => {
    const result = runCli([...ADULTS, '--target', '500']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('fn-model: target 500 is already passed at 0% (combined adverse movement 908) and is not reached again: combined adverse movement ranges from 908 to 6,195 (£000) over 0% to 100%\n');
    expect(result.stdout).toContain('none: already passed at the start');
  });
  it('exactly the measure at 0%: solved at 0', () => {
    const result = runCli([...ADULTS, '--target', '908', '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ solution: { exact: '0/1', value: '0' }, check: { below: null, atOrAbove: { value: '0', measure: '908' } } });
  });
});

describe('goal-seek: bad input is one located line, exit 2', () => {
  const cases: [string, string[], string][] = [
    ['unknown adjustment', ['goal-seek', 'scenarios/adults-slip-25.yaml', '--vary', 'nope', '--target', '1500'],
      'fn-model: --vary nope: scenarios/adults-slip-25.yaml has no such adjustment (choose one of: adults-slip)\n'],
    ['target not a number', [...ADULTS, '--target', '1,5OO'],
      'fn-model: --target "1,5OO": not an amount; give £000 (1,500 or £1,500) or £m with an m suffix (£1.5m)\n'],
    ['a scenario with drivers only (no share or amount to vary)', ['goal-seek', 'scenarios/delivery-risk.yaml', '--vary', 'adults-slippage', '--target', '1500'],
      'fn-model: scenarios/delivery-risk.yaml:1:1: no adjustments to vary (goal-seek solves for one adjustment\'s share or amount; drivers are for simulate and tornado)\n'],
    ['an outturn scale (not a share or amount)', ['goal-seek', 'test/goal-seek/fixtures/outturn-scale.yaml', '--vary', 'staff-costs', '--target', '1000'],
      'fn-model: test/goal-seek/fixtures/outturn-scale.yaml:8:12: goal-seek varies a share or an amount; adjustment staff-costs is an outturn scale (vary a slip or reclassify adjustment written with share: or amount:)\n'],
    ['unknown measure', [...ADULTS, '--target', '1500', '--measure', 'deficit'],
      'fn-model: option \'--measure <measure>\' argument \'deficit\' is invalid. Allowed choices are combined, shortfall, underspend.\n'],
    ['missing target', [...ADULTS],
      'fn-model: required option \'--target <amount>\' not specified\n'],
    ['scenario file not found', ['goal-seek', 'nope.yaml', '--vary', '1', '--target', '1500'], 'fn-model: nope.yaml: not found\n'],
  ];
  for (const [name, args, expected] of cases) {
    it(name, () => {
      const result = runCli(args);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(expected);
      expect(result.status).toBe(2);
    });
  }
});

describe('goal-seek --help', () => {
  it('has an example', () => {
    const result = runCli(['goal-seek', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('$ fn-model goal-seek scenarios/adults-slip-25.yaml --vary adults-slip --target 1,500');
  });
});
