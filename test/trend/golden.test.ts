/**
 * Golden tests for `fn-model trend` over the bundled generated series: `data/trend/`
 * (October 2020 to February 2021, TEST snapshots; see its README) and the bundled March
 * 2021 dataset as the last month. Then the documented behaviour and every bad-input
 * class through the real CLI: one located line, exit 2.
 * Regenerate on purpose only: `UPDATE_GOLDEN=1 npx vitest run test/trend`, then review the diff.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { golden as goldenOutput } from '../support/golden.js';

const EXPECTED = join(ROOT, 'test', 'golden', 'expected');
const SERIES = ['data/trend/2020-10', 'data/trend/2020-11', 'data/trend/2020-12', 'data/trend/2021-01', 'data/trend/2021-02', 'data/march-2021'];

const golden = (name: string, args: string[]): void => goldenOutput(EXPECTED, name, args);

describe('trend golden output, the six-month series ending March 2021', () => {
  golden('trend.table.txt', ['trend', ...SERIES]);
  golden('trend.json', ['trend', ...SERIES, '--format', 'json']);
  golden('trend.csv', ['trend', ...SERIES, '--format', 'csv']);
  golden('trend.md', ['trend', ...SERIES, '--format', 'markdown']);
});

describe('trend over the series: what the generated months say (data/trend/README.md)', () => {
  const report = JSON.parse(runCli(['trend', ...SERIES, '--format', 'json']).stdout);
  type Line = { line: string; firstMoved: string | null; added: string[]; removed: string[]; series: { month: string; status: string | null; position: { outturn: string } | null; change: { outturn: string } | null }[] };
  const line = (table: string, id: string): Line => report.tables.find((item: { id: string }) => item.id === table).lines.find((item: Line) => item.line === id);

  it('gives the combined adverse movement month by month, and its changes sum to last − first', () => {
    expect(report.months).toEqual(['2020-10', '2020-11', '2020-12', '2021-01', '2021-02', '2021-03']);
    expect(report.combined.series.map((point: { combined: string }) => point.combined)).toEqual(['3194', '2637', '2076', '1322', '1089', '908']);
    expect(report.combined.series.map((point: { change: string | null }) => point.change)).toEqual([null, '-557', '-561', '-754', '-233', '-181']);
    expect(report.combined.change).toBe('-2286');
    expect(report.combined.series.at(-1).published).toBe('888');
  });

  it('splits each month\'s change by table (the movement bridge between neighbouring months)', () => {
    const march = runCli(['movement', '--from', 'data/trend/2021-02', '--to', 'data/march-2021', '--format', 'json']);
    const bridge = JSON.parse(march.stdout).bridge.steps.map((step: { table: string; amount: string }) => ({ table: step.table, amount: step.amount }));
    expect(report.combined.series.at(-1).steps).toEqual(bridge);
  });

  it('knows when each line\'s forecast first moved, and names lines added and removed', () => {
    expect(line('fn-costs', 'Other Programme Costs').firstMoved).toBe('2020-11');
    expect(line('brp-savings', 'BRR46').firstMoved).toBe('2020-12');
    expect(line('brp-investment', 'BRR46').firstMoved).toBe('2021-01');
    expect(line('ncc-savings', 'Adults').firstMoved).toBeNull();
    expect(report.events).toEqual([
      { month: '2021-01', table: 'brp-savings', line: 'BRR26', name: 'CFN Workforce Programme', event: 'added' },
      { month: '2021-02', table: 'fn-costs', line: 'Interim Staff Costs', name: 'Interim Staff Costs', event: 'removed' },
    ]);
    const interim = line('fn-costs', 'Interim Staff Costs');
    expect(interim.series.map((point) => point.position?.outturn ?? null)).toEqual(['400', '400', '390', '380', null, null]);
    expect(interim.series.map((point) => point.status)).toEqual([null, 'unchanged', 'changed', 'changed', 'removed', 'absent']);
    expect(interim.series[4]!.change!.outturn).toBe('-380');
    expect(line('brp-savings', 'BRR26').added).toEqual(['2021-01']);
  });

  it('carries money only as decimal strings', () => {
    const numbers: string[] = [];
    JSON.stringify(report, (key, value) => {
      if (typeof value === 'number') numbers.push(key);
      return value;
    });
    expect(numbers).toEqual([]);
  });

  it('sorts snapshots by month, whatever order they are given in', () => {
    const shuffled = [SERIES[5]!, SERIES[2]!, SERIES[0]!, SERIES[4]!, SERIES[1]!, SERIES[3]!];
    expect(runCli(['trend', ...shuffled]).stdout).toBe(readFileSync(join(EXPECTED, 'trend.table.txt'), 'utf8'));
  });

  it('names the months no snapshot covers', () => {
    const gapped = JSON.parse(runCli(['trend', 'data/trend/2020-10', 'data/trend/2020-12', 'data/march-2021', '--format', 'json']).stdout);
    expect(gapped.gaps).toEqual(['2020-11', '2021-01', '2021-02']);
    expect(runCli(['trend', 'data/trend/2020-10', 'data/trend/2020-12', 'data/march-2021']).stdout)
      .toContain('No snapshot for 2020-11, 2021-01, 2021-02: the change shown in the month after a gap spans it.');
  });

  it('takes the months from --label, one per snapshot in the order given', () => {
    const labelled = JSON.parse(runCli(['trend', 'data/march-2021', 'test/fixtures/snapshots/april-2021-test', '--label', '2021-05', '--label', 'june-2021', '--format', 'json']).stdout);
    expect(labelled.snapshots.map((item: { month: string; monthFrom: string; name: string }) => `${item.month} ${item.monthFrom} ${item.name}`))
      .toEqual(['2021-05 label march-2021', '2021-06 label april-2021-test']);
    expect(labelled.combined.change).toBe('-279');
  });

  it('help has an example', () => {
    expect(runCli(['trend', '--help']).stdout).toContain('$ fn-model trend data/trend/');
  });
});

describe('trend: bad input is one located line, exit 2', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'fn-model-trend-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const refused = (args: string[], stderr: string, cwd?: string) => {
    const result = runCli(['trend', ...args], cwd ? { cwd } : {});
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  };

  it('fewer than two snapshots', () => {
    refused(['data/march-2021'], 'fn-model: a trend needs at least two snapshots, one per month; got 1 (data/march-2021)\n');
    refused([], "fn-model: missing required argument 'snapshot'\n");
  });

  it('a snapshot that does not load: not found, or a bad cell', () => {
    refused(['data/march-2021', 'data/2021-04'], 'fn-model: data/2021-04: not found\n');
    cpSync(join(ROOT, 'data', 'march-2021'), join(scratch, '2021-04'), { recursive: true });
    const file = join(scratch, '2021-04', 'brp-savings.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('BRR09,Adults Review of Target Operating Model,0,815,"13,185","14,000","1,065",(270)', 'BRR09,Adults Review of Target Operating Model,0,815,"13,185","14,000",1O65,(270)'));
    refused([join(ROOT, 'data', 'march-2021'), '2021-04'], 'fn-model: 2021-04/brp-savings.csv:5: column "outturn": "1O65" is not an amount\n', scratch);
  });

  it('two snapshots of the same month, by name or by label', () => {
    cpSync(join(ROOT, 'data', 'march-2021'), join(scratch, 'monitoring-2021-03'), { recursive: true });
    refused([join(ROOT, 'data', 'march-2021'), 'monitoring-2021-03'], `fn-model: monitoring-2021-03: month 2021-03 (from its name) is also the month of ${join(ROOT, 'data', 'march-2021')}: one snapshot per month\n`, scratch);
    refused(['data/trend/2021-02', 'data/march-2021', '--label', '2021-03', '--label', 'march-2021'],
      'fn-model: data/march-2021: month 2021-03 (from its label) is also the month of data/trend/2021-02: one snapshot per month\n');
  });

  it('a snapshot whose name gives no month, or two', () => {
    refused(['data/march-2021', 'data/ledger-sample'], 'fn-model: data/ledger-sample: no month in the name "ledger-sample": name it like 2021-03 or march-2021, or give --label\n');
    refused(['data/march-2021', 'reports/2020-12-vs-2021-01.xlsx'], 'fn-model: reports/2020-12-vs-2021-01.xlsx: the name "2020-12-vs-2021-01" gives more than one month (2020-12, 2021-01): give --label\n');
  });

  it('--label that is not a month, or not one per snapshot', () => {
    refused(['data/trend/2021-02', 'data/march-2021', '--label', '2021-13', '--label', '2021-03'],
      'fn-model: option \'--label <month>\' argument \'2021-13\' is invalid. "2021-13" is not one month (give e.g. 2021-03 or march-2021)\n');
    refused(['data/trend/2021-02', 'data/march-2021', '--label', '2021-03'], 'fn-model: 1 month label(s) for 2 snapshots: give one --label per snapshot, in the same order\n');
  });
});
