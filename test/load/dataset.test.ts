import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../../src/money/index.js';
import { TABLE_IDS, type Programme } from '../../src/model/index.js';
import { bundledDatasetPath, loadProgramme } from '../../src/load/index.js';

const folder = bundledDatasetPath();

function tableOf(programme: Programme, id: string) {
  const table = programme.tables.find((candidate) => candidate.id === id);
  if (!table) throw new Error(`no table ${id}`);
  return table;
}

describe('the bundled March 2021 dataset', () => {
  it('is found from the module, not the working directory', () => {
    expect(isAbsolute(folder)).toBe(true);
    expect(folder.endsWith(join('data', 'march-2021'))).toBe(true);
  });

  it('loads all seven tables in report order, and the headline', async () => {
    const programme = await loadProgramme(folder);
    expect(programme.name).toBe('march-2021');
    expect(programme.path).toBe(folder);
    expect(programme.tables.map((table) => table.id)).toEqual([...TABLE_IDS]);
    expect(programme.tables.map((table) => table.lines.length)).toEqual([2, 11, 11, 5, 5, 0, 0]);
    expect(programme.headline.map((statement) => statement.figure)).toEqual(['cost-underspend', 'savings-shortfall', 'combined-adverse-movement']);
  });

  it('reads BRR09 savings outturn as 1065 (£000, from "1,065") at row 5', async () => {
    const line = tableOf(await loadProgramme(folder), 'brp-savings').lines.find((candidate) => candidate.id === 'BRR09');
    expect(line?.name).toBe('Adults Review of Target Operating Model');
    expect(line && toDecimalString(line.inputs.outturn!)).toBe('1065');
    expect(line && toDecimalString(line.stated.variance!)).toBe('-270');
    expect(line && toDecimalString(line.stated.total!)).toBe('14000');
    expect(line?.row).toBe(5);
    expect(line?.sources.outturn).toEqual({ file: join(folder, 'brp-savings.csv'), row: 5, column: 'outturn' });
    // made from the row when asked: no internals to see, and JSON gives every source cell
    expect(Object.keys(line!.sources)).toEqual([]);
    const json = JSON.parse(JSON.stringify(line!.sources)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['2019/20', '2020/21', '2021/24', 'total', 'outturn', 'variance']);
    expect(json.variance).toEqual({ file: join(folder, 'brp-savings.csv'), row: 5, column: 'variance' });
  });

  it('reads "-" as zero: NCC savings Children\'s delayed wholly = 0', async () => {
    const line = tableOf(await loadProgramme(folder), 'ncc-savings').lines.find((candidate) => candidate.id === "Children's");
    expect(toDecimalString(line!.inputs.delayedWholly!)).toBe('0');
    expect(toDecimalString(line!.inputs.delayedPartly!)).toBe('600');
    expect(line!.sources.delayedWholly?.column).toBe('delayed_wholly');
  });

  it('keeps a blank TOTAL cell as "not stated": all-savings has no stated delayed figures', async () => {
    const table = tableOf(await loadProgramme(folder), 'all-savings');
    expect(table.lines).toEqual([]);
    expect('delayedWholly' in table.stated).toBe(false);
    expect('delayedPartly' in table.stated).toBe(false);
    expect(toDecimalString(table.stated.variance!)).toBe('1342');
    expect(table.covers).toEqual(['brp-savings', 'ncc-savings']);
  });

  it('reads the stated TOTAL row with its sources', async () => {
    const table = tableOf(await loadProgramme(folder), 'ncc-investment');
    expect(toDecimalString(table.stated.variance!)).toBe('-158');
    expect(toDecimalString(table.stated['2019/20']!)).toBe('2273');
    expect(table.statedSources.variance).toEqual({ file: join(folder, 'ncc-investment.csv'), row: 7, column: 'variance' });
    expect(table.title).toBe('NCC Transformation - Investment/Costs');
  });

  it('converts the headline from £m to £000: combined adverse movement 0.888 £m = 888', async () => {
    const programme = await loadProgramme(folder);
    const combined = programme.headline.find((statement) => statement.figure === 'combined-adverse-movement');
    expect(toDecimalString(combined!.amount)).toBe('888');
    expect(combined!.statedText).toBe('0.888');
    expect(combined!.unit).toBe('£m');
    expect(combined!.description).toBe('total adverse movement of £0.888 m');
    expect(combined!.source).toEqual({ file: join(folder, 'headline.csv'), row: 4, column: 'amount' });
    expect(programme.headline.map((statement) => toDecimalString(statement.amount))).toEqual(['454', '1342', '888']);
  });

  it('names files by the path as the user gave it, not an absolute path', async () => {
    const programme = await loadProgramme('data/march-2021');
    expect(programme.name).toBe('march-2021');
    expect(programme.tables[0]?.source).toEqual({ file: 'data/march-2021/fn-costs.csv' });
    expect(programme.tables[0]?.lines[0]?.sources['2019/20']?.file).toBe('data/march-2021/fn-costs.csv');
  });
});
