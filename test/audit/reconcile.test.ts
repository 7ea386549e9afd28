/**
 * `fn-model reconcile` through the real CLI: a fresh export against its own source, hand
 * edits (a typed-in value, inserted and deleted rows), and every unreadable workbook
 * (exit 2, one located line, no stack trace).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { withNumberCell } from '../support/workbook-xml.js';

interface FindingJson {
  kind: string; sheet: string | null; cell: string | null; table: string | null; line: string | null; field: string | null; was: string | null; now: string | null; difference: string | null;
  expected?: boolean; dependsOn?: string[]; stated?: string | null; computed?: string | null;
}
interface ReportJson {
  findings: FindingJson[];
  summary: Record<string, number>;
  groups: { kind: string; count: number; expected: number; causes?: { dependsOn: string | null; count: number }[] }[];
  baseline: { source: string; discrepancies: number } | null;
}

const folder = mkdtempSync(join(tmpdir(), 'fn-model-reconcile-'));
const book = join(folder, 'audit.xlsx');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function reconcile(args: string[]) {
  const result = runCli(['reconcile', ...args, '--format', 'json']);
  return { ...result, report: result.stdout ? (JSON.parse(result.stdout) as ReportJson) : undefined };
}

async function edited(name: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  edit(workbook);
  const path = join(folder, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

/**
 * Insert or delete rows as a spreadsheet user would, keeping every formula's cached value
 * (exceljs's own spliceRows loses cached zeros). Formula texts are not adjusted, so the
 * moved formulas are stale, as after an edit in a tool that does not recalculate.
 */
function spliceRows(sheet: ExcelJS.Worksheet, start: number, deleteCount: number, ...inserts: unknown[][]): void {
  const formulas: { row: number; column: number; formula: string; result: unknown }[] = [];
  sheet.eachRow((row, rowNumber) => row.eachCell((cell, column) => {
    if (cell.formula) formulas.push({ row: rowNumber, column, formula: cell.formula, result: cell.result });
  }));
  sheet.spliceRows(start, deleteCount, ...inserts);
  for (const { row, column, formula, result } of formulas) {
    if (row >= start && row < start + deleteCount) continue;
    const moved = row < start ? row : row - deleteCount + inserts.length;
    sheet.getCell(moved, column).value = { formula, result } as ExcelJS.CellFormulaValue;
  }
}

beforeAll(() => {
  expect(runCli(['export', '-o', book]).status).toBe(0);
});

describe('reconcile a fresh export against its own source', () => {
  it('reports only the 8 published discrepancies, exit 1', () => {
    const { status, stderr, report } = reconcile([book]);
    expect(status).toBe(1);
    expect(stderr).toBe('fn-model: 8 finding(s)\n');
    expect(report!.summary).toEqual({ edited: 0, added: 0, removed: 0, 'stale-formula': 0, 'overwritten-formula': 0, discrepancy: 8, total: 8, expected: 0, unexpected: 8 });
    expect(report!.findings.map((finding) => finding.kind)).toEqual(Array(8).fill('discrepancy'));
    // was/now kept as before (computed, stated); stated and computed named as variance names them
    expect(report!.findings[0]).toEqual({
      kind: 'discrepancy', sheet: 'brp-savings', cell: 'I6', table: 'brp-savings', line: 'BRR09', field: 'variance', was: '-250', now: '-270', difference: '-20',
      stated: '-270', computed: '-250', expected: false,
    });
    expect(report!.baseline).toBeNull();
    expect(report!.groups).toEqual([{ kind: 'discrepancy', count: 8, expected: 0 }]);
  });

  it('--baseline: the 8 discrepancies the source publishes are expected, exit 0', () => {
    const { status, stderr, report } = reconcile([book, '--baseline']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(report!.summary).toMatchObject({ discrepancy: 8, total: 8, expected: 8, unexpected: 0 });
    expect(report!.findings.every((finding) => finding.expected === true)).toBe(true);
    expect(report!.baseline).toEqual({ source: 'data/march-2021', discrepancies: 8 });
    expect(report!.groups).toEqual([{ kind: 'discrepancy', count: 8, expected: 8 }]);
  });

  it('--baseline in the table: a heading per kind with its count, discrepancies as variance shows them (Stated | Computed | Difference)', () => {
    const result = runCli(['reconcile', book, '--baseline']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/; baseline: the 8 discrepancies the source publishes are expected$/);
    expect(lines).toContain('discrepancy: 8 (8 expected: published in the source): stated figures that disagree with their line items, as variance reports them (Difference = stated − computed)');
    const header = lines.find((line) => line.trimStart().startsWith('Sheet'))!;
    expect(header.trim().split(/\s+/)).toEqual(['Sheet', 'Cell', 'Table', 'Line', 'Field', 'Stated', 'Computed', 'Difference', 'Baseline']);
    expect(lines.find((line) => line.includes('BRR09'))!.trim().split(/\s+/)).toEqual(['brp-savings', 'I6', 'brp-savings', 'BRR09', 'variance', '(270)', '(250)', '(20)', 'expected']);
    expect(lines.at(-2)).toBe('8 findings: 0 edited, 0 added, 0 removed, 0 stale-formula, 0 overwritten-formula, 8 discrepancy; 8 expected (published in the source), 0 unexpected');
  });

  it('--baseline in CSV: stated, computed, depends_on and expected columns after the old ones', () => {
    const result = runCli(['reconcile', book, '--baseline', '--format', 'csv']);
    expect(result.status).toBe(0);
    const [header, first] = result.stdout.split('\n');
    expect(header).toBe('kind,sheet,cell,table,line,field,was,now,difference,formula,stated,computed,depends_on,expected');
    expect(first).toBe('discrepancy,brp-savings,I6,brp-savings,BRR09,variance,-250,-270,-20,,-270,-250,,yes');
  });

  it('--tolerance 600 leaves no finding: exit 0', () => {
    const result = runCli(['reconcile', book, '--tolerance', '600']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('0 findings:');
  });

  it('--against reads any dataset workbook, e.g. the bundled one against the CSVs', () => {
    const { status, report } = reconcile([join(ROOT, 'data', 'march-2021.xlsx'), '--against', join(ROOT, 'data', 'march-2021')]);
    expect(status).toBe(1);
    expect(report!.summary).toMatchObject({ edited: 0, added: 0, removed: 0, 'stale-formula': 0, 'overwritten-formula': 0, discrepancy: 8 });
  });
});

describe('reconcile a hand-edited export', () => {
  it('a value typed over an input: that cell is edited, the formulas reading it are stale, grouped under it', async () => {
    const path = join(folder, 'typed.xlsx');
    writeFileSync(path, await withNumberCell(readFileSync(book), 'brp-savings', 'H6', '1085'));
    const { status, report } = reconcile([path]);
    expect(status).toBe(1);
    const of = (kind: string) => report!.findings.filter((finding) => finding.kind === kind);
    expect(of('edited')).toEqual([{ kind: 'edited', sheet: 'brp-savings', cell: 'H6', table: 'brp-savings', line: 'BRR09', field: 'outturn', was: '1065', now: '1085', difference: '20', expected: false }]);
    expect(of('stale-formula').map((finding) => `${finding.sheet}!${finding.cell}`)).toEqual(['brp-savings!J6', 'brp-savings!H15']);
    expect(of('stale-formula')[0]).toMatchObject({ line: 'BRR09', field: 'Variance (computed)', was: '-250', now: '-270', difference: '-20', dependsOn: ['brp-savings!H6'] });
    expect(of('stale-formula')[1]).toMatchObject({ dependsOn: ['brp-savings!H6'] });
    expect(report!.groups.find((group) => group.kind === 'stale-formula')).toEqual({ kind: 'stale-formula', count: 2, expected: 0, causes: [{ dependsOn: 'brp-savings!H6', count: 2 }] });
    // with BRR09's outturn at 1,085 its variance, the BRP savings totals and the headline agree;
    // all-savings' 2021/24 and outturn still do not
    expect(of('discrepancy').map((finding) => `${finding.table} ${finding.line} ${finding.field}`)).toEqual(['all-savings TOTAL 2021/24', 'all-savings TOTAL outturn']);
  });

  it('--baseline: a hand edit still exits 1, and stands out from the formulas it made stale', async () => {
    const path = join(folder, 'typed-baseline.xlsx');
    writeFileSync(path, await withNumberCell(readFileSync(book), 'brp-investment', 'C4', '999'));
    const json = reconcile([path, '--baseline']);
    expect(json.status).toBe(1);
    expect(json.stderr).toBe('fn-model: 8 unexpected finding(s) (8 expected: published in the source)\n');
    // the edit, its 2 stale formulas, and 5 new discrepancies it causes; the 8 published ones are expected
    expect(json.report!.summary).toMatchObject({ edited: 1, 'stale-formula': 2, discrepancy: 13, total: 16, expected: 8, unexpected: 8 });
    expect(json.report!.findings.filter((finding) => finding.kind === 'discrepancy' && !finding.expected).map((finding) => `${finding.table} ${finding.line} ${finding.field}`))
      .toEqual(['brp-investment BRR06 total', 'brp-investment TOTAL 2019/20', 'brp-investment TOTAL total', 'all-costs TOTAL 2019/20', 'all-costs TOTAL total']);
    const text = runCli(['reconcile', path, '--baseline']);
    expect(text.status).toBe(1);
    const lines = text.stdout.split('\n');
    const at = lines.indexOf('edited: 1: figures that differ from the source dataset');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 2]!.trim().split(/\s+/)).toEqual(['brp-investment', 'C4', 'brp-investment', 'BRR06', '2019/20', '482', '999', '517']);
    expect(lines).toContain('  2 depending on brp-investment!C4 (edited: brp-investment BRR06 2019/20 482 → 999)');
    expect(lines.filter((line) => line.endsWith('  NEW'))).toHaveLength(5);
  });

  it('an inserted row is one added line, not a cascade of edits', async () => {
    const path = await edited('inserted.xlsx', (workbook) => {
      spliceRows(workbook.getWorksheet('brp-savings')!, 5, 0, ['BRR99', 'A new project', 0, 10, 20, 30, null, 5, 5]);
    });
    const { status, report } = reconcile([path]);
    expect(status).toBe(1);
    expect(report!.findings.filter((finding) => ['edited', 'added', 'removed'].includes(finding.kind))).toEqual([
      { kind: 'added', sheet: 'brp-savings', cell: '5:5', table: 'brp-savings', line: 'BRR99', field: 'total', was: null, now: '30', difference: '30', expected: false },
    ]);
  });

  it('a deleted row is one removed line, at the row it had in the export', async () => {
    const path = await edited('deleted.xlsx', (workbook) => {
      spliceRows(workbook.getWorksheet('brp-investment')!, 4, 1);
    });
    const { report } = reconcile([path]);
    expect(report!.findings.filter((finding) => ['edited', 'added', 'removed'].includes(finding.kind))).toEqual([
      { kind: 'removed', sheet: 'brp-investment', cell: '4:4', table: 'brp-investment', line: 'BRR06', field: 'total', was: '795', now: null, difference: '-795', expected: false },
    ]);
    // the formulas moved up a row read other cells now: stale, but no edited cell is among their references
    const stale = report!.groups.find((group) => group.kind === 'stale-formula')!;
    expect(stale.causes).toEqual([{ dependsOn: null, count: stale.count }]);
    const text = runCli(['reconcile', path]).stdout.split('\n');
    expect(text.find((line) => line.includes('BRR06'))!.trim().split(/\s+/)).toEqual(['brp-investment', '4:4', 'brp-investment', 'BRR06', 'total', '795', '(795)']);
  });
});

/**
 * The export with one cell overwritten by a typed value, saved by exceljs. Every other
 * formula keeps its cached value (exceljs drops cached results of 0 on reading:
 * `withCachedResult` in src/load/xlsx.ts), as a spreadsheet tool saving the file would.
 */
async function overwritten(name: string, sheet: string, address: string, value: number | string): Promise<string> {
  return edited(name, (workbook) => {
    workbook.eachSheet((worksheet) => worksheet.eachRow((row) => row.eachCell((cell) => {
      if (cell.formula) cell.value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
    })));
    workbook.getWorksheet(sheet)!.getCell(address).value = value;
  });
}

describe('reconcile: a value typed over a formula is an overwritten-formula finding', () => {
  const cases: [string, string, string, number, FindingJson][] = [
    ['a line\'s Variance (computed) cell', 'brp-savings', 'J6', -270,
      { kind: 'overwritten-formula', sheet: 'brp-savings', cell: 'J6', table: 'brp-savings', line: 'BRR09', field: 'Variance (computed)', was: '-250', now: '-270', difference: '-20', expected: false }],
    ['a TOTAL (computed) row cell', 'brp-savings', 'H15', 1402,
      { kind: 'overwritten-formula', sheet: 'brp-savings', cell: 'H15', table: 'brp-savings', line: 'TOTAL (computed)', field: 'outturn', was: '1382', now: '1402', difference: '20', expected: false }],
    ['a line\'s Total (computed) cell', 'fn-costs', 'G3', 9999,
      { kind: 'overwritten-formula', sheet: 'fn-costs', cell: 'G3', table: 'fn-costs', line: expect.any(String) as unknown as string, field: 'Total (computed)', was: '17167', now: '9999', difference: '-7168', expected: false }],
    ['the Checks sheet\'s discrepancy count', 'Checks', 'H2', 0,
      { kind: 'overwritten-formula', sheet: 'Checks', cell: 'H2', table: 'Checks', line: expect.stringMatching(/^Discrepancies/) as unknown as string, field: 'Disagrees (1 = yes)', was: '8', now: '0', difference: '-8', expected: false }],
    ['a Headline computed figure', 'Headline', 'F4', 1342,
      { kind: 'overwritten-formula', sheet: 'Headline', cell: 'F4', table: 'Headline', line: 'savings-shortfall', field: 'Computed £000 (computed)', was: '1362', now: '1342', difference: '-20', expected: false }],
    ['a Checks row\'s Disagrees cell', 'Checks', 'H5', 1,
      { kind: 'overwritten-formula', sheet: 'Checks', cell: 'H5', table: 'Checks', line: expect.any(String) as unknown as string, field: 'Disagrees (1 = yes)', was: '0', now: '1', difference: '1', expected: false }],
  ];
  for (const [what, sheet, address, value, expected] of cases) {
    it(`${what}: ${sheet}!${address} = ${value}`, async () => {
      const path = await overwritten(`overwritten-${sheet}-${address}.xlsx`, sheet, address, value);
      const { status, stderr, report } = reconcile([path]);
      expect(stderr).toMatch(/^fn-model: \d+ finding\(s\)\n$/);
      expect(status).toBe(1);
      expect(report!.findings.filter((finding) => finding.kind === 'overwritten-formula')).toEqual([expected]);
      expect(report!.summary['overwritten-formula']).toBe(1);
      // the figures the loader reads are unchanged: no edit, and the 8 published discrepancies remain
      expect(report!.summary).toMatchObject({ edited: 0, added: 0, removed: 0, discrepancy: 8 });
    });
  }

  it('text typed over a formula is reported with now null', async () => {
    const path = await overwritten('overwritten-text.xlsx', 'brp-savings', 'G6', 'n/a');
    const { report } = reconcile([path]);
    expect(report!.findings.filter((finding) => finding.kind === 'overwritten-formula')).toEqual([
      { kind: 'overwritten-formula', sheet: 'brp-savings', cell: 'G6', table: 'brp-savings', line: 'BRR09', field: 'Total (computed)', was: expect.any(String), now: null, difference: null, expected: false },
    ]);
  });

  it('a value equal to the formula\'s is still reported (the cell no longer recalculates); tolerance does not hide it', async () => {
    const path = await overwritten('overwritten-same.xlsx', 'brp-savings', 'J6', -250);
    const { report } = reconcile([path, '--tolerance', '600']);
    expect(report!.summary).toMatchObject({ 'overwritten-formula': 1, discrepancy: 0, total: 1 });
    expect(report!.findings[0]).toMatchObject({ cell: 'J6', was: '-250', now: '-250', difference: '0' });
  });
});

describe('reconcile: an unreadable workbook is exit 2 with one located line and no stack trace', () => {
  const expectOneLine = (args: string[], pattern: RegExp) => {
    const result = runCli(['reconcile', ...args]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  };

  it('not found', () => expectOneLine([join(folder, 'absent.xlsx')], /^fn-model: .*absent\.xlsx: not found\n$/));

  it('not a zip', () => {
    const path = join(folder, 'text.xlsx');
    writeFileSync(path, 'line,name\n');
    expectOneLine([path], /^fn-model: .*text\.xlsx: is not an \.xlsx workbook\n$/);
  });

  it('a zip that is not a workbook', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hello');
    const path = join(folder, 'zip.xlsx');
    writeFileSync(path, await zip.generateAsync({ type: 'uint8array' }));
    expectOneLine([path], /^fn-model: .*zip\.xlsx: is not an \.xlsx workbook\n$/);
  });

  it('no About sheet and no --against', () => expectOneLine([join(ROOT, 'data', 'march-2021.xlsx')], /^fn-model: .*march-2021\.xlsx: has no About sheet \(was it written by fn-model export\?\); name its source dataset with --against PATH\n$/));

  it('the About sheet names a source that is gone', async () => {
    const path = await edited('moved.xlsx', (workbook) => {
      const about = workbook.getWorksheet('About')!;
      about.getCell('B4').value = 'no/such/dataset';
      about.getCell('B5').value = '/no/such/dataset';
    });
    expectOneLine([path], /^fn-model: .*moved\.xlsx\[About\]: source dataset "\/no\/such\/dataset" not found; name it with --against PATH\n$/);
  });

  it('a table sheet is missing', async () => {
    const path = await edited('missing.xlsx', (workbook) => workbook.removeWorksheet(workbook.getWorksheet('ncc-savings')!.id));
    expectOneLine([path], /^fn-model: .*missing\.xlsx: missing sheet "ncc-savings" \(the ncc-savings table is required\)\n$/);
  });

  it('a figure typed as text that is not an amount', async () => {
    const path = await edited('text-figure.xlsx', (workbook) => {
      workbook.getWorksheet('brp-savings')!.getCell('H6').value = '1O65';
    });
    expectOneLine([path], /^fn-model: .*text-figure\.xlsx\[brp-savings\]:6: column "outturn": "1O65" is not an amount\n$/);
  });
});
