/**
 * Real-browser tests of the committee report: Debian's chromium driven by playwright-core
 * (the system browser; nothing is downloaded). The report is opened from a file:// URL,
 * as from a USB stick. Skips, saying why, only if Chromium cannot be launched at all.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withChromium } from '../../src/io/chromium.js';
import { ROOT, runCli } from '../support/run-cli.js';
import { temporaryFolder } from '../support/temp-folders.js';

const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const FROM = 'data/march-2021';
const TO = 'test/fixtures/snapshots/april-2021-test';

async function chromiumProblem(): Promise<string | undefined> {
  try {
    await withChromium(async (context) => { await context.newPage(); });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

const problem = await chromiumProblem();
if (problem) console.warn(`SKIPPING browser tests: Chromium cannot be launched: ${problem}`);

interface PageFindings {
  readonly consoleErrors: string[];
  readonly requests: string[];
  readonly charts: { id: string; svgChildren: number; texts: number; title: string; desc: string }[];
  readonly figures: Record<string, string>;
  readonly embedded: unknown;
  readonly tables: number;
  readonly headerCells: number;
}

/** The value at a dot-separated path of the report JSON (`simulation.statistics.0.percentiles.P50`). */
function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

async function openReport(html: string, screenshot: string, sections: readonly string[] = []): Promise<PageFindings> {
  return withChromium(async (context) => {
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    const url = pathToFileURL(html).href;
    page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => { if (request.url() !== url) requests.push(request.url()); });
    await page.goto(url, { waitUntil: 'load' });
    await page.setViewportSize({ width: 1200, height: 1600 });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, screenshot) });
    for (const section of sections) await page.locator(`#${section}`).screenshot({ path: join(ARTIFACTS, screenshot.replace(/first-page\.png$/, `${section}.png`)) });
    // The same page as a greyscale printer would see it, for a person to check by eye.
    await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
    await page.screenshot({ path: join(ARTIFACTS, screenshot.replace(/\.png$/, '.greyscale.png')), fullPage: true });
    const findings = await page.evaluate(() => ({
      charts: [...document.querySelectorAll('figure.chart')].map((figure) => {
        const svg = figure.querySelector('svg');
        return {
          id: figure.getAttribute('data-chart') ?? '',
          svgChildren: svg ? svg.querySelectorAll('path, rect, line').length : 0,
          texts: svg ? [...svg.querySelectorAll('text')].filter((text) => (text.textContent ?? '').trim() !== '').length : 0,
          title: svg?.querySelector('title')?.textContent ?? '',
          desc: svg?.querySelector('desc')?.textContent ?? '',
        };
      }),
      figures: Object.fromEntries([...document.querySelectorAll('[data-figure]')].map((node) => [node.getAttribute('data-figure'), node.getAttribute('data-value')])),
      embedded: JSON.parse(document.getElementById('report-data')?.textContent ?? 'null'),
      tables: document.querySelectorAll('table').length,
      headerCells: document.querySelectorAll('table thead th[scope=col]').length,
    }));
    return { consoleErrors, requests, ...findings } as PageFindings;
  });
}

describe.skipIf(problem !== undefined)('report.html in Chromium', () => {
  const dir = temporaryFolder('fn-model-report-');

  it('with --from: no console errors, no network, both charts drawn, headline equals the JSON of the same inputs', async () => {
    const html = join(dir, 'report.html');
    const json = join(dir, 'report.json');
    expect(runCli(['report', '--data', TO, '--from', FROM, '-o', html])).toMatchObject({ status: 0, stderr: '' });
    expect(runCli(['report', '--data', TO, '--from', FROM, '-o', json])).toMatchObject({ status: 0, stderr: '' });
    const expected = JSON.parse(readFileSync(json, 'utf8'));
    const page = await openReport(html, 'report-movement-first-page.png');

    expect(page.consoleErrors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.charts.map((chart) => chart.id)).toEqual(['headline-waterfall', 'movement-bridge']);
    for (const chart of page.charts) {
      expect(chart.svgChildren).toBeGreaterThan(5);
      expect(chart.texts).toBeGreaterThan(5);
      expect(chart.title).not.toBe('');
    }
    expect(page.embedded).toEqual(expected);
    expect(page.figures).toEqual({
      'cost-underspend': expected.variance.costs.variance,
      'savings-shortfall': expected.variance.savings.variance,
      'combined-adverse-movement': expected.variance.combined.computed,
      'movement-change': expected.movement.bridge.change,
    });
    expect(page.figures['combined-adverse-movement']).toBe('629');
    expect(page.figures['movement-change']).toBe('-279');
    expect(page.charts[1]!.desc).toContain('NCC transformation: savings: +200');
    expect(page.tables).toBeGreaterThan(10);
    expect(page.headerCells).toBeGreaterThan(50);
  });

  it('with --scenario and --simulate: four charts drawn, no console errors or network, scenario and simulation figures equal the JSON', async () => {
    const args = ['--data', TO, '--from', FROM, '--scenario', 'scenarios/adults-slip-25.yaml', 'scenarios/partly-deliverable-lost.yaml', '--simulate', 'scenarios/delivery-risk.yaml', '--threshold', '1000'];
    const html = join(dir, 'scenarios.html');
    const json = join(dir, 'scenarios.json');
    expect(runCli(['report', ...args, '-o', html])).toMatchObject({ status: 0, stderr: '' });
    expect(runCli(['report', ...args, '-o', json])).toMatchObject({ status: 0, stderr: '' });
    const expected = JSON.parse(readFileSync(json, 'utf8'));
    const page = await openReport(html, 'report-scenarios-first-page.png', ['scenarios', 'simulation']);

    expect(page.consoleErrors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.charts.map((chart) => chart.id)).toEqual(['headline-waterfall', 'movement-bridge', 'scenario-tornado', 'simulation-histogram']);
    for (const chart of page.charts) {
      expect(chart.svgChildren, chart.id).toBeGreaterThan(5);
      expect(chart.texts, chart.id).toBeGreaterThan(5);
      expect(chart.title, chart.id).not.toBe('');
      expect(chart.desc, chart.id).toBe(expected.charts.find((item: { id: string }) => item.id === chart.id).description);
    }
    expect(page.embedded).toEqual(expected);
    const located = Object.entries(page.figures).filter(([path]) => path.startsWith('scenarios.') || path.startsWith('simulation.'));
    expect(located.length).toBeGreaterThan(100);
    for (const [path, value] of located) expect(String(at(expected, path)), path).toBe(value);
    const combined = expected.simulation.statistics[0];
    for (const p of ['P10', 'P50', 'P90']) expect(page.figures[`simulation.statistics.0.percentiles.${p}`]).toBe(combined.percentiles[p]);
    expect(page.figures['scenarios.comparison.scenarios.0.figures.combined-adverse-movement']).toBe(expected.scenarios.comparison.scenarios[0].figures['combined-adverse-movement']);
    expect(page.figures['scenarios.tornado.drivers.0.swing']).toBe(expected.scenarios.tornado.drivers[0].swing);
    expect(page.figures['combined-adverse-movement']).toBe('629');
  });

  it('without --from: the headline chart only, headline 454 / 1,362 / 908 as in the JSON', async () => {
    const html = join(dir, 'march.html');
    expect(runCli(['report', '-o', html])).toMatchObject({ status: 0, stderr: '' });
    const expected = JSON.parse(runCli(['report', '--format', 'json', '-o', join(dir, 'march.json')]).stdout || readFileSync(join(dir, 'march.json'), 'utf8'));
    const page = await openReport(html, 'report-first-page.png');
    expect(page.consoleErrors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.charts.map((chart) => chart.id)).toEqual(['headline-waterfall']);
    expect(page.charts[0]!.desc).toContain('Combined (computed): 908');
    expect(page.figures).toEqual({ 'cost-underspend': '454', 'savings-shortfall': '1362', 'combined-adverse-movement': '908' });
    expect(expected.variance.combined).toEqual({ computed: '908', published: '888' });
    expect(expected.movement).toBeNull();
  });
});
