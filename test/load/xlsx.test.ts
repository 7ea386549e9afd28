import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../../src/money/index.js';
import type { Programme } from '../../src/model/index.js';
import { amountOfNumberCell, bundledDatasetPath, loadProgramme } from '../../src/load/index.js';
import { problemsOf } from './dataset-fixture.js';
import { zipParts } from '../../scripts/fuzz/zip.js';
import { temporaryFolder } from '../support/temp-folders.js';

const workbookPath = join(bundledDatasetPath(), '..', 'march-2021.xlsx');

function temporary(name: string): string {
  return join(temporaryFolder('fn-model-xlsx-'), name);
}

/** A copy of the bundled workbook with `edit` applied, written to a temporary file. */
async function workbookWith(edit: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookPath);
  edit(workbook);
  const path = temporary('book.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** Every figure with its line, field and source row, in a comparable form. */
function figures(programme: Programme, rowOffset: number): string[] {
  return programme.tables.flatMap((table) => [
    `${table.id} ${table.lines.length} lines`,
    ...table.lines.flatMap((line) =>
      Object.entries({ ...line.inputs, ...line.stated }).map(
        ([field, amount]) => `${table.id}/${line.id}/${line.name}/${field}=${toDecimalString(amount!)} row ${line.sources[field as 'total']!.row - rowOffset}`,
      ),
    ),
    ...Object.entries(table.stated).map(([field, amount]) => `${table.id}/TOTAL/${field}=${toDecimalString(amount!)} row ${table.statedSources[field as 'total']!.row - rowOffset}`),
  ]).concat(programme.headline.map((statement) => `${statement.figure}=${toDecimalString(statement.amount)} ${statement.statedText} ${statement.unit} ${statement.description}`));
}

describe('the bundled workbook data/march-2021.xlsx', () => {
  it('gives exactly the figures of the CSV folder (one row lower: a title row is above the header)', async () => {
    const fromCsv = await loadProgramme(bundledDatasetPath());
    const fromWorkbook = await loadProgramme(workbookPath);
    expect(fromWorkbook.name).toBe('march-2021');
    expect(figures(fromWorkbook, 1)).toEqual(figures(fromCsv, 0));
    expect(figures(fromWorkbook, 1).length).toBeGreaterThan(200);
    const stated = (programme: Programme) => programme.tables.map((table) => Object.keys(table.stated).join(','));
    expect(stated(fromWorkbook)).toEqual(stated(fromCsv));
  });

  it('locates figures by sheet and cell address', async () => {
    const programme = await loadProgramme(workbookPath);
    const line = programme.tables.find((table) => table.id === 'brp-savings')!.lines.find((candidate) => candidate.id === 'BRR09')!;
    expect(toDecimalString(line.inputs.outturn!)).toBe('1065');
    expect(line.sources.outturn).toEqual({ file: workbookPath, sheet: 'brp-savings', row: 6, column: 'outturn', cell: 'G6' });
    const childrens = programme.tables.find((table) => table.id === 'ncc-savings')!.lines.find((candidate) => candidate.id === "Children's")!;
    expect(toDecimalString(childrens.inputs.delayedWholly!)).toBe('0');
  });
});

describe('workbook cells', () => {
  it('reads text amounts "(158)", "1,234", "-", rich text and cached formula results', async () => {
    const path = await workbookWith((workbook) => {
      const investment = sheet(workbook, 'ncc-investment');
      investment.getCell('H3').value = '(158)';
      investment.getCell('C3').value = { richText: [{ text: '1,2' }, { text: '04', font: { bold: true } }] };
      investment.getCell('D4').value = '-';
      investment.getCell('C8').value = { formula: 'SUM(C3:C7)', result: 2273 };
    });
    const table = (await loadProgramme(path)).tables.find((candidate) => candidate.id === 'ncc-investment')!;
    expect(toDecimalString(table.lines[0]!.stated.variance!)).toBe('-158');
    expect(toDecimalString(table.lines[0]!.inputs['2019/20']!)).toBe('1204');
    expect(toDecimalString(table.lines[1]!.inputs['2020/21']!)).toBe('0');
    expect(toDecimalString(table.stated['2019/20']!)).toBe('2273');
  });

  it('reports bad text amounts with sheet, row and column', async () => {
    const path = await workbookWith((workbook) => {
      sheet(workbook, 'brp-savings').getCell('G6').value = '12x4';
      sheet(workbook, 'brp-savings').getCell('H6').value = null;
    });
    expect(await problemsOf(path)).toEqual([
      `${path}[brp-savings]:6: column "outturn": "12x4" is not an amount`,
      `${path}[brp-savings]:6: column "variance": is blank`,
    ]);
  });

  it('refuses a formula with no saved result', async () => {
    const path = await workbookWith((workbook) => {
      sheet(workbook, 'fn-costs').getCell('C5').value = { formula: 'SUM(C3:C4)' } as ExcelJS.CellFormulaValue;
    });
    expect(await problemsOf(path)).toEqual([`${path}[fn-costs]:5: "=SUM(C3:C4)" in cell C5 is a formula with no saved result (open the workbook in Excel and save it)`]);
  });

  it('refuses merged cells over amounts', async () => {
    const path = await workbookWith((workbook) => {
      sheet(workbook, 'fn-costs').mergeCells('G3:H3');
    });
    expect(await problemsOf(path)).toEqual([`${path}[fn-costs]:3: column "outturn": cell G3 is part of merged cells starting at G3; unmerge them`]);
  });

  it('a missing sheet is named', async () => {
    const path = await workbookWith((workbook) => {
      workbook.removeWorksheet(sheet(workbook, 'ncc-savings').id);
    });
    expect(await problemsOf(path)).toEqual([`${path}: missing sheet "ncc-savings" (the ncc-savings table is required)`]);
  });

  it('matches sheet names case-insensitively and finds the header below a title', async () => {
    const path = await workbookWith((workbook) => {
      const original = sheet(workbook, 'fn-costs');
      const renamed = workbook.addWorksheet('FN-Costs-new');
      original.eachRow((row) => {
        renamed.addRow(row.values as ExcelJS.CellValue[]);
      });
      workbook.removeWorksheet(original.id);
      renamed.name = 'FN-Costs';
    });
    const table = (await loadProgramme(path)).tables[0]!;
    expect(table.source).toEqual({ file: path, sheet: 'FN-Costs' });
    expect(table.lines.map((line) => line.row)).toEqual([3, 4]);
  });
});

describe('files that are not workbooks', () => {
  it('a file that is not a zip', async () => {
    const path = temporary('book.xlsx');
    writeFileSync(path, 'line,name\n');
    expect(await problemsOf(path)).toEqual([`${path}: is not an .xlsx workbook`]);
  });
  it('a zip that is not a workbook', async () => {
    const path = temporary('book.xlsx');
    writeFileSync(path, zipParts([{ name: 'readme.txt', data: Buffer.from('hello') }], 'store'));
    expect(await problemsOf(path)).toEqual([`${path}: is not an .xlsx workbook`]);
  });
  it('a file that is neither a folder nor .xlsx', async () => {
    const path = temporary('book.ods');
    writeFileSync(path, 'x');
    expect(await problemsOf(path)).toEqual([`${path}: is neither a folder of CSV files, an .xlsx workbook, nor a .csv file saved from a sheet laid out as published`]);
  });
});

describe('amountOfNumberCell: numbers without floating-point noise', () => {
  it.each([
    [1065, '1065'],
    [-158, '-158'],
    [0.454, '0.454'],
    [1234.5, '1234.5'],
    [1e21 / 1e10, '100000000000'],
  ])('%d → %s', (value, text) => {
    expect(toDecimalString(amountOfNumberCell(value).amount!)).toBe(text);
  });
  it.each([
    [0.1 + 0.2, '0.3'],
    [3.1 + 2.95, '6.05'],
    [239.00000000000003, '239'],
    [1 / 3, '0.333333333333333'],
    [-2 / 3, '-0.666666666666667'],
    [2 ** 53 - 1, '9007199254740991'],
  ])('reads %d as Excel shows it: %s (15 significant digits)', (value, text) => {
    expect(toDecimalString(amountOfNumberCell(value).amount!)).toBe(text);
  });
  it('refuses numbers too large to be exact and non-finite ones', () => {
    expect(amountOfNumberCell(2 ** 60).message).toMatch(/too large/);
    expect(amountOfNumberCell(Number.NaN).message).toBe('is not a finite number');
  });
});
