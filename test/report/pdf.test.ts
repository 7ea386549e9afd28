/**
 * `fn-model report -o report.pdf`: the same report printed to PDF by headless Chromium.
 * Checks the page count (pdfinfo) and that the text holds the headline figures
 * (pdftotext). Skips, saying why, only if Chromium cannot be launched or poppler-utils
 * is not installed (`.ci/run` installs both).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withChromium } from '../../src/io/chromium.js';
import { amountOf, formatAmount } from '../../src/money/index.js';
import { runCli } from '../support/run-cli.js';
import { temporaryFolder } from '../support/temp-folders.js';

async function missing(): Promise<string | undefined> {
  if (spawnSync('pdftotext', ['-v']).error) return 'pdftotext (poppler-utils) is not installed';
  try {
    await withChromium(async (context) => { await context.newPage(); });
    return undefined;
  } catch (error) {
    return `Chromium cannot be launched: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

/**
 * The headings of a report's HTML (h2, h3 and table captions), as text. Used to check that
 * no printed page ends with one: a heading orphaned at the foot of a page (issue 15).
 */
function headingsOf(html: string): string[] {
  const text = (inner: string) => inner.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ').trim();
  return [...html.matchAll(/<(h2|h3|caption)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => text(match[2]!));
}

/**
 * Pages (all but the last) whose last two lines of text include a heading or the start of
 * one (a long heading wraps): `page N: "text"`. Empty when every heading has content after
 * it on its page.
 */
function pagesEndingWithHeading(pdf: string, headings: readonly string[]): string[] {
  const pages = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.split('\f').slice(0, -1);
  const found: string[] = [];
  pages.slice(0, -1).forEach((page, index) => {
    const lines = page.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '');
    for (const line of lines.slice(-2)) {
      if (headings.some((heading) => heading === line || (line.length >= 12 && heading.startsWith(line)))) found.push(`page ${index + 1}: "${line}"`);
    }
  });
  return found;
}

const problem = await missing();
if (problem) console.warn(`SKIPPING PDF tests: ${problem}`);

describe.skipIf(problem !== undefined)('report.pdf', () => {
  it('prints the report with the movement bridge: A4 pages, headline and bridge figures in the text', () => {
    const dir = temporaryFolder('fn-model-pdf-');
    const pdf = join(dir, 'report.pdf');
    const result = runCli(['report', '--data', 'test/fixtures/snapshots/april-2021-test', '--from', 'data/march-2021', '-o', pdf]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(pages).toBeLessThanOrEqual(8);
    expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);

    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    for (const figure of ['£0.583m', '£1.212m', '£0.629m', '£0.609m', '£0.908m', '-£0.279m', '(279)']) expect(text).toContain(figure);
    expect(text).toContain('Movement since march-2021');
    // the three headline cards on one row on A4
    expect(text).toMatch(/Cost underspend +Savings shortfall +Combined adverse movement/);
    const html = join(dir, 'report.html');
    expect(runCli(['report', '--data', 'test/fixtures/snapshots/april-2021-test', '--from', 'data/march-2021', '-o', html]).status).toBe(0);
    expect(pagesEndingWithHeading(pdf, headingsOf(readFileSync(html, 'utf8')))).toEqual([]);
    expect(existsSync(join(dir, '.fn-model-tmp-report.pdf'))).toBe(false);
  });

  it('--format pdf for a name without an extension', () => {
    const dir = temporaryFolder('fn-model-pdf-');
    const out = join(dir, 'committee');
    expect(runCli(['report', '--format', 'pdf', '-o', out])).toMatchObject({ status: 0, stderr: '' });
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('£0.908m');
    expect(text).toContain('£0.454m');
  });
});

describe.skipIf(problem !== undefined)('report.pdf with --scenario and --simulate', () => {
  it('prints the scenario and simulation sections: A4 pages, the scenario names and the P50 in the text', () => {
    const dir = temporaryFolder('fn-model-pdf-');
    const pdf = join(dir, 'report.pdf');
    const json = join(dir, 'report.json');
    const args = ['--scenario', 'scenarios/adults-slip-25.yaml', 'scenarios/partly-deliverable-lost.yaml', '--simulate', 'scenarios/delivery-risk.yaml'];
    expect(runCli(['report', ...args, '-o', pdf])).toMatchObject({ status: 0, stderr: '' });
    expect(runCli(['report', ...args, '-o', json])).toMatchObject({ status: 0, stderr: '' });
    const report = JSON.parse(readFileSync(json, 'utf8'));

    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(12);
    expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);

    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    for (const name of ['adults-slip-25', 'partly-deliverable-lost', 'delivery-risk']) expect(text).toContain(name);
    const p50 = formatAmount(amountOf(report.simulation.statistics[0].percentiles.P50), { places: 3 });
    expect(text).toContain(`P50 ${p50}`);
    expect(text).toContain('What-if scenarios');
    // keep headings with their rows: before, page 1 ended with the tornado's heading and page 3 with "Discrepancies (8)"
    const html = join(dir, 'report.html');
    expect(runCli(['report', ...args, '-o', html]).status).toBe(0);
    const headings = headingsOf(readFileSync(html, 'utf8'));
    expect(headings).toContain('Which drivers matter most: tornado for adults-slip-25');
    expect(pagesEndingWithHeading(pdf, headings)).toEqual([]);
    expect(text).toContain('seed: 1');
  });
});
