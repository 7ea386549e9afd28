/**
 * The movement bridge is exact: for any two snapshots, the steps sum exactly to the
 * change in combined adverse movement, each step's lines sum exactly to the step, and
 * the running total ends at the later figure (fast-check, decimal strings, no floats).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, equals, subtract, sum } from '../../src/money/index.js';
import { computeMovement, computeVariance } from '../../src/engine/index.js';
import { snapshot } from '../support/snapshot-arbitrary.js';

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
