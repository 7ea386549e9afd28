/**
 * Properties of scenario adjustments and the simulation, on the bundled March 2021
 * programme (fast-check): slipping 0% changes nothing; slipping more never reduces the
 * shortfall; a scenario and its inverse return the base; a degenerate distribution
 * simulates to the deterministic run; the outcome agrees with the variance engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type Amount, amountOf, compare, equals } from '../../src/money/index.js';
import type { Programme, TableId } from '../../src/model/index.js';
import { join } from 'node:path';
import { loadProgramme } from '../../src/load/index.js';
import { ROOT } from '../support/run-cli.js';
import {
  type Adjustment, type Driver, type Scenario, applyAdjustment, applyScenario, computeVariance, inverseOf,
  outcomeOf, seededRandom, simulate, FIGURES,
} from '../../src/engine/index.js';

let programme: Programme;
beforeAll(async () => {
  programme = await loadProgramme(join(ROOT, 'data', 'march-2021'));
});

const origin = { file: 'property', line: 1, column: 1 };
const SAVINGS_LINES: Record<'brp-savings' | 'ncc-savings', string[]> = {
  'brp-savings': ['BRR04', 'BRR06', 'BRR08', 'BRR09', 'BRR10', 'BRR18', 'BRR20', 'BRR21', 'BRR26', 'BRR45', 'BRR46'],
  'ncc-savings': ['Adults', "Children's", 'Corporate Services', 'Place', 'LGSS'],
};
const COST_LINES: Partial<Record<TableId, string[]>> = {
  'fn-costs': ['Staff Costs', 'Other Programme Costs'],
  'ncc-investment': ['Adults', "Children's", 'Corporate Services'],
  'brp-investment': ['BRR04', 'BRR46'],
};

/** A share with up to 4 decimal places, 0 to 1. */
const share = fc.integer({ min: 0, max: 10_000 }).map((n) => amountOf(String(n)).dividedBy(10_000));

function target(table: TableId, lines: readonly string[] | '*') {
  return { table, lines, tableOrigin: origin, lineOrigins: lines === '*' ? [] : lines.map(() => origin) };
}

const savingsTarget = fc.constantFrom<'brp-savings' | 'ncc-savings'>('brp-savings', 'ncc-savings').chain((table) =>
  fc.oneof(fc.constant<'*'>('*'), fc.subarray(SAVINGS_LINES[table], { minLength: 1 })).map((lines) => target(table, lines)));

function slip(value: Amount, tgt: ReturnType<typeof target>, to: 'lost' | '2021/24', from: '2020/21' | '2021/24' = '2020/21'): Adjustment {
  return { kind: 'slip', from, to, measure: 'share', value, target: tgt, origin, valueOrigin: origin };
}

/** Invertible adjustments: slips 2020/21 → 2021/24 or lost, reclassifications on ncc-savings, outturn scales. */
const invertible: fc.Arbitrary<Adjustment> = fc.oneof(
  fc.tuple(share, savingsTarget, fc.constantFrom<'lost' | '2021/24'>('lost', '2021/24')).map(([value, tgt, to]) => slip(value, tgt, to)),
  fc.tuple(share, fc.subarray(SAVINGS_LINES['ncc-savings'], { minLength: 1 }), fc.constantFrom('delayed-wholly', 'delayed-partly', 'not-deliverable'), fc.constantFrom('delayed-wholly', 'delayed-partly', 'not-deliverable'))
    .filter(([, , from, to]) => from !== to)
    .map(([value, lines, from, to]): Adjustment => ({ kind: 'reclassify', from: from as 'delayed-wholly', to: to as 'delayed-partly', measure: 'share', value, target: target('ncc-savings', lines), origin, valueOrigin: origin })),
  fc.tuple(fc.integer({ min: 0, max: 300 }), fc.constantFrom(...(Object.keys(COST_LINES) as TableId[]))).chain(([percent, table]) =>
    fc.subarray(COST_LINES[table]!, { minLength: 1 }).map((lines): Adjustment => ({ kind: 'outturn', measure: 'scale', value: amountOf(String(percent)).dividedBy(100), target: target(table, lines), origin, valueOrigin: origin }))),
);

function sameInputs(a: Programme, b: Programme): boolean {
  return a.tables.every((table, t) => table.lines.every((line, l) => {
    const other = b.tables[t]!.lines[l]!;
    const fields = new Set([...Object.keys(line.inputs), ...Object.keys(other.inputs)]) as Set<keyof typeof line.inputs>;
    return [...fields].every((field) => equals(line.inputs[field] ?? amountOf('0'), other.inputs[field] ?? amountOf('0')));
  }));
}

describe('scenario properties', () => {
  it('the base outcome agrees with the variance engine (454, 1,362, 908)', () => {
    const report = computeVariance(programme);
    const figures = outcomeOf(programme).figures;
    expect(figures['cost-underspend'].toFixed()).toBe(report.costs.variance.toFixed());
    expect(figures['savings-shortfall'].toFixed()).toBe(report.savings.variance.toFixed());
    expect(figures['combined-adverse-movement'].toFixed()).toBe('908');
  });

  it('slipping 0% changes nothing', () => {
    fc.assert(fc.property(savingsTarget, fc.constantFrom<'lost' | '2021/24'>('lost', '2021/24'), fc.constantFrom<'2020/21' | '2021/24'>('2020/21', '2021/24'), (tgt, to, from) => {
      const adjustment = slip(amountOf('0'), tgt, from === '2021/24' ? 'lost' : to, from);
      const after = applyAdjustment(programme, adjustment);
      expect(sameInputs(after, programme)).toBe(true);
      const before = outcomeOf(programme).figures;
      const figures = outcomeOf(after).figures;
      for (const id of FIGURES) expect(equals(figures[id], before[id])).toBe(true);
    }));
  });

  it('slipping more never reduces the shortfall (nor the combined adverse movement)', () => {
    fc.assert(fc.property(share, share, savingsTarget, fc.constantFrom<'lost' | '2021/24'>('lost', '2021/24'), (a, b, tgt, to) => {
      const [low, high] = compare(a, b) <= 0 ? [a, b] : [b, a];
      const at = (value: Amount) => outcomeOf(applyAdjustment(programme, slip(value, tgt, to))).figures;
      expect(compare(at(low)['savings-shortfall'], at(high)['savings-shortfall'])).toBeLessThanOrEqual(0);
      expect(compare(at(low)['combined-adverse-movement'], at(high)['combined-adverse-movement'])).toBeLessThanOrEqual(0);
    }));
  });

  it('a scenario and its inverse return the base', () => {
    fc.assert(fc.property(fc.array(invertible, { minLength: 1, maxLength: 5 }), (adjustments) => {
      let state = programme;
      const undo: Adjustment[][] = [];
      for (const adjustment of adjustments) {
        const inverse = inverseOf(state, adjustment);
        expect(inverse).toBeDefined();
        undo.unshift(inverse!);
        state = applyAdjustment(state, adjustment);
      }
      const restored = undo.reduce((current, inverses) => applyScenario(current, { adjustments: inverses }), state);
      expect(sameInputs(restored, programme)).toBe(true);
    }), { numRuns: 200 });
  });

  it('simulate with a degenerate distribution equals the deterministic run', () => {
    fc.assert(fc.property(share, savingsTarget, fc.constantFrom<'lost' | '2021/24'>('lost', '2021/24'), fc.constantFrom('uniform', 'triangular', 'pert'), fc.boolean(), (value, tgt, to, kind, each) => {
      const adjustment = slip(value, tgt, to);
      const distribution = kind === 'uniform' ? { kind: 'uniform' as const, min: value, max: value } : { kind: kind as 'pert', min: value, mode: value, max: value };
      const driver: Driver = { name: 'd', adjustment, distribution, each, origin };
      const scenario: Scenario = { name: 's', description: '', file: 'property', adjustments: [], drivers: [driver] };
      const report = simulate(programme, scenario, { runs: 50, seed: 3, random: seededRandom(3) });
      const deterministic = outcomeOf(applyAdjustment(programme, adjustment)).figures;
      for (const item of report.statistics) {
        for (const statistic of [item.mean, item.min, item.max, ...Object.values(item.percentiles)]) {
          expect(statistic.toFixed()).toBe(deterministic[item.figure].toFixed());
        }
      }
    }), { numRuns: 60 });
  });

  it('a Bernoulli that always happens equals the deterministic run, and one that never does equals the base', () => {
    const adjustment = slip(amountOf('0.25'), target('ncc-savings', ['Adults']), 'lost');
    for (const [p, expected] of [['1', '2229.75'], ['0', '908']] as const) {
      const driver: Driver = { name: 'd', adjustment, distribution: { kind: 'bernoulli', p: amountOf(p), min: amountOf('0'), max: amountOf('0.25') }, each: false, origin };
      const report = simulate(programme, { name: 's', description: '', file: 'p', adjustments: [], drivers: [driver] }, { runs: 100, seed: 1, random: seededRandom(1) });
      expect(report.statistics[0]!.mean.toFixed()).toBe(expected);
    }
  });
});
