import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STANDARD_HEADER, datasetWith, problemsOf } from './dataset-fixture.js';
import { temporaryFolder } from '../support/temp-folders.js';

const BRR = 'BRR04,CFN Improving Fostering,16,120,334,470,239,(119)';
const TOTAL = 'TOTAL,Total,16,120,334,470,239,(119)';

/** A one-table brp-investment.csv with the given body lines after the header. */
function investment(...rows: string[]): string {
  return [STANDARD_HEADER, ...rows].join('\n') + '\n';
}

async function problemsWithInvestment(content: string | Uint8Array): Promise<{ file: string; problems: string[] }> {
  const folder = datasetWith({ 'brp-investment.csv': content });
  return { file: join(folder, 'brp-investment.csv'), problems: await problemsOf(folder) };
}

describe('bad amounts', () => {
  it.each([['12x4'], ['1e3'], ['NaN'], ['Infinity'], ['+5']])('%s is not an amount, located by row and column', async (text) => {
    const { file, problems } = await problemsWithInvestment(investment(`BRR04,CFN Improving Fostering,16,120,334,470,"${text}",(119)`, TOTAL));
    expect(problems).toEqual([`${file}:2: column "outturn": ${JSON.stringify(text)} is not an amount`]);
  });

  it.each([['1,23', '1.23'], ['-2,40', '-2.40'], ['1.234,56', '1234.56']])('%s is not an amount, and the message points to --decimal-comma (it would read as %s), never to -240', async (text, reading) => {
    const { file, problems } = await problemsWithInvestment(investment(`BRR04,CFN Improving Fostering,16,120,334,470,"${text}",(119)`, TOTAL));
    expect(problems).toEqual([`${file}:2: column "outturn": ${JSON.stringify(text)} is not an amount (a decimal comma? give --decimal-comma to read it as ${reading})`]);
  });

  it('a text amount of more than 15 significant digits is refused, not rounded', async () => {
    const { file, problems } = await problemsWithInvestment(investment('BRR04,CFN Improving Fostering,16,120,334,470,0.30000000000000004,(119)', TOTAL));
    expect(problems).toEqual([`${file}:2: column "outturn": "0.30000000000000004" has more than 15 significant digits, more than a spreadsheet holds; round it (see docs/robustness.md)`]);
  });

  it('a blank cell in a line is an error', async () => {
    const { file, problems } = await problemsWithInvestment(investment('BRR04,CFN Improving Fostering,16,,334,470,239,(119)', TOTAL));
    expect(problems).toEqual([`${file}:2: column "2020/21": is blank`]);
  });

  it('collects every bad cell of a file, not only the first', async () => {
    const { file, problems } = await problemsWithInvestment(investment('BRR04,CFN Improving Fostering,16,12x4,334,470,239,(119)', BRR.replace('BRR04', 'BRR06').replace('470', 'abc'), TOTAL));
    expect(problems).toEqual([`${file}:2: column "2020/21": "12x4" is not an amount`, `${file}:3: column "total": "abc" is not an amount`]);
  });

  it('collects problems across files of the folder', async () => {
    const folder = datasetWith({
      'brp-investment.csv': investment(BRR.replace('239', 'x'), TOTAL),
      'fn-costs.csv': investment(BRR.replace('16', '?'), TOTAL),
    });
    expect(await problemsOf(folder)).toEqual([
      `${join(folder, 'fn-costs.csv')}:2: column "2019/20": "?" is not an amount`,
      `${join(folder, 'brp-investment.csv')}:2: column "outturn": "x" is not an amount`,
    ]);
  });
});

describe('rows and CSV syntax', () => {
  it('a ragged row is reported with its row number', async () => {
    const { file, problems } = await problemsWithInvestment(investment(`${BRR},extra`, TOTAL));
    expect(problems).toEqual([`${file}:2: row has 9 cells, header has 8`]);
  });

  it('an unterminated quote is located at the record it opens in, without a stack', async () => {
    const { file, problems } = await problemsWithInvestment(investment(BRR, 'BRR06,"CFN Practice,482,185,128,795,297,(112)', TOTAL));
    expect(problems).toEqual([`${file}:3: "CFN Practice,482,185,128,795,297,(112)\\nTOTAL,Total,16,120,33…" a quoted cell is never closed (missing closing ") in column 2`]);
  });

  it('a stray quote after a closing quote is located', async () => {
    const { file, problems } = await problemsWithInvestment(investment(BRR, 'BRR06,"CFN"x,482,185,128,795,297,(112)', TOTAL));
    expect(problems).toEqual([`${file}:3: "CFN" unexpected character after a closing quote (a " inside a cell must be doubled) in column 2`]);
  });

  it('blank rows and rows of only commas are skipped, and row numbers stay physical', async () => {
    const folder = datasetWith({ 'brp-investment.csv': investment('', ',,,,,,,', BRR, TOTAL) });
    const { loadProgramme } = await import('../../src/load/index.js');
    const table = (await loadProgramme(folder)).tables.find((candidate) => candidate.id === 'brp-investment');
    expect(table?.lines.map((line) => [line.id, line.row])).toEqual([['BRR04', 4]]);
  });
});

describe('line ids and the TOTAL row', () => {
  it('a duplicate line id names the first row', async () => {
    const { file, problems } = await problemsWithInvestment(investment(BRR, BRR, TOTAL));
    expect(problems).toEqual([`${file}:3: column "line": duplicate line id "BRR04" (first at row 2)`]);
  });
  it('a blank line id is an error', async () => {
    const { file, problems } = await problemsWithInvestment(investment(BRR.replace('BRR04', ' '), TOTAL));
    expect(problems).toEqual([`${file}:2: column "line": is blank`]);
  });
  it('no TOTAL row', async () => {
    const { file, problems } = await problemsWithInvestment(investment(BRR));
    expect(problems).toEqual([`${file}: no TOTAL row`]);
  });
  it('TOTAL twice', async () => {
    const { file, problems } = await problemsWithInvestment(investment(BRR, TOTAL, TOTAL.replace('TOTAL', 'total')));
    expect(problems).toEqual([`${file}:4: column "line": second TOTAL row (first at row 3)`]);
  });
  it('a line after TOTAL', async () => {
    const { file, problems } = await problemsWithInvestment(investment(TOTAL, BRR));
    expect(problems).toEqual([`${file}:3: column "line": "BRR04" comes after the TOTAL row (row 2)`]);
  });
  it('a line in a cross-table table (all-costs has only a TOTAL row)', async () => {
    const folder = datasetWith({ 'all-costs.csv': investment(BRR, 'TOTAL,Total,11169,20774,21485,53428,20320,454') });
    expect(await problemsOf(folder)).toEqual([`${join(folder, 'all-costs.csv')}:2: column "line": "BRR04" is a line, but table all-costs has only a TOTAL row`]);
  });
  it('an empty file', async () => {
    const { file, problems } = await problemsWithInvestment('');
    expect(problems).toEqual([`${file}: file is empty`]);
  });
  it('a header only', async () => {
    const { file, problems } = await problemsWithInvestment(investment());
    expect(problems).toEqual([`${file}: no TOTAL row`]);
  });
});

describe('headers', () => {
  it('accepts the published long labels', async () => {
    const header = 'Line ID,Description,2019/20 £000,2020/21 £000,2021/24 £000,Total £000,"Year End Outturn Projection\n2020/21 £000",Variance Under / (Over) 2020/21 £000';
    const folder = datasetWith({ 'brp-investment.csv': [header, BRR, TOTAL].join('\n') });
    const { loadProgramme } = await import('../../src/load/index.js');
    const table = (await loadProgramme(folder)).tables.find((candidate) => candidate.id === 'brp-investment');
    expect(table?.lines[0]?.inputs.outturn?.toFixed()).toBe('239');
    expect(table?.lines[0]?.sources.outturn?.column).toBe('outturn');
  });
  it('a duplicate header column', async () => {
    const { file, problems } = await problemsWithInvestment([`${STANDARD_HEADER},Outturn £000`, `${BRR},1`, `${TOTAL},1`].join('\n'));
    expect(problems).toEqual([`${file}:1: column "outturn": "Outturn £000" duplicate column (first is column 7)`]);
  });
  it('a missing required column', async () => {
    const { file, problems } = await problemsWithInvestment(['line,name,2019/20,2020/21,2021/24,total,variance', 'BRR04,x,1,2,3,6,0', 'TOTAL,t,1,2,3,6,0'].join('\n'));
    expect(problems).toEqual([`${file}:1: missing required column "outturn"`]);
  });
  it('header not found', async () => {
    const { file, problems } = await problemsWithInvestment(['code,title,a,b', 'BRR04,x,1,2'].join('\n'));
    expect(problems).toEqual([`${file}: header not found (no row among the first 10 has a "line" column)`]);
  });
  it('a column this table cannot have is not silently dropped', async () => {
    const { file, problems } = await problemsWithInvestment([`${STANDARD_HEADER},delayed_wholly`, `${BRR},1`, `${TOTAL},1`].join('\n'));
    expect(problems).toEqual([`${file}:1: "delayed_wholly" is not a column heading this file can have (column 9)`]);
  });
});

describe('the folder', () => {
  it('a missing folder', async () => {
    const missing = join(temporaryFolder('fn-model-load-'), 'nowhere');
    expect(await problemsOf(missing)).toEqual([`${missing}: not found`]);
  });
  it('a required table file missing is named; problems of other files are still collected', async () => {
    const folder = datasetWith({ 'ncc-savings.csv': null, 'fn-costs.csv': investment(BRR.replace('239', '2 39'), TOTAL) });
    expect(await problemsOf(folder)).toEqual([
      `${join(folder, 'fn-costs.csv')}:2: column "outturn": "2 39" is not an amount`,
      `${join(folder, 'ncc-savings.csv')}: not found (the ncc-savings table is required)`,
    ]);
  });
  it('the headline file is optional', async () => {
    const folder = datasetWith({ 'headline.csv': null });
    const { loadProgramme } = await import('../../src/load/index.js');
    expect((await loadProgramme(folder)).headline).toEqual([]);
  });
  it('an unknown headline figure and unit are errors', async () => {
    const folder = datasetWith({ 'headline.csv': 'figure,description,amount,unit\ncost-overspend,x,0.454,£m\nsavings-shortfall,y,1.342,£bn\n' });
    const file = join(folder, 'headline.csv');
    expect(await problemsOf(folder)).toEqual([
      `${file}:2: column "figure": "cost-overspend" is not a headline figure (expected one of cost-underspend, savings-shortfall, combined-adverse-movement)`,
      `${file}:3: column "unit": "£bn" is not a unit (expected £m or £000)`,
    ]);
  });
});
