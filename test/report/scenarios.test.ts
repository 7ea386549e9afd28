/**
 * `fn-model report --scenario … --simulate …` without a browser: the report's scenario
 * and simulation JSON is exactly what `scenario run`, `tornado` and `simulate` write for
 * the same inputs; the page embeds that JSON and every located figure on it equals the
 * JSON; the same seed gives byte-identical HTML.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amountOf, formatAmount } from '../../src/money/index.js';
import { ROOT, runCli } from '../support/run-cli.js';
import { temporaryFolder } from '../support/temp-folders.js';

const dir = temporaryFolder('fn-model-report-scenarios-');
const SCENARIOS = ['scenarios/adults-slip-25.yaml', 'scenarios/partly-deliverable-lost.yaml'];
const SIMULATE = 'scenarios/delivery-risk.yaml';
const ARGS = ['--scenario', ...SCENARIOS, '--simulate', SIMULATE, '--threshold', '1000'];

function write(name: string, args: readonly string[]): string {
  const file = join(dir, name);
  const result = runCli(['report', ...args, '-o', file]);
  expect(result).toMatchObject({ status: 0, stderr: '', stdout: '' });
  return readFileSync(file, 'utf8');
}

function json(args: readonly string[]): unknown {
  const result = runCli(args);
  expect(result).toMatchObject({ status: 0, stderr: '' });
  return JSON.parse(result.stdout);
}

/** The value at a dot-separated path (`simulation.statistics.0.percentiles.P50`). */
function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

describe('report with --scenario and --simulate', () => {
  const html = write('report.html', ARGS);
  const text = write('report.json', ARGS);
  const report = JSON.parse(text);

  it('writes the JSON recorded in test/golden/expected/report.scenarios.json (UPDATE_GOLDEN=1 to regenerate, then review)', () => {
    const expected = join(ROOT, 'test', 'golden', 'expected', 'report.scenarios.json');
    if (process.env.UPDATE_GOLDEN) writeFileSync(expected, text);
    expect(text).toBe(readFileSync(expected, 'utf8'));
  });

  it('scenarios.comparison is exactly `scenario run FILES --format json`; scenarios.tornado exactly `tornado FIRST --format json`', () => {
    expect(report.scenarios.comparison).toEqual(json(['scenario', 'run', ...SCENARIOS, '--format', 'json']));
    expect(report.scenarios.tornado).toEqual(json(['tornado', SCENARIOS[0]!, '--format', 'json']));
    expect(report.scenarios.comparison.scenarios.map((item: { name: string }) => item.name)).toEqual(['adults-slip-25', 'partly-deliverable-lost']);
  });

  it('simulation is exactly `simulate FILE --runs 2000 --seed 1 --threshold 1000 --format json`, plus the histogram', () => {
    const { histogram, ...simulation } = report.simulation;
    expect(simulation).toEqual(json(['simulate', SIMULATE, '--runs', '2000', '--seed', '1', '--threshold', '1000', '--format', 'json']));
    expect(simulation).toMatchObject({ runs: 2000, seed: 1, prng: 'xoroshiro128plus (pure-rand 8.4.2)', threshold: '1000' });
    const bins: { from: string; to: string; runs: number }[] = histogram.bins;
    expect(bins.reduce((total, bin) => total + bin.runs, 0)).toBe(2000);
    bins.slice(1).forEach((bin, index) => expect(bin.from).toBe(bins[index]!.to));
    const combined = simulation.statistics[0];
    expect(Number(bins[0]!.from)).toBeLessThanOrEqual(Number(combined.min));
    expect(Number(bins.at(-1)!.to)).toBeGreaterThan(Number(combined.max));
  });

  it('lists the charts in page order (no bridge without --from), with text alternatives', () => {
    expect(report.charts.map((chart: { id: string }) => chart.id)).toEqual(['headline-waterfall', 'scenario-tornado', 'simulation-histogram']);
    const [, tornado, histogram] = report.charts;
    expect(tornado.description).toContain('ncc-savings/Adults: swing 1,982.625 (3,221.0625 at 75%, 1,238.4375 at 125%)');
    expect(histogram.description).toContain(`P50 ${formatAmount(amountOf(report.simulation.statistics[0].percentiles.P50), { places: 3 })}`);
  });

  it('embeds exactly the JSON, and every located figure on the page equals the JSON at its path', () => {
    const embedded = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(embedded)).toEqual(report);
    const located = [...html.matchAll(/data-figure="([^"]+)" data-value="([^"]*)"/g)].map((match) => [match[1]!.replaceAll('&#39;', "'"), match[2]!] as const);
    const paths = located.map(([path]) => path);
    // drivers 9–15 have zero swing: one "no effect" row, located at driver 9 (issue 15)
    for (const prefix of ['scenarios.comparison.base.figures.', 'scenarios.comparison.scenarios.1.change.', 'scenarios.tornado.drivers.9.swing', 'simulation.statistics.0.percentiles.P50', 'simulation.statistics.2.percentiles.P50', 'simulation.statistics.1.probability', 'simulation.histogram.bins.0.runs']) {
      expect(paths.some((path) => path.startsWith(prefix)), prefix).toBe(true);
    }
    for (const [path, value] of located) {
      if (['cost-underspend', 'savings-shortfall', 'combined-adverse-movement'].includes(path)) continue;
      expect(String(at(report, path)), path).toBe(value);
    }
    expect(located.length).toBeGreaterThan(100);
  });

  it('is accessible: a table per caption, an SVG with role, title and desc and a figcaption per chart', () => {
    expect(html.match(/<table\b/g)!.length).toBe((html.match(/<caption>/g) ?? []).length);
    expect(html.match(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/g)).toHaveLength(3);
    expect(html.match(/<figcaption>/g)).toHaveLength(3);
    expect(html).toContain('<h2 id="scenarios-heading">What-if scenarios</h2>');
    expect(html).toContain('<h2 id="simulation-heading">Simulation: delivery-risk</h2>');
    expect(html).toContain('Runs: <strong data-setting="runs">2000</strong>; seed: <strong data-setting="seed">1</strong>; PRNG: <strong data-setting="prng">xoroshiro128plus (pure-rand 8.4.2)</strong>');
  });

  it('the same seed gives byte-identical HTML; another seed does not', () => {
    expect(write('again.html', ARGS)).toBe(html);
    expect(write('seed-2.html', [...ARGS, '--seed', '2'])).not.toBe(html);
  });
});

describe('report --scenario / --simulate: usage', () => {
  it('--simulate with a file that declares no drivers is one line, exit 2', () => {
    const result = runCli(['report', '--simulate', 'scenarios/adults-slip-25.yaml', '-o', join(dir, 'no-drivers.html')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('fn-model: scenarios/adults-slip-25.yaml declares no drivers to simulate (add a "drivers:" list; see docs/scenarios.md)\n');
  });

  it('a bad scenario file is reported at its location, exit 2', () => {
    const result = runCli(['report', '--scenario', 'test/scenarios/fixtures/unknown-line.yaml', '-o', join(dir, 'bad.html')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^fn-model: test\/scenarios\/fixtures\/unknown-line\.yaml:\d+:\d+: /);
  });

  it('--runs and --seed are checked as for simulate', () => {
    const result = runCli(['report', '--simulate', SIMULATE, '--runs', '0', '-o', join(dir, 'x.html')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--runs');
  });

  it('help has the scenario and simulation example', () => {
    expect(runCli(['report', '--help']).stdout).toContain('$ fn-model report --scenario scenarios/adults-slip-25.yaml scenarios/partly-deliverable-lost.yaml');
  });
});
