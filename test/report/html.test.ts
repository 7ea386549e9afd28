/**
 * The committee report's HTML without a browser: self-contained (no external
 * references), accessible markup, and the embedded JSON equal to `--format json`.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fn-model-html-'));
const FROM = 'data/march-2021';
const TO = 'test/fixtures/snapshots/april-2021-test';

function report(name: string, args: string[]): string {
  const file = join(dir, name);
  const result = runCli(['report', ...args, '-o', file]);
  expect(result).toMatchObject({ status: 0, stderr: '', stdout: '' });
  return readFileSync(file, 'utf8');
}

describe('report.html', () => {
  const html = report('report.html', ['--data', TO, '--from', FROM]);
  const json = JSON.parse(report('report.json', ['--data', TO, '--from', FROM]));

  it('is self-contained: no scripts to run, no stylesheets, images, fonts or frames to fetch', () => {
    const withoutNamespaces = html.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]*"/g, '');
    expect(withoutNamespaces).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\(/i);
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="report-data">']);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it('writes the JSON recorded in test/golden/expected/report.movement.json (UPDATE_GOLDEN=1 to regenerate, then review)', () => {
    const text = readFileSync(join(dir, 'report.json'), 'utf8');
    const expected = join(ROOT, 'test', 'golden', 'expected', 'report.movement.json');
    if (process.env.UPDATE_GOLDEN) writeFileSync(expected, text);
    expect(text).toBe(readFileSync(expected, 'utf8'));
  });

  it('embeds exactly the JSON of the same inputs', () => {
    const embedded = /<script type="application\/json" id="report-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(JSON.parse(embedded)).toEqual(json);
  });

  it('has real tables with captions and header cells, charts with titles and text alternatives, and A4 print CSS', () => {
    expect(html.match(/<table\b/g)!.length).toBe((html.match(/<caption>/g) ?? []).length);
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row"');
    expect(html.match(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+"/g)).toHaveLength(2);
    expect(html.match(/<figcaption>/g)).toHaveLength(2);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
  });

  it('has a diagnosis section on the bundled data: the likeliest correction and the headline under each reading', () => {
    const bundled = report('bundled.html', []);
    expect(bundled).toContain('<h2 id="diagnosis-heading">Diagnosis: which stated cells are likeliest wrong</h2>');
    expect(bundled).toContain('brp-savings.BRR09.outturn 1,065 → 1,085');
    expect(bundled).toContain('Combined adverse movement: £0.888m under the likeliest correction, £0.908m from the lines as stated, £0.888m as published.');
  });

  it('marks the published discrepancies (bold, boxed, with !)', () => {
    expect(html).toContain('<td class="num flagged" title="stated figure differs from its line items"><strong>(270)!</strong>');
    expect((html.match(/class="num flagged"/g) ?? []).length).toBe(8);
  });

  it('shows the headline figures of the JSON', () => {
    expect(html).toContain(`data-figure="combined-adverse-movement" data-value="${json.variance.combined.computed}" data-published="${json.variance.combined.published}"`);
    expect(html).toContain(`data-figure="movement-change" data-value="${json.movement.bridge.change}"`);
  });
});

describe('fn-model report: usage', () => {
  it('-o is required', () => {
    const result = runCli(['report']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("fn-model: required option '-o, --output <file>' not specified\n");
  });

  it('an unwritable -o is one line, exit 2', () => {
    const result = runCli(['report', '-o', '/no-such-dir/report.html']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^fn-model: ENOENT[^\n]*\n$/);
  });

  it('PDF without a launchable Chromium is one line, exit 2, and no file', () => {
    const out = join(dir, 'no-browser.pdf');
    const result = runCli(['report', '-o', out], { env: { FN_MODEL_CHROMIUM: '/no-such/chromium' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^fn-model: cannot print the PDF with Chromium \([^\n]*\); install chromium or set FN_MODEL_CHROMIUM, or write HTML instead\n$/);
    expect(existsSync(out)).toBe(false);
  });

  it('help has examples', () => {
    expect(runCli(['report', '--help']).stdout).toContain('$ fn-model report --data april/ --from march/ -o report.pdf');
  });
});
