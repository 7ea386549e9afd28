/**
 * `fn-model returns`: golden output on the bundled March 2021 dataset (figures checked by
 * hand against the published BRP tables), the rules on small programmes (a line in one
 * table only, a nil investment, negative figures, payback), a fast-check property (the
 * projects' net benefits sum to the programme row) and bad input through the real CLI.
 * Regenerate on purpose only: `UPDATE_GOLDEN=1 npx vitest run test/returns`, then review the diff.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, ZERO } from '../../src/money/index.js';
import { computeReturns } from '../../src/engine/index.js';
import { returnsAsJsonValue } from '../../src/render/returns.js';
import { programmeOf, type LineRow } from '../support/programme.js';
import { ROOT, runCli } from '../support/run-cli.js';
import { golden as goldenOutput } from '../support/golden.js';

const EXPECTED = join(ROOT, 'test', 'returns', 'expected');
const golden = (name: string, args: string[]): void => goldenOutput(EXPECTED, name, args);

describe('returns: golden output', () => {
  golden('returns.txt', ['returns']);
  golden('returns.json', ['returns', '--format', 'json']);
  golden('returns.csv', ['returns', '--format', 'csv']);
  golden('returns.md', ['returns', '--format', 'markdown']);
  golden('returns-outturn.txt', ['returns', '--basis', 'outturn']);
});

describe('returns on the March 2021 tables, by hand', () => {
  const report = JSON.parse(runCli(['returns', '--format', 'json']).stdout);
  const project = (line: string) => report.projects.find((item: { line: string }) => item.line === line);
  it('BRR04: investment 16 + 120 + 334 = 470, savings 0 + 281 + 2,019 = 2,300, ratio 230/47 = 4.89, net 1,830, pays back in 2020/21 (281 ≥ 136)', () => {
    expect(project('BRR04')).toMatchObject({ name: 'CFN Improving Fostering', investment: '470', savings: '2300', ratio: { exact: '230/47', value: '4.89' }, net: '1830', payback: '2020/21', notes: [] });
  });
  it('BRR18: 5,650 invested, 3,000 saved: ratio 0.53, net (2,650), not within the horizon (null)', () => {
    expect(project('BRR18')).toMatchObject({ investment: '5650', savings: '3000', ratio: { exact: '60/113', value: '0.53' }, net: '-2650', payback: null });
  });
  it('the programme row sums the lines: 15,000 invested (as the TOTAL states), 36,619 saved, net 21,619, paid back in 2021/24', () => {
    expect(report.programme).toMatchObject({ investment: '15000', savings: '36619', ratio: { exact: '36619/15000', value: '2.44' }, net: '21619', payback: '2021/24' });
    expect(report.projects).toHaveLength(11);
  });
  it('--basis outturn: BRR46 with 2020/21 outturn 400 and 0 in place of budgets 859 and 718: investment 1,141, savings 8,115', () => {
    const outturn = JSON.parse(runCli(['returns', '--basis', 'outturn', '--format', 'json']).stdout);
    expect(outturn.basis).toBe('outturn');
    expect(outturn.projects.find((item: { line: string }) => item.line === 'BRR46')).toMatchObject({ investment: '1141', savings: '8115', net: '6974' });
    // Invested 4,459 + 5,687 + 4,662 = 14,808. Saved 1,626 + 1,382 + 32,747 = 35,755: the savings lines' outturns sum to
    // 215 + 14 + 1,065 + 88 = 1,382, not the 1,402 the TOTAL row states, and the lines are what count.
    expect(outturn.programme).toMatchObject({ investment: '14808', savings: '35755', net: '20947' });
  });
});

describe('returns: the rules', () => {
  const programme = programmeOf({
    'brp-investment': { lines: [['A', '100', '0', '0', '', '0', ''], ['B', '0', '0', '0', '', '0', ''], ['C', '50', '-10', '0', '', '-10', '']] },
    'brp-savings': { lines: [['A', '0', '40', '70', '', '40', ''], ['B', '0', '5', '0', '', '5', ''], ['D', '0', '0', '30', '', '0', '']] },
  });
  const report = returnsAsJsonValue(computeReturns(programme));
  it('a nil investment: ratio null, said so; never divided', () => {
    expect(report.projects[1]).toMatchObject({ line: 'B', ratio: null, payback: null, notes: ['investment is nil: return ratio undefined'] });
  });
  it('a line in one table only is kept, the other side nil, and named', () => {
    expect(report.projects.map((item) => item.line)).toEqual(['A', 'B', 'C', 'D']);
    expect(report.projects[2]!.notes).toEqual(['no brp-savings line C: savings taken as nil', 'negative investment (10) in 2020/21']);
    expect(report.projects[3]).toMatchObject({ investment: '0', savings: '30', notes: ['no brp-investment line D: investment taken as nil', 'investment is nil: return ratio undefined'] });
  });
  it('payback counts from the first period with investment: A pays back at the end of 2021/24 (110 ≥ 100), not 2020/21 (40 < 100)', () => {
    expect(report.projects[0]).toMatchObject({ investment: '100', savings: '110', ratio: { exact: '11/10', value: '1.10' }, payback: '2021/24' });
  });
  it('the programme row is every line: 140 invested, 145 saved, net 5', () => {
    expect(report.programme).toMatchObject({ investment: '140', savings: '145', net: '5' });
  });
});

describe('property: the projects\' net benefits sum to the programme row', () => {
  const amount = fc.integer({ min: -500, max: 5000 }).map(String);
  const row = (id: string) => fc.tuple(amount, amount, amount, amount).map(([a, b, c, outturn]): LineRow => [id, a, b, c, '', outturn, '']);
  const lines = fc.uniqueArray(fc.constantFrom('BRR01', 'BRR02', 'BRR03', 'BRR04', 'BRR05'), { maxLength: 5 }).chain((ids) => fc.tuple(...ids.map(row)));
  it('for either basis, with lines missing on either side and negative figures', () => {
    fc.assert(fc.property(lines, lines, fc.constantFrom<'budget' | 'outturn'>('budget', 'outturn'), (investment, savings, basis) => {
      const report = computeReturns(programmeOf({ 'brp-investment': { lines: investment }, 'brp-savings': { lines: savings } }), basis);
      const net = report.projects.reduce((total, item) => add(total, item.net), ZERO);
      expect(net.eq(report.total.net)).toBe(true);
      expect(report.projects.reduce((total, item) => add(total, item.investment), ZERO).eq(report.total.investment)).toBe(true);
      expect(report.projects).toHaveLength(new Set([...investment, ...savings].map((line) => line[0])).size);
      for (const item of report.projects) if (item.investment.isZero()) expect(item.ratio).toBeUndefined();
    }), { numRuns: 200 });
  });
});

describe('returns: bad input through the real CLI, exit 2', () => {
  it('an unknown basis', () => {
    const result = runCli(['returns', '--basis', 'forecast']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('fn-model: option \'--basis <basis>\' argument \'forecast\' is invalid. Allowed choices are budget, outturn.\n');
    expect(result.status).toBe(2);
  });
  it('a bad amount in the BRP savings table is located', () => {
    const result = runCli(['returns', '--data', 'test/fixtures/bad/bad-amount-text/data']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^fn-model: test\/fixtures\/bad\/bad-amount-text\/data\/[a-z-]+\.csv:\d+: column "[^"]+": "[^"]*" is not an amount\n$/);
    expect(result.status).toBe(2);
  });
  it('--help has an example', () => {
    expect(runCli(['returns', '--help']).stdout).toContain('$ fn-model returns --basis outturn --format json');
  });
});
