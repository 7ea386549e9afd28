/**
 * Which month a snapshot is, from its name (docs/trend.md, "Which month a snapshot is").
 */
import { describe, expect, it } from 'vitest';
import { missingMonths, monthOf, monthsIn, nextMonth } from '../../src/model/index.js';
import { snapshotName } from '../../src/commands/trend-snapshots.js';

describe('monthsIn', () => {
  it.each([
    ['2021-03', ['2021-03']],
    ['2021_3', ['2021-03']],
    ['monitoring 2021.03', ['2021-03']],
    ['2021-03-31', ['2021-03']],
    ['march-2021', ['2021-03']],
    ['Mar 2021', ['2021-03']],
    ['MAR2021', ['2021-03']],
    ['2021-march', ['2021-03']],
    ['budget-monitoring-sept-2020', ['2020-09']],
    ['P12 December 2020 final', ['2020-12']],
    ['march-2021 (2021-03)', ['2021-03']],
  ])('%s is %j', (name, months) => {
    expect(monthsIn(name)).toEqual(months);
  });

  it.each([
    ['book', 'no month'],
    ['mar-21', 'a two-digit year is not read'],
    ['2020-21', 'a financial year is not a month'],
    ['2021-13', 'there is no month 13'],
    ['marching-2021', 'a month name must stand alone'],
    ['20210331', 'digits run together are not read'],
  ])('%s gives no month (%s)', (name) => {
    expect(monthsIn(name)).toEqual([]);
  });

  it('a name with two months gives both (the caller refuses it)', () => {
    expect(monthsIn('2020-12-vs-2021-01')).toEqual(['2020-12', '2021-01']);
  });
});

describe('months', () => {
  it('steps across the year end and lists the months no snapshot covers', () => {
    expect(nextMonth(monthOf(2020, 12))).toBe('2021-01');
    expect(missingMonths([monthOf(2020, 10), monthOf(2020, 11), monthOf(2021, 2)])).toEqual(['2020-12', '2021-01']);
  });

  it('reads the month from the folder name or the workbook name without .xlsx', () => {
    expect(snapshotName('data/trend/2020-10/')).toBe('2020-10');
    expect(snapshotName('books/March-2021.XLSX')).toBe('March-2021');
  });
});
