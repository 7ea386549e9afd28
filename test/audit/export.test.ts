/**
 * `fn-model export` through the real CLI: round trips (xlsx and CSV folder back through
 * `variance --data`), the workbook's layout, the About sheet, overwrite refusal and
 * formula-injection neutralisation.
 */
import { cpSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { runCliAsync } from '../support/run-cli-async.js';
import { datasetSha256 } from '../../src/io/fingerprint.js';
import { computeVariance } from '../../src/engine/index.js';
import { exportLayout } from '../../src/render/xlsx-export.js';
import { programmeOf } from '../support/programme.js';
import { temporaryFolder } from '../support/temp-folders.js';

const BUNDLED = join(ROOT, 'data', 'march-2021');
const execFileAsync = promisify(execFile);

function exportFolder(): string {
  return temporaryFolder('fn-model-export-');
}

/** The variance JSON without the parts that name where the data came from. */
function figures(stdout: string): unknown {
  return JSON.parse(stdout, (key, value) => (key === 'source' || key === 'dataset' ? undefined : value));
}

async function workbookAt(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe('export → variance --data round trip', () => {
  const folder = exportFolder();
  const book = join(folder, 'audit.xlsx');
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    const result = runCli(['export', '-o', book], { env: { SOURCE_DATE_EPOCH: '1617148800' } });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    workbook = await workbookAt(book);
  });

  it('the workbook gives the same tables, discrepancies and headline as the CSVs', () => {
    const fromCsv = runCli(['variance', '--format', 'json']);
    const fromBook = runCli(['variance', '--format', 'json', '--data', book]);
    expect(fromBook.stderr).toBe('');
    expect(fromBook.status).toBe(0);
    expect(figures(fromBook.stdout)).toEqual(figures(fromCsv.stdout));
    expect(JSON.parse(fromBook.stdout).discrepancies[0].source).toEqual({ file: book, sheet: 'brp-savings', row: 6, column: 'variance', cell: 'I6', ref: `${book}!brp-savings!I6` });
  });

  it('--format csv writes the folder variance --data reads, with the same report', () => {
    const out = join(folder, 'csv');
    expect(runCli(['export', '--format', 'csv', '-o', out]).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['all-costs.csv', 'all-savings.csv', 'brp-investment.csv', 'brp-savings.csv', 'fn-costs.csv', 'headline.csv', 'ncc-investment.csv', 'ncc-savings.csv']);
    const fromFolder = runCli(['variance', '--format', 'json', '--data', out]);
    expect(fromFolder.status).toBe(0);
    expect(figures(fromFolder.stdout)).toEqual(figures(runCli(['variance', '--format', 'json']).stdout));
    // and the workbook exported back to CSV is the same folder, byte for byte
    const again = join(folder, 'csv-from-book');
    expect(runCli(['export', '--format', 'csv', '--data', book, '-o', again]).status).toBe(0);
    for (const name of readdirSync(out)) expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(out, name), 'utf8'));
  });

  it('lays each table out like the report: title, header, line id, name, amounts; computed columns are formulas', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'fn-costs', 'brp-investment', 'brp-savings', 'ncc-investment', 'ncc-savings', 'all-costs', 'all-savings', 'Headline', 'Checks', 'About',
    ]);
    const sheet = workbook.getWorksheet('brp-savings')!;
    expect(sheet.getCell('A1').value).toBe('Business Rates Funded Projects - Savings');
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(['Line', 'Name', '2019/20', '2020/21', '2021/24', 'Total', 'Total (computed)', 'Outturn', 'Variance', 'Variance (computed)']);
    expect(sheet.getCell('A6').value).toBe('BRR09');
    expect(sheet.getCell('D6').value).toBe(815);
    expect(sheet.getCell('H6').value).toBe(1065);
    expect(sheet.getCell('I6').value).toBe(-270); // stated, never overwritten
    expect(sheet.getCell('J6').formula).toBe('D6-H6');
    expect(sheet.getCell('J6').result).toBe(-250);
    expect(sheet.getCell('G6').formula).toBe('SUM(C6:E6)');
    expect(sheet.getCell('A14').value).toBe('TOTAL');
    expect(sheet.getCell('H14').value).toBe(1402);
    expect(sheet.getCell('A15').value).toBe('TOTAL (computed)');
    expect(sheet.getCell('H15').formula).toBe('SUM(H3:H13)');
    expect(sheet.getCell('H15').result).toBe(1382);
    expect(sheet.getCell('D6').numFmt).toBe('#,##0;(#,##0);"-"');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 2 });
    expect(sheet.getColumn(2).width).toBe(50);
    const all = workbook.getWorksheet('all-savings')!;
    expect(all.getCell('H4').formula).toBe("'brp-savings'!H15+'ncc-savings'!H9");
    expect(all.getCell('H4').result).toBe(13119);
    expect(all.getCell('K4').formula).toBe("'ncc-savings'!K9");
  });

  it('has Headline formulas and a Checks row per stated figure with the discrepancy count', () => {
    const headline = workbook.getWorksheet('Headline')!;
    expect(headline.getCell('A4').value).toBe('savings-shortfall');
    expect(headline.getCell('E4').formula).toBe('C4*1000');
    expect(headline.getCell('F4').formula).toBe("'all-savings'!J4");
    expect(headline.getCell('F5').formula).toBe('F4-F3');
    expect([headline.getCell('F3').result, headline.getCell('F4').result, headline.getCell('F5').result]).toEqual([454, 1362, 908]);
    const checks = workbook.getWorksheet('Checks')!;
    expect(checks.getCell('H2').result).toBe(8);
    expect(checks.getCell('H2').formula).toMatch(/^SUM\(H5:H\d+\)$/);
    const row = checks.getRow(5).values as unknown[];
    expect(row.slice(1, 5)).toEqual(['fn-costs', 'Staff Costs', 'total', 'fn-costs!F3']);
    expect(checks.getCell('E5').formula).toBe("'fn-costs'!F3");
    expect(checks.getCell('G5').formula).toBe('E5-F5');
  });

  it('records the source, its SHA-256, the version and the export time on the About sheet', async () => {
    const about = workbook.getWorksheet('About')!;
    const records = new Map<string, unknown>();
    about.eachRow((row) => records.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(records.get('Source dataset')).toBe('data/march-2021');
    expect(records.get('Source dataset (absolute path)')).toBe(resolve(BUNDLED));
    expect(records.get('Source SHA-256')).toBe(await datasetSha256(BUNDLED));
    expect(records.get('fn-model version')).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(records.get('Exported at')).toBe('2021-03-31T00:00:00.000Z');
  });

  it('hashes a workbook source as sha256sum would', async () => {
    const bundledBook = join(ROOT, 'data', 'march-2021.xlsx');
    expect(await datasetSha256(bundledBook)).toBe(createHash('sha256').update(readFileSync(bundledBook)).digest('hex'));
  });
});

describe('export refuses to overwrite', () => {
  it('an existing file without --force: exit 2, one line, file untouched; with --force it is replaced', () => {
    const folder = exportFolder();
    const book = join(folder, 'audit.xlsx');
    writeFileSync(book, 'precious');
    const refused = runCli(['export', '-o', book]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`fn-model: ${book}: already exists (use --force to overwrite)\n`);
    expect(readFileSync(book, 'utf8')).toBe('precious');
    const forced = runCli(['export', '-o', book, '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(book).readUInt32LE(0)).toBe(0x04034b50);
    expect(readdirSync(folder)).toEqual(['audit.xlsx']); // no temporary file left behind
  });

  it('a CSV folder that already has the dataset files, without --force', () => {
    const folder = exportFolder();
    writeFileSync(join(folder, 'brp-savings.csv'), 'precious');
    const refused = runCli(['export', '--format', 'csv', '-o', folder]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already exists \(use --force to overwrite\)\n$/);
    expect(readFileSync(join(folder, 'brp-savings.csv'), 'utf8')).toBe('precious');
    expect(existsSync(join(folder, 'fn-costs.csv'))).toBe(false);
  });

  it('-o is required', () => {
    const result = runCli(['export']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("fn-model: required option '-o, --output <file>' not specified\n");
  });
});

describe('export neutralises formula-like text and never touches numbers', () => {
  it('names beginning with = + - @ tab or CR are prefixed with a quote; amounts stay numbers', async () => {
    const folder = exportFolder();
    const data = join(folder, 'data');
    cpSync(BUNDLED, data, { recursive: true });
    const file = join(data, 'brp-savings.csv');
    // (the loader trims names, so tab and CR are checked on the layout below)
    const hostile = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)'];
    const lines = readFileSync(file, 'utf8').split('\n');
    hostile.forEach((name, index) => {
      const cells = lines[index + 1]!.split(',');
      cells[1] = `"${name.replace(/"/g, '""')}"`;
      lines[index + 1] = cells.join(',');
    });
    writeFileSync(file, lines.join('\n'));
    const book = join(folder, 'audit.xlsx');
    const result = runCli(['export', '--data', data, '-o', book]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const sheet = (await workbookAt(book)).getWorksheet('brp-savings')!;
    hostile.forEach((name, index) => expect(sheet.getCell(`B${index + 3}`).value).toBe(`'${name}`));
    expect(sheet.getCell('I6').value).toBe(-270);
    expect(sheet.getCell('C3').value).toBe(0);
    const csv = join(folder, 'csv');
    expect(runCli(['export', '--format', 'csv', '--data', data, '-o', csv]).status).toBe(0);
    const text = readFileSync(join(csv, 'brp-savings.csv'), 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain("BRR09,'@SUM(A1),0,815,13185,14000,1065,-270");
  });
});

describe('the export layout neutralises every text cell', () => {
  it('line ids and names beginning with = + - @ tab or CR; amounts and formulas untouched', () => {
    const hostile = ['=1+1', '+A1', '-A1', '@A1', '\tA1', '\rA1'];
    const programme = programmeOf({ 'brp-savings': { lines: hostile.map((id) => [id, '1', '2', '3', '6', '-4', '6'] as const) } });
    const sheet = exportLayout(computeVariance(programme), { source: 's', sourceAbsolute: '/s', sha256: 'x', version: 'v', exportedAt: '2021-03-31T00:00:00.000Z' })
      .find((candidate) => candidate.name === 'brp-savings')!;
    const rows = [...sheet.rows];
    hostile.forEach((id, index) => {
      const [line, name, first] = rows[index + 2]!;
      expect(line).toEqual({ kind: 'text', text: `'${id}` });
      expect(name).toEqual({ kind: 'text', text: `'${id}` });
      expect(first?.kind).toBe('amount');
    });
    const [, , , , , , computedTotal] = rows[2]!;
    expect(computedTotal).toMatchObject({ kind: 'formula', formula: 'SUM(C3:E3)' });
    const variance = rows[2]![8];
    expect(variance).toMatchObject({ kind: 'amount' });
    expect(variance?.kind === 'amount' && variance.value.toString()).toBe('6');
  });
});

describe('export streams a large programme', () => {
  it('1,000 generated lines (several yields to the zip stream): every line is written; reconcile --baseline finds nothing new', { timeout: 300_000 }, async () => {
    const folder = exportFolder();
    // async child processes throughout: a long synchronous wait starves vitest's worker RPC
    await execFileAsync(process.execPath, [join(ROOT, 'dist', 'scripts', 'gen-programme.js'), '--lines', '1000', '--seed', '7', '--out', join(folder, 'data')], { cwd: ROOT });
    const book = join(folder, 'big.xlsx');
    const exported = await runCliAsync(['export', '--data', join(folder, 'data'), '-o', book]);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(['big.xlsx', 'data']);
    const reconciled = await runCliAsync(['reconcile', book, '--baseline', '--format', 'json']);
    expect(reconciled.stderr).toBe('');
    expect(reconciled.status).toBe(0);
    const fromBook = await runCliAsync(['variance', '--data', book, '--format', 'json']);
    const fromCsv = await runCliAsync(['variance', '--data', join(folder, 'data'), '--format', 'json']);
    expect(fromBook.status).toBe(0);
    expect(figures(fromBook.stdout)).toEqual(figures(fromCsv.stdout));
    expect((JSON.parse(fromBook.stdout) as { tables: { id: string; lines: unknown[] }[] }).tables.find((table) => table.id === 'brp-savings')!.lines).toHaveLength(1000);
  });
});

describe('export refuses an amount a spreadsheet cannot hold exactly', () => {
  it('exit 2, a located line per cell; no file and no temporary file is left', () => {
    const folder = exportFolder();
    const data = join(folder, 'data');
    cpSync(BUNDLED, data, { recursive: true });
    const file = join(data, 'brp-savings.csv');
    // 15 significant digits read (issue 16 refuses 16 at load), but its line total
    // 14,000.123456789012345 and every sum over it have more than a workbook cell holds
    writeFileSync(file, readFileSync(file, 'utf8').replace('BRR09,Adults Review of Target Operating Model,0,', 'BRR09,Adults Review of Target Operating Model,0.123456789012345,'));
    const book = join(folder, 'out.xlsx');
    const result = runCli(['export', '--data', data, '-o', book]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    // one located line per cell that cannot be written (16 here: the line, the totals, the checks)
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^fn-model: .*: brp-savings![A-Z]+6: amount 14000\.123456789012345 cannot be written to a workbook exactly \(more than 15 significant digits\)$/);
    expect(lines.every((line) => /^fn-model: .*: amount -?[\d.]+ cannot be written to a workbook exactly/.test(line))).toBe(true);
    expect(readdirSync(folder)).toEqual(['data']);
  });
});
