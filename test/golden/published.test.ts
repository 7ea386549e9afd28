/**
 * Reading a workbook laid out as published, through the real CLI: the generated fixture
 * `data/march-2021-published.xlsx` (and the CSV saved from its sheet) gives exactly the
 * report of `data/march-2021/`, its figures point at the fixture's own cells, `layout init`
 * writes a layout that round-trips, and bad layouts and ambiguous workbooks are one located
 * line each with exit 2. Regenerate goldens on purpose only: `UPDATE_GOLDEN=1 npx vitest run test/golden`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';
import { golden as goldenOutput } from '../support/golden.js';
import { bundledDatasetPath, loadProgramme } from '../../src/load/index.js';
import { blocksWorkbook, headingBlock, headlineBlock, noteBlock, tableBlocks, writePublishedDataset } from '../../scripts/build-published.js';
import { fixZipEntryTimes } from '../../scripts/build-workbook.js';

const EXPECTED = join(ROOT, 'test', 'golden', 'expected');
const BOOK = 'data/march-2021-published.xlsx';
const CSV = 'data/march-2021-published.csv';
const work = mkdtempSync(join(tmpdir(), 'fn-model-published-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const golden = (name: string, args: string[]): void => goldenOutput(EXPECTED, name, args);

/** The variance JSON without what names the source (dataset, source cells): the report itself. */
function reportOnly(json: string): unknown {
  return JSON.parse(json, (key, value: unknown) => (key === 'dataset' || key === 'source' || key === 'statedSource' ? undefined : value));
}

/** The table output without its first line (the dataset's name) and the discrepancies' Source column. */
function tableOnly(text: string): string {
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.replace(/│[^│]*│$/, '│').replace(/┬[^┬]*┐$/, '┐').replace(/┼[^┼]*┤$/, '┤').replace(/┴[^┴]*┘$/, '┘'))
    .join('\n');
}

describe('the published-layout fixture gives exactly the bundled report', () => {
  const bundled = runCli(['variance', '--format', 'json']);
  for (const book of [BOOK, CSV]) {
    it(`variance --data ${book} --format json: same report as data/march-2021/`, () => {
      const result = runCli(['variance', '--data', book, '--format', 'json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(reportOnly(result.stdout)).toEqual(reportOnly(bundled.stdout));
    });
    it(`variance --data ${book}: same tables, figures and discrepancies`, () => {
      const result = runCli(['variance', '--data', book]);
      expect(result.status).toBe(0);
      expect(tableOnly(result.stdout)).toBe(tableOnly(runCli(['variance']).stdout));
    });
  }

  golden('published.variance.txt', ['variance', '--data', BOOK]);
  golden('published.variance-csv.txt', ['variance', '--data', CSV]);
  golden('published.explain.txt', ['explain', 'brp-savings.BRR09.variance', '--data', BOOK]);
  golden('published.explain-total.txt', ['explain', 'ncc-savings.TOTAL.delayed_wholly', '--data', CSV]);
  golden('published.layout.yaml', ['layout', 'init', BOOK]);

  it('the committed fixture is what scripts/build-published.ts writes, byte for byte', async () => {
    const stem = join(work, 'rebuilt');
    await writePublishedDataset(bundledDatasetPath(), stem);
    expect(readFileSync(`${stem}.xlsx`).equals(readFileSync(join(ROOT, BOOK)))).toBe(true);
    expect(readFileSync(`${stem}.csv`, 'utf8')).toBe(readFileSync(join(ROOT, CSV), 'utf8'));
  });

  it('every figure points at the officer\'s cell: book.xlsx!Sheet!G14', () => {
    const json = JSON.parse(runCli(['variance', '--data', BOOK, '--format', 'json']).stdout);
    const brr09 = json.discrepancies.find((item: { table: string; line: string }) => item.table === 'brp-savings' && item.line === 'BRR09');
    expect(brr09.source).toEqual({ file: BOOK, sheet: 'Benefits Realisation', row: 38, column: 'variance', cell: 'H38', ref: `${BOOK}!Benefits Realisation!H38` });
  });
});

describe('reconcile against a published workbook points at the officer\'s cells', () => {
  it('each discrepancy names its source cell (JSON "source", table column "source")', () => {
    const audit = join(work, 'audit.xlsx');
    const exported = runCli(['export', '--data', BOOK, '-o', audit], { env: { SOURCE_DATE_EPOCH: '1617148800' } });
    expect(exported.status).toBe(0);
    const result = runCli(['reconcile', audit, '--format', 'json']);
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout).findings as { kind: string; line: string; field: string; source?: string }[];
    expect(findings.map((finding) => `${finding.kind} ${finding.line} ${finding.field} ${finding.source}`)).toEqual([
      `discrepancy BRR09 variance ${BOOK}!Benefits Realisation!H38`,
      `discrepancy TOTAL outturn ${BOOK}!Benefits Realisation!G46`,
      `discrepancy TOTAL variance ${BOOK}!Benefits Realisation!H46`,
      `discrepancy TOTAL 2021/24 ${BOOK}!Benefits Realisation!E69`,
      `discrepancy TOTAL outturn ${BOOK}!Benefits Realisation!G69`,
      `discrepancy TOTAL variance ${BOOK}!Benefits Realisation!H69`,
      `discrepancy savings-shortfall amount ${BOOK}!Benefits Realisation!A72`,
      `discrepancy combined-adverse-movement amount ${BOOK}!Benefits Realisation!A72`,
    ]);
  });
});

describe('layout init round-trips', () => {
  const layout = join(work, 'layout.yaml');
  beforeAll(() => {
    const written = runCli(['layout', 'init', BOOK, '-o', layout]);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
  });

  it('variance with the layout gives the same output as by detection', () => {
    const withLayout = runCli(['variance', '--data', BOOK, '--layout', layout, '--format', 'json']);
    expect(withLayout.stderr).toBe('');
    expect(withLayout.stdout).toBe(runCli(['variance', '--data', BOOK, '--format', 'json']).stdout);
  });

  it('layout init from the layout writes the same layout back', () => {
    expect(runCli(['layout', 'init', BOOK, '--layout', layout]).stdout).toBe(readFileSync(layout, 'utf8'));
  });

  it('so does the layout of the CSV saved from the sheet (no merged cells: labels stand alone)', () => {
    const csvLayout = join(work, 'csv-layout.yaml');
    expect(runCli(['layout', 'init', CSV, '-o', csvLayout]).status).toBe(0);
    const withLayout = runCli(['variance', '--data', CSV, '--layout', csvLayout, '--format', 'json']);
    expect(withLayout.stderr).toBe('');
    expect(withLayout.stdout).toBe(runCli(['variance', '--data', CSV, '--format', 'json']).stdout);
    expect(runCli(['layout', 'init', CSV, '--layout', csvLayout]).stdout).toBe(readFileSync(csvLayout, 'utf8'));
  });

  it('refuses to overwrite without --force, exit 2', () => {
    const again = runCli(['layout', 'init', BOOK, '-o', layout]);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`fn-model: ${layout} exists; give --force to overwrite it\n`);
  });
});

describe('a bad layout file is one located line, exit 2', () => {
  const cases: readonly [string, string, string][] = [
    ['misspelt key', 'tables:\n  fn-costs:\n    sheet: Benefits Realisation\n    titel: Future Northants Programme Costs\n', ':4: unknown key "titel"'],
    ['unknown table id', 'tables:\n  fn-cost:\n    title: Future Northants Programme Costs\n', ':2: unknown key "fn-cost"'],
    ['title and range both', 'tables:\n  fn-costs:\n    title: Future Northants Programme Costs\n    range: A7:H13\n', ':3: "fn-costs" needs exactly one of title, range or below'],
    ['bad range', 'tables:\n  fn-costs:\n    range: A7-H13\n', ':3: "range" must be a cell range such as A5:H12'],
    ['title not in the workbook', 'tables:\n  fn-costs:\n    sheet: Benefits Realisation\n    title: FN Costs 2021\n', ':4: "FN Costs 2021" no cell has this text on sheet "Benefits Realisation"'],
    ['no such sheet', 'tables:\n  fn-costs:\n    sheet: Costs\n    title: Future Northants Programme Costs\n', ':3: "Costs" is not a sheet of data/march-2021-published.xlsx (sheets: Benefits Realisation)'],
    ['column label not in the header', 'tables:\n  fn-costs:\n    title: Future Northants Programme Costs\n    columns:\n      outturn: Forecast\n', ':5: "Forecast" no column of table fn-costs has this label (header rows 8, 9)'],
    ['YAML syntax', 'tables: [\n', ':2: '],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const file = join(work, `bad-${name.replace(/\W+/g, '-')}.yaml`);
      writeFileSync(file, text);
      const result = runCli(['variance', '--data', BOOK, '--layout', file]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.startsWith(`fn-model: ${file}${expected}`)).toBe(true);
    });
  }

  it('a layout file that does not exist', () => {
    const result = runCli(['variance', '--data', BOOK, '--layout', join(work, 'none.yaml')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fn-model: ${join(work, 'none.yaml')}: not found\n`);
  });
});

/** Write a one-sheet workbook of blocks, with optional hidden rows and columns. */
async function writeBook(name: string, blocks: Parameters<typeof blocksWorkbook>[0], edit?: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = blocksWorkbook(blocks);
  edit?.(workbook.worksheets[0]!);
  const file = join(work, name);
  writeFileSync(file, fixZipEntryTimes(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)));
  return file;
}

describe('ambiguity, hidden rows and columns, figures outside tables', () => {
  it('a table titled twice is refused, naming both places; a layout with a range settles it', async () => {
    const programme = await loadProgramme(bundledDatasetPath());
    const tables = await tableBlocks(programme, bundledDatasetPath());
    const book = await writeBook('twice.xlsx', [headingBlock(), ...tables, noteBlock(''), tables[0]!, headlineBlock(programme)]);
    const refused = runCli(['variance', '--data', book]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`fn-model: ${book}: table fn-costs has more than one title row (${book}[Benefits Realisation]:6: "Future Northants Programme Costs"; ${book}[Benefits Realisation]:64: "Future Northants Programme Costs"); say which in a layout file (--layout, see fn-model layout init)\n`);
    const layout = join(work, 'twice.yaml');
    writeFileSync(layout, 'tables:\n  fn-costs:\n    range: A7:H12\n');
    const settled = runCli(['variance', '--data', book, '--layout', layout, '--format', 'json']);
    // the other copy's figures are not read, and each row of them says so
    expect(settled.stderr).toBe([67, 68, 70].map((row, index) => `fn-model: note: ${book}[Benefits Realisation]:${row}: "${['3047', '1390', '4437'][index]}" (C${row}) is a figure in no table; not read\n`).join(''));
    expect(reportOnly(settled.stdout)).toEqual(reportOnly(runCli(['variance', '--format', 'json']).stdout));
  });

  it('a hidden row in a table is read and reported; a hidden column of comments is reported and not read', async () => {
    const programme = await loadProgramme(bundledDatasetPath());
    const tables = await tableBlocks(programme, bundledDatasetPath());
    const book = await writeBook('hidden.xlsx', [headingBlock(), ...tables, headlineBlock(programme)], (sheet) => {
      sheet.getRow(9).hidden = true; // Staff Costs
      sheet.getCell('K9').value = 'check with finance';
      sheet.getColumn(11).hidden = true;
    });
    const result = runCli(['variance', '--data', book, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe([
      `fn-model: note: ${book}[Benefits Realisation]:9: hidden row, read as part of table fn-costs`,
      `fn-model: note: ${book}[Benefits Realisation]: hidden column K is in no table's columns; not read`,
      '',
    ].join('\n'));
    expect(reportOnly(result.stdout)).toEqual(reportOnly(runCli(['variance', '--format', 'json']).stdout));
  });

  it('a figure below a table that no table takes is reported, not read', async () => {
    const programme = await loadProgramme(bundledDatasetPath());
    const tables = await tableBlocks(programme, bundledDatasetPath());
    const book = await writeBook('stray.xlsx', [...tables, { name: 'stray', rows: [['Contingency', null, 250]], merges: [], bold: [] }, headlineBlock(programme)]);
    const result = runCli(['variance', '--data', book]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`fn-model: note: ${book}[Benefits Realisation]:58: "250" (C58) is a figure in no table; not read\n`);
  });

  it('a missing table is named, exit 2', async () => {
    const programme = await loadProgramme(bundledDatasetPath());
    const tables = await tableBlocks(programme, bundledDatasetPath());
    const book = await writeBook('missing.xlsx', [...tables.slice(1), headlineBlock(programme)]);
    const result = runCli(['variance', '--data', book]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fn-model: ${book}: table fn-costs not found (no title row such as "Future Northants Programme Costs"); name where it is in a layout file (--layout, see fn-model layout init)\n`);
  });

  it('a bad cell is located at the officer\'s sheet and row, exit 2', async () => {
    const programme = await loadProgramme(bundledDatasetPath());
    const book = await writeBook('bad-cell.xlsx', [...(await tableBlocks(programme, bundledDatasetPath())), headlineBlock(programme)], (sheet) => {
      sheet.getCell('G4').value = '12x4';
    });
    const result = runCli(['variance', '--data', book]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fn-model: ${book}[Benefits Realisation]:4: column "outturn": "12x4" is not an amount\n`);
  });

  it('the one-sheet-per-table workbook is still read as before (detected by its sheet names)', () => {
    const result = runCli(['variance', '--data', 'data/march-2021.xlsx', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(reportOnly(result.stdout)).toEqual(reportOnly(runCli(['variance', '--format', 'json']).stdout));
  });
});
