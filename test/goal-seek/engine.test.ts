/**
 * The goal-seek engine: a measure that bends (a later slip's source crosses nil) is solved
 * on the right piece, not by one straight line; a bend at a value that is not a decimal
 * is refused, located; and (fast-check, on the bundled March 2021 programme) the solution
 * fed back through the ordinary scenario engine reproduces the target exactly.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type Amount, type Fraction, addFractions, amountOf, amountOfFraction, compare, compareFractions, divideFractions, formatFraction,
  fraction, fractionOfAmount, isTerminating, multiplyFractions, roundFraction, subtractFractions,
} from '../../src/money/index.js';
import type { Programme } from '../../src/model/index.js';
import { loadProgramme } from '../../src/load/index.js';
import { type Adjustment, type Scenario, GOAL_SEEK_MEASURES, MEASURE_FIGURES, ScenarioError, goalSeek, measureAt } from '../../src/engine/index.js';
import { programmeOf } from '../support/programme.js';
import { ROOT } from '../support/run-cli.js';

const origin = { file: 'test.yaml', line: 3, column: 12 };

function target(table: Adjustment['target']['table'], lines: readonly string[] | '*'): Adjustment['target'] {
  return { table, lines, tableOrigin: origin, lineOrigins: lines === '*' ? [] : lines.map(() => origin) };
}

function slip(lines: readonly string[] | '*', from: '2020/21' | '2021/24', to: '2021/24' | '2020/21' | 'lost', value: string, table: 'brp-savings' | 'ncc-savings' = 'brp-savings'): Adjustment {
  return { kind: 'slip', from, to, measure: 'share', value: amountOf(value), target: target(table, lines), origin, valueOrigin: origin };
}

function scenarioOf(...adjustments: Adjustment[]): Scenario {
  return { name: 'test', description: '', file: 'test.yaml', adjustments, drivers: [] };
}

describe('a measure with a bend', () => {
  // X: 2020/21 budget 500, outturn 400, 2021/24 plan −100. Slip v of the outturn into the plan
  // (plan −100 + 400v, nil at v = 1/4), then bring 50% of the plan (floored at nil) forward:
  // shortfall = 100 + 400v up to v = 1/4, then 150 + 200v (both 200 at 1/4; 350 at v = 1).
  const bent = programmeOf({ 'brp-savings': { lines: [['X', '0', '500', '-100', '', '400', '']] } });
  const scenario = scenarioOf(slip(['X'], '2020/21', '2021/24', '0.1'), slip(['X'], '2021/24', '2020/21', '0.5'));

  it('finds both pieces, split exactly where the plan crosses nil', () => {
    const report = goalSeek(bent, scenario, 1, 'shortfall', amountOf('300'));
    expect(report.pieces.map((piece) => [piece.from, piece.to, piece.atFrom, piece.atTo].map(String))).toEqual([['0', '0.25', '100', '200'], ['0.25', '1', '200', '350']]);
  });
  it('solves on the second piece: 150 + 200v = 300 at v = 3/4 (one straight line from 0 to 1 would say 4/5)', () => {
    const report = goalSeek(bent, scenario, 1, 'shortfall', amountOf('300'));
    expect(formatFraction(report.solution!.exact)).toBe('3/4');
    expect(measureAt(bent, scenario, 1, MEASURE_FIGURES.shortfall, amountOf('0.75')).toFixed()).toBe('300');
  });
  it('solves on the first piece: 100 + 400v = 150 at v = 1/8', () => {
    expect(formatFraction(goalSeek(bent, scenario, 1, 'shortfall', amountOf('150')).solution!.exact)).toBe('1/8');
  });
  it('refuses, located, a bend at a value that is not a decimal (plan −100 + 300v is nil at 1/3)', () => {
    const thirds = programmeOf({ 'brp-savings': { lines: [['X', '0', '500', '-100', '', '300', '']] } });
    expect(() => goalSeek(thirds, scenario, 1, 'shortfall', amountOf('300'))).toThrow(ScenarioError);
    expect(() => goalSeek(thirds, scenario, 1, 'shortfall', amountOf('300'))).toThrow(/^test\.yaml:3:12: goal-seek cannot solve this scenario exactly: .* \(1\/3\)/);
  });
  it('a decreasing measure: bringing the plan forward lowers the shortfall; the check names the rounded value below the target', () => {
    const forward = programmeOf({ 'brp-savings': { lines: [['X', '0', '500', '300', '', '200', '']] } });
    // shortfall = 300 − 300v; 250 at v = 1/6.
    const report = goalSeek(forward, scenarioOf(slip(['X'], '2021/24', '2020/21', '0.1')), 1, 'shortfall', amountOf('250'));
    expect(formatFraction(report.solution!.exact)).toBe('1/6');
    expect(report.solution!.value.toFixed()).toBe('0.166666');
    expect(report.check!.below!.value.toFixed()).toBe('0.166667');
    expect(report.check!.atOrAbove!.value.toFixed()).toBe('0.166666');
  });
});

describe('fractions', () => {
  it('round each way and keep lowest terms', () => {
    const third = fraction(-2n, 6n);
    expect(formatFraction(third)).toBe('-1/3');
    expect(roundFraction(third, 2, 'floor').toFixed()).toBe('-0.34');
    expect(roundFraction(third, 2, 'ceil').toFixed()).toBe('-0.33');
    expect(roundFraction(fraction(5n, 8n), 2, 'half-even').toFixed()).toBe('0.62');
    expect(roundFraction(fraction(7n, 8n), 2, 'half-even').toFixed()).toBe('0.88');
    expect(isTerminating(fraction(3n, 40n))).toBe(true);
    expect(amountOfFraction(fraction(3n, 40n)).toFixed()).toBe('0.075');
    expect(formatFraction(fractionOfAmount(amountOf('-1321.75')))).toBe('-5287/4');
  });
});

describe('property: the solution fed back through the scenario engine gives the target exactly', () => {
  let programme: Programme;
  beforeAll(async () => {
    programme = await loadProgramme(join(ROOT, 'data', 'march-2021'));
  });

  const BRP = ['BRR04', 'BRR06', 'BRR09', 'BRR26'];
  const NCC = ['Adults', "Children's", 'Place'];
  const share = fc.integer({ min: 0, max: 10_000 }).map((n) => amountOf(String(n)).dividedBy(10_000));
  /** A savings slip 2020/21 → 2021/24 or lost on some lines, then (sometimes) a fixed slip or outturn scale on top. */
  const scenarios = fc.record({
    table: fc.constantFrom<'brp-savings' | 'ncc-savings'>('brp-savings', 'ncc-savings'),
    to: fc.constantFrom<'2021/24' | 'lost'>('2021/24', 'lost'),
    picks: fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 3 }),
    after: fc.option(fc.tuple(share, fc.constantFrom('Adults', 'Place')), { nil: undefined }),
    scale: fc.option(fc.integer({ min: 50, max: 150 }), { nil: undefined }),
  }).map(({ table, to, picks, after, scale }) => {
    const pool = table === 'brp-savings' ? BRP : NCC;
    const lines = [...new Set(picks.map((pick) => pool[pick]!))];
    const adjustments: Adjustment[] = [slip(lines, '2020/21', to, '0.5', table)];
    if (after) adjustments.push(slip([after[1]], '2020/21', 'lost', after[0].toFixed(), 'ncc-savings'));
    if (scale !== undefined) adjustments.push({ kind: 'outturn', measure: 'scale', value: amountOf(String(scale)).dividedBy(100), target: target('fn-costs', ['Staff Costs']), origin, valueOrigin: origin });
    return scenarioOf(...adjustments);
  });
  const measure = fc.constantFrom(...GOAL_SEEK_MEASURES);

  it('a target the engine gives at some share: the solution is a share at which scenario run gives exactly that target', () => {
    fc.assert(fc.property(scenarios, share, measure, (scenario, value, chosen) => {
      const figure = MEASURE_FIGURES[chosen];
      const wanted = measureAt(programme, scenario, 1, figure, value);
      const report = goalSeek(programme, scenario, 1, chosen, wanted);
      expect(report.solution).toBeDefined();
      const exact = report.solution!.exact;
      expect(compareFractions(exact, fractionOfAmount(value))).toBeLessThanOrEqual(0); // the smallest such share
      expect(isTerminating(exact)).toBe(true);
      expect(measureAt(programme, scenario, 1, figure, amountOfFraction(exact)).eq(wanted)).toBe(true);
    }), { numRuns: 60 });
  });

  it('any whole-£000 target in range: rounded values straddle it, and the line through them gives it at the exact fraction', () => {
    fc.assert(fc.property(scenarios, fc.integer({ min: 0, max: 1000 }), (scenario, permille) => {
      const low = goalSeek(programme, scenario, 1, 'combined', amountOf('0'));
      const span = low.range.high.minus(low.range.low);
      // whole £000 at or below the point (floor, not toward zero: the range can be negative, e.g.
      // −1,918.5 to −1,904.5 when a scenario scales costs; toward zero left it above the range)
      const wanted: Amount = low.range.low.plus(span.times(permille).dividedBy(1000)).toDecimalPlaces(0, 3);
      if (compare(wanted, low.range.low) < 0) return;
      const report = goalSeek(programme, scenario, 1, 'combined', wanted);
      expect(report.solution).toBeDefined();
      const { below, atOrAbove } = report.check!;
      if (below) expect(compare(below.measure, wanted)).toBe(-1);
      expect(compare(atOrAbove!.measure, wanted)).toBeGreaterThanOrEqual(0);
      if (below) {
        // Exactly, as fractions: measure(x) on the line through the two checked points is the target.
        const [x0, y0, x1, y1] = [below.value, below.measure, atOrAbove!.value, atOrAbove!.measure].map(fractionOfAmount) as [Fraction, Fraction, Fraction, Fraction];
        const at = addFractions(y0, multiplyFractions(subtractFractions(report.solution!.exact, x0), divideFractions(subtractFractions(y1, y0), subtractFractions(x1, x0))));
        expect(formatFraction(at)).toBe(formatFraction(fractionOfAmount(wanted)));
      }
    }), { numRuns: 60 });
  });
});
