/**
 * The committee report's returns section (`report --returns`): the JSON carries exactly
 * `returns --format json`, the page has the section, its table and a net-benefit bar chart
 * that renders (Vega, no browser) with every project's figure; without --returns, none.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeReport } from '../../src/engine/index.js';
import { loadProgramme } from '../../src/load/index.js';
import { RETURNS_COLOURS, returnsChart } from '../../src/render/charts/returns.js';
import { renderSvg } from '../../src/render/charts/svg.js';
import { runCli } from '../support/run-cli.js';

const folder = mkdtempSync(join(tmpdir(), 'fn-model-returns-report-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('report --returns', () => {
  it('JSON: returns is exactly `returns --basis outturn --format json`, and the chart is listed with every project\'s net benefit', () => {
    const result = runCli(['report', '--returns', 'outturn', '-o', join(folder, 'report.json')]);
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8'));
    expect(report.returns).toEqual(JSON.parse(runCli(['returns', '--basis', 'outturn', '--format', 'json']).stdout));
    expect(report.charts.map((chart: { id: string }) => chart.id)).toEqual(['headline-waterfall', 'returns-net-benefit']);
    expect(report.charts[1].description).toContain('BRR09: 13,850; BRR10: (190); BRR18: (2,650)');
  });
  it('HTML: a returns section with the chart and the table, figures matching the JSON', () => {
    expect(runCli(['report', '--returns', '-o', join(folder, 'report.html')]).status).toBe(0);
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(html).toContain('<section id="returns"');
    expect(html).toContain('id="chart-returns-net-benefit"');
    expect(html).toContain('<table id="table-returns"');
    expect(html).toContain('data-figure="returns.programme.net" data-value="21619"');
    expect(html).toContain('data-figure="returns.projects.0.net" data-value="1830"');
  });
  it('without --returns: returns is null and there is no section', () => {
    expect(runCli(['report', '-o', join(folder, 'plain.json')]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(folder, 'plain.json'), 'utf8')).returns).toBeNull();
  });
  it('the chart renders to SVG: one bar per project, each labelled with its exact net benefit', async () => {
    const returns = composeReport(await loadProgramme('data/march-2021'), { returns: 'budget' }).returns!;
    const svg = await renderSvg(returnsChart(returns).spec());
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of ['1,830', '13,600', '(190)', '(2,650)', '7,233']) expect(svg).toContain(`>${label}</text>`);
    expect((svg.match(/<path\b/g) ?? []).length).toBeGreaterThanOrEqual(returns.projects.length);
    expect(Object.keys(RETURNS_COLOURS)).toEqual(['Net benefit', 'Net cost']);
  });
});
