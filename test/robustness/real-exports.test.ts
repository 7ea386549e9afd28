/**
 * Inputs that real exports contain (issue 16), each through the real CLI on a committed
 * fixture in `test/fixtures/real-exports/` (refusals are in the bad-input corpus,
 * `test/fixtures/bad/`: `multiline-name-crlf`, `multiline-name-lf`,
 * `decimal-comma-without-option`, `text-amount-too-many-digits`):
 *
 * 1. display rounding is half away from zero (908.5 £000 → £0.909m), and the export's £m
 *    cells are `ROUND(…)` formulas caching what fn-model prints;
 * 2. CSV problems are located at physical lines (in the corpus);
 * 3. Excel's binary noise in numeric cells and cached results reads as Excel shows it;
 * 4. Excel's "Unicode Text" (UTF-16 LE/BE, tab-separated) is read, the delimiter told under
 *    `--debug` and forced by `--delimiter`;
 * 5. European Excel CSV (`sep=;`, `1.234,56`) is read with `--decimal-comma` and refused,
 *    saying so, without it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { sheetPaths, withNumberCell } from '../support/workbook-xml.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'real-exports');
const fixture = (name: string) => join(FIXTURES, name, 'data');
const work = mkdtempSync(join(tmpdir(), 'fn-model-real-exports-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The JSON report of `args`, with the dataset's path, name and row numbers left out so reports of copies compare. */
function figures(args: readonly string[]): { status: number | null; stderr: string; report: unknown } {
  const result = runCli([...args, '--format', 'json']);
  const report = result.stdout === '' ? undefined : JSON.parse(result.stdout, (key, value) => (key === 'path' || key === 'name' || key === 'file' || key === 'ref' || key === 'row' ? undefined : value));
  return { status: result.status, stderr: result.stderr, report };
}

const clean = figures(['variance']).report;

describe('1. one display rounding rule: half away from zero', () => {
  it('a combined adverse movement of 908.5 (£000) prints as £0.909m, a shortfall of 1,362.5 as £1.363m', () => {
    const table = runCli(['variance', '--data', fixture('half-up')]);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Combined impact (computed): £0.454m cost underspend offsetting a £1.363m savings shortfall gives a combined adverse movement of £0.909m (published: £0.888m).');
    const markdown = runCli(['variance', '--data', fixture('half-up'), '--format', 'markdown']);
    expect(markdown.stdout).toContain('a £1.363m savings shortfall gives a combined adverse movement of £0.909m');
    const json = JSON.parse(runCli(['variance', '--data', fixture('half-up'), '--format', 'json']).stdout) as { combined: unknown };
    expect(json.combined).toEqual({ computed: '908.5', published: '888' });
  });

  it('the export shows the computed £m figures as ROUND(…) formulas whose cached values are what fn-model prints, and reconcile finds them fresh', async () => {
    const book = join(work, 'half-up.xlsx');
    expect(runCli(['export', '--data', fixture('half-up'), '-o', book]).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const headline = workbook.getWorksheet('Headline')!;
    expect(headline.getCell('H2').value).toBe('Computed £m (computed)');
    expect([3, 4, 5].map((row) => headline.getCell(`H${row}`).value)).toEqual([
      { formula: 'ROUND(F3/1000,3)', result: 0.454 },
      { formula: 'ROUND(F4/1000,3)', result: 1.363 },
      { formula: 'ROUND(F5/1000,3)', result: 0.909 },
    ]);
    const reconciled = JSON.parse(runCli(['reconcile', book, '--format', 'json']).stdout) as { summary: Record<string, number> };
    expect(reconciled.summary['stale-formula']).toBe(0);
    expect(reconciled.summary['overwritten-formula']).toBe(0);
  });
});

describe('3. Excel binary noise in numeric cells', () => {
  it('a number cell stored as 239.00000000000003 reads as 239, as Excel shows it (the report equals the clean workbook\'s)', async () => {
    const bundled = join(ROOT, 'data', 'march-2021.xlsx');
    const zip = await JSZip.loadAsync(readFileSync(bundled));
    const xml = (await zip.file((await sheetPaths(zip)).get('brp-investment')!)!.async('string'));
    const address = /<c r="([A-Z]+\d+)"[^>]*><v>239<\/v><\/c>/.exec(xml)?.[1];
    expect(address).toBeDefined();
    const noisy = join(work, 'noisy.xlsx');
    writeFileSync(noisy, await withNumberCell(readFileSync(bundled), 'brp-investment', address!, '239.00000000000003'));
    const read = figures(['variance', '--data', noisy]);
    expect(read.stderr).toBe('');
    expect(read.report).toEqual(figures(['variance', '--data', bundled]).report);
  });

  it('a formula whose cached result is 6.0500000000000007 (Excel\'s 3.1 + 2.95) is not a reconcile finding', async () => {
    const book = join(work, 'noise-export.xlsx');
    expect(runCli(['export', '--data', fixture('excel-noise'), '-o', book]).status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(book));
    const path = (await sheetPaths(zip)).get('ncc-investment')!;
    const xml = (await zip.file(path)!.async('string'));
    // Children's is the second line (row 4); G is its total (computed) = SUM(C4:E4)
    const pattern = /(<c r="G4"[^>]*><f>SUM\(C4:E4\)<\/f>)<v>6.05<\/v>/;
    expect(xml).toMatch(pattern);
    zip.file(path, xml.replace(pattern, '$1<v>6.0500000000000007</v>'));
    const recalculated = join(work, 'noise-recalculated.xlsx');
    writeFileSync(recalculated, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const fresh = JSON.parse(runCli(['reconcile', book, '--format', 'json']).stdout) as { summary: Record<string, number> };
    const result = runCli(['reconcile', recalculated, '--format', 'json']);
    expect(result.stderr).not.toMatch(/significant digits/);
    const report = JSON.parse(result.stdout) as { summary: Record<string, number> };
    expect(report.summary).toEqual(fresh.summary);
    expect(report.summary['stale-formula']).toBe(0);
  });
});

describe('4. Excel "Unicode Text": UTF-16 with a BOM, tab-separated', () => {
  it.each(['unicode-text-utf16le', 'unicode-text-utf16be'])('%s reads as the clean CSVs, and --debug names the delimiter', (name) => {
    expect(readFileSync(join(fixture(name), 'fn-costs.csv')).subarray(0, 2)).toEqual(Buffer.from(name.endsWith('le') ? [0xff, 0xfe] : [0xfe, 0xff]));
    const read = figures(['--debug', 'variance', '--data', fixture(name)]);
    expect(read.status).toBe(0);
    expect(read.report).toEqual(clean);
    expect(read.stderr).toContain(`fn-model: debug: ${fixture(name)}/fn-costs.csv: delimiter tab, detected from the header line\n`);
    expect(read.stderr.trimEnd().split('\n')).toHaveLength(8);
    expect(figures(['variance', '--data', fixture(name)]).stderr).toBe('');
  });

  it('--delimiter forces the delimiter: tab reads it, comma does not find the header', () => {
    expect(figures(['variance', '--data', fixture('unicode-text-utf16le'), '--delimiter', 'tab']).report).toEqual(clean);
    const forced = runCli(['--debug', 'variance', '--data', fixture('unicode-text-utf16le'), '--delimiter', 'comma']);
    expect(forced.status).toBe(2);
    expect(forced.stderr).toContain(`fn-model: debug: ${fixture('unicode-text-utf16le')}/fn-costs.csv: delimiter comma, as --delimiter says\n`);
    expect(forced.stderr).toContain(`fn-model: ${fixture('unicode-text-utf16le')}/fn-costs.csv: header not found (no row among the first 10 has a "line" column)\n`);
  });

  it('--delimiter takes only auto, comma, tab or semicolon', () => {
    const result = runCli(['variance', '--delimiter', 'pipe']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("fn-model: option '--delimiter <delimiter>' argument 'pipe' is invalid. must be auto, comma, tab or semicolon\n");
  });
});

describe('5. European Excel CSV: sep=; and decimal commas', () => {
  it('with --decimal-comma, the sep=; files read as the clean CSVs (rows one line down, after the sep= line)', () => {
    const read = figures(['--debug', 'variance', '--data', fixture('european-sep'), '--decimal-comma']);
    expect(read.status).toBe(0);
    expect(read.report).toEqual(clean);
    expect(read.stderr).toContain(`fn-model: debug: ${fixture('european-sep')}/headline.csv: delimiter semicolon, from its sep= line\n`);
    const rows = JSON.parse(runCli(['variance', '--data', fixture('european-sep'), '--decimal-comma', '--format', 'json']).stdout) as { discrepancies: { source: { row: number } }[] };
    const bundledRows = JSON.parse(runCli(['variance', '--format', 'json']).stdout) as { discrepancies: { source: { row: number } }[] };
    expect(rows.discrepancies.map((item) => item.source.row)).toEqual(bundledRows.discrepancies.map((item) => item.source.row + 1));
  });

  it('without --decimal-comma, amounts that read two ways in a semicolon file are refused, saying to give it; never misread', () => {
    const result = runCli(['variance', '--data', fixture('european-sep')]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toContain(`fn-model: ${fixture('european-sep')}/fn-costs.csv:3: column "2019/20": "3.047" is ambiguous in a semicolon-separated file: 3.047, or 3047 with a decimal comma (give --decimal-comma, or write the amount so it reads one way)`);
    // read as a UK amount, "0,454" (£m) would be 454: £454m
    expect(lines).toContain(`fn-model: ${fixture('european-sep')}/headline.csv:3: column "amount": "0,454" is ambiguous in a semicolon-separated file: 454, or 0.454 with a decimal comma (give --decimal-comma, or write the amount so it reads one way)`);
  });

  it('-2,40 reads as −2.40 with --decimal-comma (never −240)', () => {
    const data = join(ROOT, 'test', 'fixtures', 'bad', 'decimal-comma-without-option', 'data');
    const json = JSON.parse(runCli(['variance', '--data', data, '--decimal-comma', '--format', 'json']).stdout) as { discrepancies: { table: string; line: string; field: string; stated: string }[] };
    expect(json.discrepancies.find((item) => item.table === 'ncc-investment' && item.line === 'Adults')).toMatchObject({ field: 'variance', stated: '-2.4' });
  });
});
