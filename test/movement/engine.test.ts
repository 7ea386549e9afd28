import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../../src/money/index.js';
import { computeMovement } from '../../src/engine/index.js';
import { programmeOf } from '../support/programme.js';

const text = (value: { toFixed(): string }) => toDecimalString(value as never);

describe('computeMovement', () => {
  // fields: 2019/20, 2020/21, 2021/24, total, outturn, variance
  const march = programmeOf({
    'fn-costs': { lines: [['A', '0', '100', '0', '', '90', ''], ['B', '0', '50', '0', '', '50', '']] },
    'brp-savings': { lines: [['S1', '0', '40', '0', '', '25', ''], ['S2', '0', '10', '0', '', '0', '']] },
  });
  const april = programmeOf({
    'fn-costs': { lines: [['A', '0', '100', '0', '', '95', ''], ['C', '0', '30', '0', '', '20', '']] },
    'brp-savings': { lines: [['S1', '0', '40', '0', '', '15', '']] },
  });
  const report = computeMovement(march, april);

  it('matches lines by id: changed, added, removed', () => {
    const fn = report.tables.find((table) => table.id === 'fn-costs')!;
    expect(fn.lines.map((line) => `${line.id}:${line.status}:${text(line.change.variance)}`)).toEqual(['A:changed:-5', 'C:added:10', 'B:removed:0']);
    const savings = report.tables.find((table) => table.id === 'brp-savings')!;
    expect(savings.lines.map((line) => `${line.id}:${line.status}:${text(line.change.variance)}`)).toEqual(['S1:changed:10', 'S2:removed:-10']);
  });

  it('bridges combined adverse movement: savings + change in variance, costs − change in variance', () => {
    // march: costs variance 10, savings 25 → combined 15; april: costs 15, savings 25 → 10.
    expect(text(report.bridge.from)).toBe('15');
    expect(text(report.bridge.to)).toBe('10');
    expect(text(report.bridge.change)).toBe('-5');
    expect(report.bridge.steps.map((step) => `${step.table} ${text(step.amount)} → ${text(step.runningTotal)}`)).toEqual([
      'fn-costs -5 → 10', 'brp-investment 0 → 10', 'brp-savings 0 → 10', 'ncc-investment 0 → 10', 'ncc-savings 0 → 10',
    ]);
    const savingsStep = report.bridge.steps.find((step) => step.table === 'brp-savings')!;
    expect(savingsStep.lines.map((line) => `${line.line} ${text(line.amount)}`)).toEqual(['S1 10', 'S2 -10']);
  });

  it('compares identical snapshots as all unchanged with a zero bridge', () => {
    const same = computeMovement(march, march);
    expect(same.tables.flatMap((table) => table.lines).every((line) => line.status === 'unchanged')).toBe(true);
    expect(text(same.bridge.change)).toBe('0');
  });
});
