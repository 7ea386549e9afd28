import { describe, expect, it } from 'vitest';
import { tableColumnOf } from '../../src/load/index.js';

describe('tableColumnOf', () => {
  it.each([
    ['Year End Outturn Projection 2020/21 £000', 'outturn'],
    ['Year End Outturn Projection\n2020/21 £000', 'outturn'],
    ['Variance Under / (Over) 2020/21 £000', 'variance'],
    ['Variance Under/(Over)\r\n2020/21 £000', 'variance'],
    ['2019/20 £000', '2019/20'],
    ['2020/21 (£000)', '2020/21'],
    [' 2021/24 ', '2021/24'],
    ['Total £000', 'total'],
    ['TOTAL', 'total'],
    ['Delayed but wholly deliverable in 2021/22 £000', 'delayedWholly'],
    ['Delayed but partly deliverable in 2021/22 £000', 'delayedPartly'],
    ['delayed_wholly', 'delayedWholly'],
    ['delayed_partly', 'delayedPartly'],
    ['Line', 'line'],
    ['Line ID', 'line'],
    ['id', 'line'],
    ['Name', 'name'],
    ['Description', 'name'],
    ['OUTTURN', 'outturn'],
  ])('%j → %s', (label, column) => {
    expect(tableColumnOf(label)).toBe(column);
  });
  it('does not guess at other labels', () => {
    expect(tableColumnOf('notes')).toBeUndefined();
    expect(tableColumnOf('outturn 2021/22')).toBeUndefined();
    expect(tableColumnOf('')).toBeUndefined();
  });
});
