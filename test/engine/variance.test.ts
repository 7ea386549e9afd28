import { describe, expect, it } from 'vitest';
import { amountOf, toDecimalString } from '../../src/money/index.js';
import { computeVariance } from '../../src/engine/index.js';
import { programmeOf } from '../support/programme.js';

const brief = (report: ReturnType<typeof computeVariance>) =>
  report.discrepancies.map((item) => `${item.table}.${item.line}.${item.field} ${toDecimalString(item.stated)}/${toDecimalString(item.computed)}`);

describe('computeVariance', () => {
  // fields: 2019/20, 2020/21, 2021/24, total, outturn, variance
  const programme = programmeOf({
    'fn-costs': { lines: [['A', '10', '100', '5', '115', '90', '10'], ['B', '0', '50', '0', '50', '60', '-10']], total: ['10', '150', '5', '165', '150', '0'] },
    'brp-savings': { lines: [['S1', '0', '40', '60', '100', '25', '15']], total: ['0', '40', '60', '100', '25', '15'] },
    'all-costs': { total: ['10', '150', '5', '165', '150', '0'] },
    'all-savings': { total: ['0', '40', '60', '100', '30', '15', '', ''] },
  });

  it('computes line totals and variances (budget − outturn) and table totals from lines', () => {
    const report = computeVariance(programme);
    const fn = report.tables.find((table) => table.table.id === 'fn-costs')!;
    expect(toDecimalString(fn.lines[0]!.computed.total!)).toBe('115');
    expect(toDecimalString(fn.lines[1]!.computed.variance!)).toBe('-10');
    expect(toDecimalString(fn.computed.variance!)).toBe('0');
  });

  it('computes cross-table rows from the covered tables\' lines, never their stated totals', () => {
    const report = computeVariance(programme);
    // all-savings states outturn 30; the only savings line says 25.
    expect(brief(report)).toEqual(['all-savings.TOTAL.outturn 30/25']);
    expect(toDecimalString(report.savings.variance)).toBe('15');
  });

  it('combined adverse movement = savings shortfall − cost underspend', () => {
    const report = computeVariance(programme);
    expect(toDecimalString(report.costs.variance)).toBe('0');
    expect(toDecimalString(report.combined.computed)).toBe('15');
    expect(report.combined.published).toBeUndefined();
  });

  it('does not check a figure that is not stated (blank TOTAL cell)', () => {
    const report = computeVariance(programme);
    expect(report.discrepancies.some((item) => item.field === 'delayedWholly')).toBe(false);
  });

  it('reports a wrong stated line total and variance against the line', () => {
    const report = computeVariance(programmeOf({ 'fn-costs': { lines: [['A', '1', '2', '3', '7', '2', '1']], total: ['1', '2', '3', '6', '2', '0'] } }));
    expect(brief(report)).toEqual(['fn-costs.A.total 7/6', 'fn-costs.A.variance 1/0']);
  });

  it('tolerance hides differences up to and including N, and no further', () => {
    const wrong = programmeOf({ 'fn-costs': { lines: [['A', '1', '2', '3', '6', '2', '0']], total: ['1', '2', '3', '6', '2', '0.5'] } });
    expect(brief(computeVariance(wrong))).toEqual(['fn-costs.TOTAL.variance 0.5/0']);
    expect(brief(computeVariance(wrong, { tolerance: amountOf('0.5') }))).toEqual([]);
    expect(brief(computeVariance(wrong, { tolerance: amountOf('0.49') }))).toEqual(['fn-costs.TOTAL.variance 0.5/0']);
  });
});
