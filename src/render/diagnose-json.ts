/**
 * The diagnosis and the edit rules as JSON (the contract in docs/json.md). Money is £000 as
 * decimal strings; a headline figure's `stated`/`corrected` are £000 too (its £m text is in
 * `statedText`).
 */
import { type Amount, toDecimalString } from '../money/index.js';
import type { Correction, Diagnosis, HeadlineReading, Solution } from '../engine/diagnose.js';
import type { EditRule, RuleCell, RuleSet } from '../engine/rules.js';
import { sourceJson } from './variance-json.js';

const money = (value: Amount): string => toDecimalString(value);

/** A cell: where it is in the report and in the source. */
function cellJson(cell: RuleCell) {
  return {
    cell: cell.key,
    table: cell.table,
    line: cell.line,
    column: cell.column,
    class: cell.cellClass,
    stated: money(cell.stated),
    ...(cell.statedText !== undefined ? { statedText: cell.statedText, statedUnit: cell.unit } : {}),
    source: cell.source ? sourceJson(cell.source) : null,
  };
}

/** One rule with its terms (each a cell key, listed in `cells`, and its coefficient). */
export function ruleJson(rule: EditRule, rules: RuleSet) {
  return {
    id: rule.id,
    kind: rule.kind,
    text: rule.text,
    holds: rule.holds,
    residual: money(rule.residual),
    slack: money(rule.slack),
    terms: rule.terms.map((term) => ({ coefficient: term.coefficient, cell: rules.cells[term.cell]!.key })),
  };
}

function headlineJson(headline: HeadlineReading) {
  return {
    costUnderspend: money(headline.costUnderspend),
    savingsShortfall: money(headline.savingsShortfall),
    combinedAdverseMovement: money(headline.combinedAdverseMovement),
  };
}

function changeJson(change: Correction) {
  return {
    cell: change.cell.key,
    table: change.cell.table,
    line: change.cell.line,
    column: change.cell.column,
    class: change.cell.cellClass,
    stated: money(change.stated),
    corrected: money(change.corrected),
    difference: money(change.difference),
    source: change.cell.source ? sourceJson(change.cell.source) : null,
    typo: change.typo ? { kind: change.typo.kind, text: change.typo.text } : null,
    explains: change.explains,
  };
}

/** One solution (see docs/json.md). */
export function solutionJson(solution: Solution, rank: number | null) {
  return {
    rank,
    cost: money(solution.cost),
    changes: solution.changes.map(changeJson),
    explains: solution.explains,
    headline: headlineJson(solution.headline),
    typo: {
      count: solution.typos,
      of: solution.changes.length,
      kinds: [...new Set(solution.changes.flatMap((change) => (change.typo ? [change.typo.kind] : [])))],
      reason: solution.reason,
    },
  };
}

/** The whole diagnosis as a JSON-ready value. */
export function diagnosisJsonValue(diagnosis: Diagnosis) {
  return {
    dataset: { name: diagnosis.programme.name, path: diagnosis.programme.path },
    unit: 'GBP thousands',
    weights: Object.fromEntries(Object.entries(diagnosis.weights).map(([name, weight]) => [name, money(weight)])),
    cells: diagnosis.rules.cells.map(cellJson),
    rules: diagnosis.rules.rules.map((rule) => ruleJson(rule, diagnosis.rules)),
    violated: diagnosis.violated.map((rule) => ({ id: rule.id, kind: rule.kind, text: rule.text, residual: money(rule.residual), slack: money(rule.slack) })),
    discrepancies: diagnosis.discrepancies,
    solutions: diagnosis.solutions.map((solution, index) => solutionJson(solution, index + 1)),
    more: diagnosis.more,
    moreAtLeast: diagnosis.moreAtLeast,
    statedTotalsWrong: diagnosis.statedTotalsWrong ? solutionJson(diagnosis.statedTotalsWrong, null) : null,
    asStated: headlineJson(diagnosis.asStated),
    search: diagnosis.search,
  };
}

/** The rules alone (`fn-model rules --format json`). */
export function rulesJsonValue(name: string, path: string, rules: RuleSet) {
  return {
    dataset: { name, path },
    unit: 'GBP thousands',
    cells: rules.cells.map(cellJson),
    rules: rules.rules.map((rule) => ruleJson(rule, rules)),
  };
}
