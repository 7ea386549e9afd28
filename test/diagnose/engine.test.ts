/**
 * The edit rules and the diagnosis on the bundled March 2021 dataset and on small
 * programmes, with real values; the typo model case by case.
 */
import { describe, expect, it } from 'vitest';
import { amountOf } from '../../src/money/index.js';
import { editRulesOf, rulesBroken } from '../../src/engine/rules.js';
import { diagnoseProgramme, withCorrections } from '../../src/engine/diagnose.js';
import { typoBetween } from '../../src/engine/typo.js';
import { loadProgramme } from '../../src/load/dataset.js';
import { bundledDatasetPath } from '../../src/load/bundled.js';
import { programmeOf } from '../support/programme.js';

const bundled = await loadProgramme(bundledDatasetPath());

describe('edit rules of the bundled dataset', () => {
  const rules = editRulesOf(bundled);

  it('derives one rule per stated derived cell: 34 line totals, 34 line variances, 32 TOTAL cells, 12 cross-table cells, 3 headline figures', () => {
    const count = (kind: string) => rules.rules.filter((rule) => rule.kind === kind).length;
    expect([count('line-total'), count('line-variance'), count('table-total'), count('cross-table'), count('headline')]).toEqual([34, 34, 32, 12, 3]);
    expect(rules.cells).toHaveLength(261);
  });

  it('finds exactly four broken rules, with their residuals (£000)', () => {
    expect(rules.rules.filter((rule) => !rule.holds).map((rule) => `${rule.id} ${rule.residual.toFixed()}`)).toEqual([
      'brp-savings.BRR09.variance -20',
      'brp-savings.TOTAL.outturn 20',
      'all-savings.TOTAL.2021/24 600',
      'all-savings.TOTAL.outturn 60',
    ]);
  });

  it('writes each rule as the cell it defines = what the other stated cells give', () => {
    const text = (id: string) => rules.rules.find((rule) => rule.id === id)?.text;
    expect(text('brp-savings.BRR09.variance')).toBe('brp-savings.BRR09.variance = brp-savings.BRR09.2020/21 − brp-savings.BRR09.outturn');
    expect(text('all-savings.TOTAL.outturn')).toBe('all-savings.TOTAL.outturn = brp-savings.TOTAL.outturn + ncc-savings.TOTAL.outturn');
    expect(text('headline.combined-adverse-movement.amount')).toBe('headline.combined-adverse-movement.amount = all-savings.TOTAL.variance − all-costs.TOTAL.variance');
  });

  it('gives the headline rules half a unit of the stated £m place (£0.001m → 0.5 £000) of slack', () => {
    expect(rules.rules.filter((rule) => rule.kind === 'headline').map((rule) => rule.slack.toFixed())).toEqual(['0.5', '0.5', '0.5']);
  });

  it('keeps each cell\'s source', () => {
    const cell = rules.cells.find((candidate) => candidate.key === 'brp-savings.BRR09.outturn');
    expect(cell?.source).toEqual({ file: expect.stringMatching(/brp-savings\.csv$/), row: 5, column: 'outturn' });
    expect(cell?.cellClass).toBe('line-input');
  });
});

describe('diagnosis of the bundled dataset', () => {
  const diagnosis = diagnoseProgramme(bundled);

  it('finds one minimum correction of three cells, each a one-digit typo', () => {
    expect(diagnosis.solutions).toHaveLength(1);
    expect(diagnosis.more).toBe(0);
    expect(diagnosis.solutions[0]!.changes.map((change) => `${change.cell.key} ${change.stated.toFixed()}→${change.corrected.toFixed()} ${change.typo?.kind}`)).toEqual([
      'brp-savings.BRR09.outturn 1065→1085 one-digit',
      'all-savings.TOTAL.2021/24 38984→38384 one-digit',
      'all-savings.TOTAL.outturn 13199→13139 one-digit',
    ]);
  });

  it('says the BRR09 outturn correction explains 7 of the 8 discrepancies', () => {
    const [outturn] = diagnosis.solutions[0]!.changes;
    expect(outturn!.explains).toHaveLength(7);
    expect(outturn!.explains).not.toContain('all-savings.TOTAL.2021/24');
    expect(diagnosis.solutions[0]!.explains).toEqual(diagnosis.discrepancies);
  });

  it('gives the published headline under the likeliest correction and the line-based one under the stated-totals reading', () => {
    const headline = (reading: { costUnderspend: { toFixed(): string }; savingsShortfall: { toFixed(): string }; combinedAdverseMovement: { toFixed(): string } }) =>
      [reading.costUnderspend, reading.savingsShortfall, reading.combinedAdverseMovement].map((value) => value.toFixed());
    expect(headline(diagnosis.solutions[0]!.headline)).toEqual(['454', '1342', '888']);
    expect(headline(diagnosis.statedTotalsWrong!.headline)).toEqual(['454', '1362', '908']);
    expect(diagnosis.statedTotalsWrong!.changes).toHaveLength(8);
  });

  it('with stated totals cheap to change (weight 0.1) prefers the stated-totals reading', () => {
    const weighted = diagnoseProgramme(bundled, { weights: { 'table-total': amountOf('0.1'), 'cross-table': amountOf('0.1'), headline: amountOf('0.1'), 'line-stated': amountOf('0.1') } });
    expect(weighted.solutions[0]!.changes.map((change) => change.cell.key)).toEqual(weighted.statedTotalsWrong!.changes.map((change) => change.cell.key));
    expect(weighted.solutions[0]!.cost.toFixed()).toBe('0.8');
  });

  it('says when no correction fits within --max-changes', () => {
    const limited = diagnoseProgramme(bundled, { maxChanges: 2 });
    expect(limited.solutions).toEqual([]);
    expect(limited.search.complete).toBe(false);
    expect(limited.statedTotalsWrong?.changes).toHaveLength(8);
  });
});

describe('diagnosis on small programmes', () => {
  const consistent = programmeOf({
    'brp-savings': {
      lines: [['A', '0', '100', '200', '300', '60', '40'], ['B', '10', '50', '0', '60', '50', '0']],
      total: ['10', '150', '200', '360', '110', '40'],
    },
  });

  it('finds nothing to correct when every rule holds', () => {
    const diagnosis = diagnoseProgramme(consistent);
    expect(diagnosis.violated).toEqual([]);
    expect(diagnosis.solutions).toEqual([]);
    expect(diagnosis.search.complete).toBe(true);
  });

  it('locates a transposed TOTAL cell', () => {
    const typed = withCorrections(consistent, new Map([['brp-savings.TOTAL.2021/24', amountOf('020')], ['brp-savings.TOTAL.total', amountOf('360')]]));
    const diagnosis = diagnoseProgramme(typed);
    expect(diagnosis.solutions[0]!.changes.map((change) => `${change.cell.key} ${change.corrected.toFixed()}`)).toEqual(['brp-savings.TOTAL.2021/24 200']);
    expect(diagnosis.solutions[0]!.changes[0]!.typo?.kind).toBe('dropped-digit');
  });

  it('lists every minimum solution when a delayed-column total cannot tell which line is wrong', () => {
    const ncc = programmeOf({
      'ncc-savings': {
        lines: [['X', '0', '10', '0', '10', '5', '5', '1', '2'], ['Y', '0', '10', '0', '10', '5', '5', '3', '4']],
        total: ['0', '20', '0', '20', '10', '10', '4', '9'],
      },
    });
    const diagnosis = diagnoseProgramme(ncc);
    expect(diagnosis.solutions.map((solution) => solution.changes.map((change) => `${change.cell.key} ${change.corrected.toFixed()}`).join())).toEqual([
      'ncc-savings.TOTAL.delayed_partly 6',
      'ncc-savings.X.delayed_partly 5',
      'ncc-savings.Y.delayed_partly 7',
    ]);
  });

  it('re-checks a correction against every rule with exact decimals', () => {
    const typed = withCorrections(consistent, new Map([['brp-savings.A.outturn', amountOf('66.5')]]));
    const diagnosis = diagnoseProgramme(typed);
    const corrections = new Map(diagnosis.solutions[0]!.changes.map((change) => [diagnosis.rules.cells.indexOf(change.cell), change.corrected]));
    expect(diagnosis.solutions[0]!.changes.map((change) => `${change.cell.key} ${change.corrected.toFixed()}`)).toEqual(['brp-savings.A.outturn 60']);
    expect(rulesBroken(diagnosis.rules, corrections)).toEqual([]);
  });
});

describe('the typo model', () => {
  const kind = (stated: string, corrected: string, places?: number) => typoBetween(amountOf(stated), amountOf(corrected), places)?.kind ?? 'none';

  it.each([
    ['1065', '1085', 'one-digit'],
    ['1324', '1342', 'transposition'],
    ['188', '1188', 'dropped-digit'],
    ['11888', '1188', 'extra-digit'],
    ['-250', '250', 'sign'],
    ['1402', '1382', 'none'],
    ['888', '908', 'none'],
    ['-270', '-250', 'one-digit'],
    ['0', '7', 'one-digit'],
    ['1.5', '1.25', 'none'],
    ['12.5', '12.05', 'transposition'], // 12.50 for 12.05 at two places
  ])('%s for %s: %s', (stated, corrected, expected) => {
    expect(kind(stated, corrected)).toBe(expected);
  });

  it('compares £m headline figures at their stated places', () => {
    expect(typoBetween(amountOf('1.342'), amountOf('1.362'), 3)?.text).toBe('one digit changed (6 typed as 4): 1.342 → 1.362');
  });
});
