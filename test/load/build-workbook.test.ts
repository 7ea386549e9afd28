import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledDatasetPath } from '../../src/load/index.js';
import { REPORT_NUMBER_FORMAT, writeDatasetWorkbook } from '../../scripts/build-workbook.js';

const committed = join(bundledDatasetPath(), '..', 'march-2021.xlsx');
const work = mkdtempSync(join(tmpdir(), 'fn-model-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('scripts/build-workbook', () => {
  it('rebuilds data/march-2021.xlsx byte for byte (deterministic, and the committed file is current)', async () => {
    const target = join(work, 'march-2021.xlsx');
    await writeDatasetWorkbook(bundledDatasetPath(), target);
    expect(readFileSync(target).equals(readFileSync(committed))).toBe(true);
    expect(readdirSync(dirname(target))).toEqual(['march-2021.xlsx']); // no temporary file left behind
  });

  it('writes a bold title, the published labels, numbers in the report format and "-" as text', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(committed);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'fn-costs', 'brp-investment', 'brp-savings', 'ncc-investment', 'ncc-savings', 'all-costs', 'all-savings', 'headline',
    ]);
    const savings = workbook.getWorksheet('ncc-savings')!;
    expect(savings.getCell('A1').value).toBe('NCC Transformation - Savings');
    expect(savings.getCell('A1').font?.bold).toBe(true);
    expect(savings.getRow(2).values).toEqual([
      undefined, 'Line', 'Name', '2019/20 £000', '2020/21 £000', '2021/24 £000', 'Total £000',
      'Year End Outturn Projection 2020/21 £000', 'Variance Under / (Over) 2020/21 £000',
      'Delayed but wholly deliverable in 2021/22 £000', 'Delayed but partly deliverable in 2021/22 £000',
    ]);
    expect(savings.getCell('C3').value).toBe(22975);
    expect(savings.getCell('C3').numFmt).toBe(REPORT_NUMBER_FORMAT);
    expect(savings.getCell('I4').value).toBe('-'); // Children's delayed wholly, "-" in the CSV
    expect(savings.getCell('H5').value).toBe(-835);
    expect(savings.getCell('A8').value).toBe('TOTAL');
    expect(savings.getCell('B8').value).toBe('Total NCC Transformation savings');
    expect(workbook.getWorksheet('all-savings')!.getCell('I3').value).toBeNull(); // not stated
    expect(workbook.getWorksheet('headline')!.getCell('C4').value).toBe(0.888);
  });
});
