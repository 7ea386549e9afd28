/**
 * `fn-model report --trend SNAPSHOT...` through the real CLI: the trend section and its
 * line chart in the HTML, the same trend as `fn-model trend --format json` in the report
 * JSON, and bad trend input refused as one line, exit 2, with nothing written.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const SERIES = ['data/trend/2020-10', 'data/trend/2020-11', 'data/trend/2020-12', 'data/trend/2021-01', 'data/trend/2021-02', 'data/march-2021'];
const dir = mkdtempSync(join(tmpdir(), 'fn-model-trend-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function report(name: string, args: string[]): string {
  const file = join(dir, name);
  const result = runCli(['report', ...args, '-o', file]);
  expect(result).toMatchObject({ status: 0, stderr: '', stdout: '' });
  return readFileSync(file, 'utf8');
}

describe('report --trend', () => {
  const html = report('trend.html', ['--trend', ...SERIES]);
  const json = JSON.parse(report('trend.json', ['--trend', ...SERIES]));

  it('carries exactly the trend of `fn-model trend --format json`, and the chart\'s text alternative', () => {
    expect(json.trend).toEqual(JSON.parse(runCli(['trend', ...SERIES, '--format', 'json']).stdout));
    const chart = json.charts.find((item: { id: string }) => item.id === 'trend-series');
    expect(chart.title).toBe('Trend: combined adverse movement by month, 2020-10 to 2021-03 (£000)');
    expect(chart.description).toContain('2020-10: combined 3,194, savings shortfall 3,046, cost underspend (148); ');
    expect(chart.description).toContain('2021-03: combined 908, savings shortfall 1,362, cost underspend 454.');
  });

  it('draws the line chart as SVG with every month\'s combined figure as text, and the trend tables', () => {
    const section = html.slice(html.indexOf('<section id="trend"'), html.indexOf('</section>', html.indexOf('<section id="trend"')));
    expect(section).toContain('<h2 id="trend-heading">Trend, 2020-10 to 2021-03</h2>');
    expect(section).toContain('data-figure="trend.combined.change" data-value="-2286"');
    const svg = section.slice(section.indexOf('<svg'), section.indexOf('</svg>'));
    for (const figure of ['3,194', '2,637', '2,076', '1,322', '1,089', '908']) expect(svg).toContain(`>${figure}</text>`);
    expect(svg).toContain('>Combined adverse movement</text>');
    for (const id of ['combined-series', 'combined-steps', 'table-outturn', 'line-outturn-change', 'line-events']) expect(section).toContain(`<table id="table-${id}"`);
    expect(section).toContain('Interim Staff Costs');
  });

  it('without --trend the report has no trend (JSON null, no section)', () => {
    const plain = JSON.parse(report('plain.json', []));
    expect(plain.trend).toBeNull();
    expect(plain.charts.map((item: { id: string }) => item.id)).toEqual(['headline-waterfall']);
  });

  it('refuses bad trend input as one line, exit 2, writing nothing', () => {
    const refused = (args: string[], stderr: string) => {
      const result = runCli(['report', ...args, '-o', join(dir, 'never-written.html')]);
      expect(result.stderr).toBe(stderr);
      expect(result.status).toBe(2);
    };
    refused(['--trend', 'data/march-2021'], 'fn-model: a trend needs at least two snapshots, one per month; got 1 (data/march-2021)\n');
    refused(['--trend', 'data/trend/2021-02', 'data/march-2021', '--trend-label', '2021-03', '--trend-label', '2021-03'],
      'fn-model: data/march-2021: month 2021-03 (from its label) is also the month of data/trend/2021-02: one snapshot per month\n');
    refused(['--trend-label', '2021-03'], 'fn-model: --trend-label needs --trend SNAPSHOT...\n');
    expect(readdirSync(dir).filter((name) => name.startsWith('never-written'))).toEqual([]);
  });
});
