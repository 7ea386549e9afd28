/**
 * The trend is exact and drops nothing (fast-check, decimal strings, no floats): for any
 * run of 2–6 monthly snapshots, with lines added, removed and re-added between months,
 * - per line and per table, for budget, outturn and variance, the monthly changes sum
 *   exactly to last − first (a line absent from a month counts as zero), and last − first
 *   is what the snapshots' own figures say;
 * - each month's combined change is its steps' sum, and the changes sum exactly to the
 *   combined figure of the last snapshot − that of the first, each computed on its own;
 * - every line of every snapshot is in the trend, with that month's figures, and its
 *   "first moved" is the first month its outturn differs from the previous snapshot's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Amount, ZERO, equals, subtract, sum } from '../../src/money/index.js';
import { computeTrend, computeVariance } from '../../src/engine/index.js';
import { type Month, type Programme, monthOf } from '../../src/model/index.js';
import { ORDINARY, snapshot } from '../support/snapshot-arbitrary.js';

const FIGURES = ['budget', 'outturn', 'variance'] as const;

/** 2–6 snapshots with distinct months, ascending (gaps allowed). */
const series = fc.uniqueArray(fc.integer({ min: 0, max: 35 }), { minLength: 2, maxLength: 6 })
  .chain((offsets) => fc.tuple(...offsets.map(() => snapshot)).map((programmes) => {
    const months = [...offsets].sort((a, b) => a - b).map((offset) => monthOf(2019 + Math.floor(offset / 12), (offset % 12) + 1));
    return programmes.map((programme, index) => ({ month: months[index]!, programme }));
  }));

/** A line's figure in a snapshot, straight from its inputs (absent line = zero). */
function figureOf(programme: Programme, table: string, line: string, figure: (typeof FIGURES)[number]): Amount {
  const found = programme.tables.find((item) => item.id === table)?.lines.find((item) => item.id === line);
  if (!found) return ZERO;
  const budget = found.inputs['2020/21'] ?? ZERO;
  const outturn = found.inputs.outturn ?? ZERO;
  return figure === 'budget' ? budget : figure === 'outturn' ? outturn : subtract(budget, outturn);
}

describe('trend (property)', () => {
  it('monthly changes sum exactly to last − first, per line, per table and for the combined figure', () => {
    fc.assert(fc.property(series, (snapshots) => {
      const report = computeTrend(snapshots);
      const first = snapshots[0]!.programme;
      const last = snapshots.at(-1)!.programme;
      for (const table of report.tables) {
        for (const figure of FIGURES) {
          const summed = sum(table.points.map((point) => point.change?.[figure] ?? ZERO));
          expect(equals(summed, table.change[figure])).toBe(true);
          expect(equals(summed, subtract(table.points.at(-1)!.position![figure], table.points[0]!.position![figure]))).toBe(true);
        }
        for (const line of table.lines) {
          for (const figure of FIGURES) {
            const summed = sum(line.points.map((point) => point.change?.[figure] ?? ZERO));
            expect(equals(summed, line.change[figure])).toBe(true);
            expect(equals(summed, subtract(figureOf(last, table.id, line.id, figure), figureOf(first, table.id, line.id, figure)))).toBe(true);
          }
        }
      }
      const combined = (programme: Programme) => computeVariance(programme).combined.computed;
      for (const point of report.combined.slice(1)) expect(equals(sum(point.steps.map((step) => step.amount)), point.change!)).toBe(true);
      const summed = sum(report.combined.map((point) => point.change ?? ZERO));
      expect(equals(summed, report.combinedChange)).toBe(true);
      expect(equals(summed, subtract(combined(last), combined(first)))).toBe(true);
    }), { numRuns: 200 });
  });

  it('drops no line: every line of every snapshot is in the trend with its figures, and first moved is the first month its outturn changed', () => {
    fc.assert(fc.property(series, (snapshots) => {
      const report = computeTrend(snapshots);
      expect(report.months).toEqual(snapshots.map((item) => item.month));
      for (const id of ORDINARY) {
        const table = report.tables.find((item) => item.id === id)!;
        const ids = new Set(snapshots.flatMap((item) => item.programme.tables.find((t) => t.id === id)!.lines.map((line) => line.id)));
        expect(new Set(table.lines.map((line) => line.id))).toEqual(ids);
        for (const line of table.lines) {
          let firstMoved: Month | undefined;
          snapshots.forEach((item, index) => {
            const present = item.programme.tables.find((t) => t.id === id)!.lines.some((l) => l.id === line.id);
            const point = line.points[index]!;
            expect(point.position === undefined).toBe(!present);
            if (present) expect(equals(point.position!.outturn, figureOf(item.programme, id, line.id, 'outturn'))).toBe(true);
            if (index > 0 && firstMoved === undefined
              && !equals(figureOf(item.programme, id, line.id, 'outturn'), figureOf(snapshots[index - 1]!.programme, id, line.id, 'outturn'))) firstMoved = item.month;
          });
          expect(line.firstMoved).toBe(firstMoved);
          const events = report.events.filter((event) => event.table === id && event.line === line.id);
          expect(events.map((event) => `${event.month} ${event.event}`)).toEqual(
            line.points.filter((point) => point.status === 'added' || point.status === 'removed').map((point) => `${point.month} ${point.status}`));
        }
      }
    }), { numRuns: 200 });
  });
});
