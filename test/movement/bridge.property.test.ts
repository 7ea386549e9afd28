/**
 * The movement bridge is exact: for any two snapshots, the steps sum exactly to the
 * change in combined adverse movement, each step's lines sum exactly to the step, and
 * the running total ends at the later figure (fast-check, decimal strings, no floats).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, equals, subtract, sum } from '../../src/money/index.js';
import { computeMovement, computeVariance } from '../../src/engine/index.js';
import type { TableId } from '../../src/model/index.js';
import { type LineRow, programmeOf } from '../support/programme.js';

const amountText = fc
  .tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 3 }))
  .map(([units, places]) => {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
    const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return negative ? `-${body}` : body;
  });

const ORDINARY: readonly TableId[] = ['fn-costs', 'brp-investment', 'brp-savings', 'ncc-investment', 'ncc-savings'];

/** A snapshot: for each ordinary table, lines with ids drawn from a small pool (so snapshots share, add and drop lines). */
const snapshot = fc.record(
  Object.fromEntries(ORDINARY.map((id) => [id, fc.uniqueArray(
    fc.record({ id: fc.constantFrom('L1', 'L2', 'L3', 'L4', 'L5'), budget: amountText, outturn: amountText, other: amountText }),
    { selector: (line) => line.id, maxLength: 5 },
  )])) as Record<TableId, fc.Arbitrary<{ id: string; budget: string; outturn: string; other: string }[]>>,
).map((tables) => programmeOf(Object.fromEntries(Object.entries(tables).map(([id, lines]) => [id, {
  lines: lines.map((line): LineRow => [line.id, line.other, line.budget, '0', '', line.outturn, '', '0', '0']),
}]))));

describe('movement bridge (property)', () => {
  it('steps sum exactly to the total change, lines sum exactly to their step, the running total ends at the later figure', () => {
    fc.assert(fc.property(snapshot, snapshot, (from, to) => {
      const report = computeMovement(from, to);
      const { bridge } = report;
      expect(equals(sum(bridge.steps.map((step) => step.amount)), bridge.change)).toBe(true);
      expect(equals(bridge.change, subtract(computeVariance(to).combined.computed, computeVariance(from).combined.computed))).toBe(true);
      for (const step of bridge.steps) expect(equals(sum(step.lines.map((line) => line.amount)), step.amount)).toBe(true);
      let running = bridge.from;
      for (const step of bridge.steps) {
        running = add(running, step.amount);
        expect(equals(running, step.runningTotal)).toBe(true);
      }
      expect(equals(running, bridge.to)).toBe(true);
    }), { numRuns: 300 });
  });

  it('reversing the snapshots negates every step', () => {
    fc.assert(fc.property(snapshot, snapshot, (from, to) => {
      const forward = computeMovement(from, to).bridge.steps;
      const backward = computeMovement(to, from).bridge.steps;
      forward.forEach((step, index) => expect(equals(add(step.amount, backward[index]!.amount), sum([]))).toBe(true));
    }), { numRuns: 100 });
  });
});
