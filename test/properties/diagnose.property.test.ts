/**
 * Property (issue 13): inject k ≤ 3 single-digit typos into random stated cells of a
 * consistent generated programme; `diagnose` returns a best solution of at most k changes
 * whose corrections make every rule hold again, and when the minimum is k changes the
 * injected set (those cells, back at their true values) is among the minimum solutions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountOf, formatMillions, type Amount } from '../../src/money/index.js';
import type { HeadlineStatement, Programme } from '../../src/model/index.js';
import { computeVariance } from '../../src/engine/variance.js';
import { editRulesOf } from '../../src/engine/rules.js';
import { diagnoseProgramme, withCorrections } from '../../src/engine/diagnose.js';
import { programmeOf, type LineRow } from '../support/programme.js';

/** A line of a standard table: periods, total, outturn, variance, all consistent. */
const standardLine = fc.record({
  before: fc.integer({ min: 0, max: 900 }),
  budget: fc.integer({ min: 0, max: 2500 }),
  plan: fc.integer({ min: 0, max: 9000 }),
  outturn: fc.integer({ min: 0, max: 2700 }),
});
const delayLine = fc.record({ wholly: fc.integer({ min: 0, max: 400 }), partly: fc.integer({ min: 0, max: 400 }) });

function row(id: string, line: { before: number; budget: number; plan: number; outturn: number }, delay?: { wholly: number; partly: number }): LineRow {
  const cells = [line.before, line.budget, line.plan, line.before + line.budget + line.plan, line.outturn, line.budget - line.outturn].map(String);
  return [id, ...cells, ...(delay ? [String(delay.wholly), String(delay.partly)] : [])];
}

/** A programme whose every TOTAL, cross-table row and headline figure is stated as the lines give it. */
function consistentProgramme(costs: readonly Parameters<typeof row>[1][], savings: readonly Parameters<typeof row>[1][], ncc: readonly [Parameters<typeof row>[1], Parameters<typeof row>[2]][]): Programme {
  const base = programmeOf({
    'fn-costs': { lines: costs.map((line, index) => row(`C${index + 1}`, line)) },
    'brp-savings': { lines: savings.map((line, index) => row(`BRR${index + 1}`, line)) },
    'ncc-savings': { lines: ncc.map(([line, delay], index) => row(`N${index + 1}`, line, delay)) },
  });
  const report = computeVariance(base);
  const headline: HeadlineStatement[] = report.headline.map((item, index) => ({
    figure: item.figure, description: item.figure, amount: item.computed, unit: '£m',
    statedText: formatMillions(item.computed).replace(/[£m]/g, ''),
    source: { file: 'headline.csv', row: index + 2, column: 'amount' },
  }));
  return {
    ...base,
    headline,
    tables: base.tables.map((table) => ({ ...table, stated: report.tables.find((result) => result.table.id === table.id)!.computed })),
  };
}

/** `value` with one digit changed (never to a leading zero). */
function mistyped(value: Amount, position: number, digit: number): Amount {
  const text = value.abs().toFixed(0);
  const at = position % text.length;
  const low = at === 0 && text.length > 1 ? 1 : 0;
  const choices = [...'0123456789'].filter((candidate) => candidate !== text[at] && Number(candidate) >= low);
  const typed = `${text.slice(0, at)}${choices[digit % choices.length]}${text.slice(at + 1)}`;
  return amountOf(value.isNegative() ? `-${typed}` : typed);
}

describe('diagnose: injected typos are found (fast-check)', () => {
  it('finds at most k changes that restore every rule, and the injected set when the minimum is k', () => {
    fc.assert(
      fc.property(
        fc.array(standardLine, { minLength: 1, maxLength: 2 }),
        fc.array(standardLine, { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(standardLine, delayLine), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
        (costs, savings, ncc, typos) => {
          const clean = consistentProgramme(costs, savings, ncc);
          const cleanRules = editRulesOf(clean);
          expect(cleanRules.rules.filter((rule) => !rule.holds).map((rule) => rule.id)).toEqual([]);

          const injected = new Map<string, Amount>();
          const truth = new Map<string, Amount>();
          for (const [pick, position, digit] of typos) {
            const cell = cleanRules.cells[pick % cleanRules.cells.length]!;
            if (injected.has(cell.key)) continue;
            injected.set(cell.key, mistyped(cell.stated, position, digit));
            truth.set(cell.key, cell.stated);
          }
          const typed = withCorrections(clean, injected);
          const diagnosis = diagnoseProgramme(typed, { maxSolutions: 1000, maxChanges: 6 });
          const k = injected.size;

          if (diagnosis.violated.length === 0) return; // every typo fell where no rule sees it
          expect(diagnosis.search.complete).toBe(true);
          const best = diagnosis.solutions[0]!;
          expect(best.changes.length).toBeLessThanOrEqual(k);
          const corrected = withCorrections(typed, new Map(best.changes.map((change) => [change.cell.key, change.corrected])));
          expect(editRulesOf(corrected).rules.filter((rule) => !rule.holds).map((rule) => rule.id)).toEqual([]);

          if (best.changes.length === k) {
            const wanted = [...truth].map(([key, value]) => `${key}=${value.toFixed()}`).sort().join(' ');
            const listed = diagnosis.solutions.map((solution) => solution.changes.map((change) => `${change.cell.key}=${change.corrected.toFixed()}`).sort().join(' '));
            expect(listed).toContain(wanted);
          }
        },
      ),
      { numRuns: 150, seed: 13 },
    );
  });
});
