/**
 * One test per bad-input class, through the real CLI: exit 2, one located line per
 * problem on stderr naming file (and sheet), row, column and the quoted text, and no
 * stack trace. Each case copies the bundled dataset to a temp folder and breaks one thing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'fn-model-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let counter = 0;
/** A copy of the bundled dataset in a fresh folder `work/caseN/data`, returned as a path relative to `work`. */
function dataset(edit: (folder: string) => void): string {
  counter += 1;
  const relative = join(`case${counter}`, 'data');
  const folder = join(work, relative);
  cpSync(join(ROOT, 'data', 'march-2021'), folder, { recursive: true });
  edit(folder);
  return relative;
}

function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`fixture edit: ${JSON.stringify(from)} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
}

function expectRefused(args: string[], lines: string[]) {
  const result = runCli(['variance', ...args], { cwd: work });
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(lines.map((line) => `fn-model: ${line}\n`).join(''));
  expect(result.status).toBe(2);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('bad input through `fn-model variance`: exit 2, one located line each', () => {
  it('a cell that is not an amount', () => {
    const data = dataset((folder) => replaceIn(join(folder, 'brp-savings.csv'), '"1,065"', '12x4'));
    expectRefused(['--data', data], [`${data}/brp-savings.csv:5: column "outturn": "12x4" is not an amount`]);
  });

  it.each([['1,23', ' (a decimal comma? give --decimal-comma to read it as 1.23)'], ['1e3', ''], ['NaN', ''], ['2021-03-31', '']])('the amount %j', (text, hint) => {
    const data = dataset((folder) => replaceIn(join(folder, 'fn-costs.csv'), ',"5,653",', `,${text.includes(',') ? `"${text}"` : text},`));
    expectRefused(['--data', data], [`${data}/fn-costs.csv:2: column "outturn": ${JSON.stringify(text)} is not an amount${hint}`]);
  });

  it('collects every bad cell of a file before failing', () => {
    const data = dataset((folder) => {
      replaceIn(join(folder, 'brp-investment.csv'), 'BRR04,CFN Improving Fostering,16,', 'BRR04,CFN Improving Fostering,1x6,');
      replaceIn(join(folder, 'brp-investment.csv'), ',232,(36)', ',232,(3 6)');
    });
    expectRefused(['--data', data], [
      `${data}/brp-investment.csv:2: column "2019/20": "1x6" is not an amount`,
      `${data}/brp-investment.csv:10: column "variance": "(3 6)" is not an amount`,
    ]);
  });

  it('a blank cell in a line', () => {
    const data = dataset((folder) => replaceIn(join(folder, 'ncc-investment.csv'), 'Place,Place,0,0,0,0,0,0', 'Place,Place,0,,0,0,0,0'));
    expectRefused(['--data', data], [`${data}/ncc-investment.csv:5: column "2020/21": is blank`]);
  });

  it('a ragged row', () => {
    const data = dataset((folder) => replaceIn(join(folder, 'ncc-investment.csv'), 'LGSS,LGSS,0,0,0,0,0,0', 'LGSS,LGSS,0,0,0,0,0,0,0'));
    expectRefused(['--data', data], [`${data}/ncc-investment.csv:6: row has 9 cells, header has 8`]);
  });

  it('a missing required column, named', () => {
    const data = dataset((folder) => {
      const file = join(folder, 'all-costs.csv');
      writeFileSync(file, 'line,name,2019/20,2020/21,2021/24,total,variance\nTOTAL,Total,"11,169","20,774","21,485","53,428",454\n');
    });
    expectRefused(['--data', data], [`${data}/all-costs.csv:1: missing required column "outturn"`]);
  });

  it('a duplicate line id', () => {
    const data = dataset((folder) => replaceIn(join(folder, 'brp-savings.csv'), 'BRR06,', 'BRR04,'));
    expectRefused(['--data', data], [`${data}/brp-savings.csv:3: column "line": duplicate line id "BRR04" (first at row 2)`]);
  });

  it('an empty file', () => {
    const data = dataset((folder) => writeFileSync(join(folder, 'fn-costs.csv'), ''));
    expectRefused(['--data', data], [`${data}/fn-costs.csv: file is empty`]);
  });

  it('a required table missing from the folder', () => {
    const data = dataset((folder) => rmSync(join(folder, 'ncc-savings.csv')));
    const result = runCli(['variance', '--data', data], { cwd: work });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^fn-model: ${data}/ncc-savings.csv: .*\\n$`));
  });

  it('a folder that does not exist', () => {
    expectRefused(['--data', 'no-such-folder'], ['no-such-folder: not found']);
  });

  it('an .xlsx that is not a workbook', () => {
    mkdirSync(join(work, 'xlsx'), { recursive: true });
    writeFileSync(join(work, 'xlsx', 'not-a-zip.xlsx'), 'line,name\n');
    expectRefused(['--data', 'xlsx/not-a-zip.xlsx'], ['xlsx/not-a-zip.xlsx: is not an .xlsx workbook']);
  });

  it('line ids are matched case-insensitively: BRR04 and brr04 are duplicates', () => {
    const data = dataset((folder) => replaceIn(join(folder, 'brp-savings.csv'), 'BRR06,', 'brr04,'));
    expectRefused(['--data', data], [`${data}/brp-savings.csv:3: column "line": duplicate line id "brr04" (first at row 2)`]);
  });

  it('a stray quote inside an unquoted cell is located, and the message stays short', () => {
    const data = dataset((folder) => replaceIn(join(folder, 'fn-costs.csv'), 'Other Programme Costs,Other', 'Other Programme Costs,Oth"er'));
    expectRefused(['--data', data], [`${data}/fn-costs.csv:3: "Oth\\"er Programme Costs:" a " inside an unquoted cell (quote the whole cell and double the ") in column 2`]);
  });

  it('a date typed into a workbook amount cell is a date, not £44,256,000', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(ROOT, 'data', 'march-2021.xlsx'));
    const cell = book.getWorksheet('brp-savings')!.getCell('G6');
    cell.value = new Date(Date.UTC(2021, 2, 1));
    cell.style = { ...cell.style, numFmt: 'dd/mm/yyyy' };
    mkdirSync(join(work, 'xlsx'), { recursive: true });
    await book.xlsx.writeFile(join(work, 'xlsx', 'date.xlsx'));
    expectRefused(['--data', 'xlsx/date.xlsx'], ['xlsx/date.xlsx[brp-savings]:6: column "outturn": "2021-03-01" is not an amount']);
  });

  it('no command at all is a usage error (exit 2), with the help on stderr', () => {
    const result = runCli([], { cwd: work });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Usage: fn-model/);
  });

  it('--debug adds the stack trace', () => {
    const result = runCli(['variance', '--data', 'no-such-folder', '--debug'], { cwd: work });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^fn-model: no-such-folder: not found\n/);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
