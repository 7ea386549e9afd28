/**
 * The diagnosis (`fn-model diagnose`) and the edit rules (`fn-model rules`) laid out as
 * display grids, shared by the terminal and Markdown renderers, plus the short diagnosis
 * block that `variance` and `report` show. Amounts £000 exactly; £m to three places.
 */
import { type Amount, amountOf, divide, formatAmount, formatMillions } from '../money/index.js';
import { type SourceCell, cellReference } from '../model/index.js';
import { type Diagnosis, type HeadlineReading, type Solution, statedPlacesOf } from '../engine/diagnose.js';
import type { EditRule, RuleCell, RuleSet } from '../engine/rules.js';
import type { GridCell, GridTable } from './variance-grid.js';
import { printable } from './printable.js';

const shown = (text: string): string => printable(text, true);

/** A source cell in one short line: `data/march-2021/brp-savings.csv:5 "outturn"`, workbooks `book.xlsx[Sheet]:5 H5`. */
export function sourceText(source: SourceCell | undefined): string {
  if (!source) return '(no source cell)';
  // a workbook cell as the officer's own reference (book.xlsx!Sheet!G38), as explain and reconcile give it
  return shown(cellReference(source) ?? `${source.file}:${source.row} "${source.column}"`);
}

function money(value: Amount): GridCell {
  return { text: formatAmount(value), numeric: true };
}

/** The right-hand side of a rule for a table cell; a long sum is cut to its first and last cells (JSON has them all). */
export function definitionText(rule: EditRule): string {
  const definition = rule.text.slice(rule.text.indexOf('='));
  if (rule.terms.length <= 5) return shown(definition);
  const keys = rule.text.slice(rule.text.indexOf('=') + 2).split(/ [+−] /);
  const [table, , column] = (keys[0] ?? '').split('.');
  const plainSum = !definition.includes('−') && keys.every((key) => key.startsWith(`${table}.`) && key.endsWith(`.${column}`) && !key.includes('.TOTAL.'));
  if (plainSum) return shown(`= the sum of the ${rule.terms.length - 1} ${table} lines' ${column}`);
  const parts = definition.slice(2).split(/ (?=[+−] )/);
  return shown(`= ${parts.slice(0, 3).join(' ')} … ${parts.slice(-2).join(' ')} (${rule.terms.length - 1} cells)`);
}

/** A headline figure (£000) in £m to the places it is stated to (`£0.8884m`, `£0.9m`). */
function statedMillions(cell: RuleCell, thousands: Amount): string {
  const millions = divide(thousands, amountOf('1000'));
  const text = `£${millions.abs().toFixed(statedPlacesOf(cell))}m`;
  return millions.isNegative() && !millions.isZero() ? `-${text}` : text;
}

/** `1 cell`, `3 cells`. */
export function cellsText(count: number): string {
  return `${count} ${count === 1 ? 'cell' : 'cells'}`;
}

/** `1 change`, `3 changes`. */
export function changesText(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'}`;
}

/** The rules that the stated values break: id, definition, residual (stated − what the other cells give). */
export function violatedGrid(diagnosis: Diagnosis): GridTable {
  return {
    id: 'violated',
    title: 'Rules the published figures break (residual = the defined cell less what the other stated cells give, £000)',
    head: ['Rule', 'Kind', 'Definition', 'Residual'],
    rows: diagnosis.violated.map((rule) => ({
      cells: [{ text: shown(rule.id) }, { text: rule.kind }, { text: definitionText(rule) }, money(rule.residual)],
    })),
  };
}

/** One solution's corrections: cell, stated, corrected, why (typo), how many discrepancies it explains, source. */
export function solutionGrid(solution: Solution, title: string, discrepancies: number): GridTable {
  return {
    id: 'solution',
    title,
    head: ['Cell', 'Stated', 'Corrected', 'Why', 'Explains', 'Source'],
    rows: solution.changes.map((change) => ({
      cells: [
        { text: shown(change.cell.key) },
        change.cell.unit === '£m' ? { text: statedMillions(change.cell, change.stated), numeric: true } : money(change.stated),
        change.cell.unit === '£m' ? { text: statedMillions(change.cell, change.corrected), numeric: true } : money(change.corrected),
        { text: change.typo ? change.typo.text.replace(/: .*$/, '') : 'not a single-keystroke typo' },
        { text: `${change.explains.length} of ${discrepancies}`, numeric: true },
        { text: sourceText(change.cell.source) },
      ],
    })),
  };
}

const HEADLINE_LABELS: readonly (readonly [keyof HeadlineReading, string, string])[] = [
  ['costUnderspend', 'Cost underspend', 'cost-underspend'],
  ['savingsShortfall', 'Savings shortfall', 'savings-shortfall'],
  ['combinedAdverseMovement', 'Combined adverse movement', 'combined-adverse-movement'],
];

function headlineCell(value: Amount | undefined): GridCell {
  return value === undefined ? { text: 'n/s', numeric: true } : { text: `${formatAmount(value)} (${formatMillions(value)})`, numeric: true };
}

/** The headline under each reading: as published, under the likeliest correction, and with the stated totals taken as wrong. */
export function readingsGrid(diagnosis: Diagnosis): GridTable {
  const best = diagnosis.solutions[0];
  const lines = diagnosis.statedTotalsWrong;
  const head = ['Figure (£000, £m)', 'Published'];
  if (best) head.push(`Likeliest correction (${changesText(best.changes.length)})`);
  head.push(lines ? `Stated totals wrong (${changesText(lines.changes.length)})` : 'Lines as stated');
  return {
    id: 'readings',
    title: 'The headline under each reading',
    head,
    rows: HEADLINE_LABELS.map(([key, label, figure]) => {
      const published = diagnosis.programme.headline.find((statement) => statement.figure === figure)?.amount;
      const cells: GridCell[] = [{ text: label }, headlineCell(published)];
      if (best) cells.push(headlineCell(best.headline[key]));
      cells.push(headlineCell((lines?.headline ?? diagnosis.asStated)[key]));
      return { cells };
    }),
  };
}

/**
 * The diagnosis in a few sentences: which cells the likeliest correction changes, how many
 * discrepancies the strongest one explains, and the combined adverse movement under each
 * reading. Empty when every rule holds.
 */
export function diagnosisSummary(diagnosis: Diagnosis): string[] {
  if (diagnosis.violated.length === 0) return [`Every one of the ${diagnosis.rules.rules.length} edit rules holds: nothing to correct.`];
  const best = diagnosis.solutions[0];
  const total = diagnosis.discrepancies.length;
  if (!best) {
    const why = diagnosis.search.stoppedAtNodeLimit ? `the search stopped after ${diagnosis.search.nodes} nodes` : `no correction of at most ${cellsText(diagnosis.search.maxChanges)} makes every rule hold`;
    return [`${diagnosis.violated.length} edit rules do not hold and ${why}; the figures computed from the lines are the only reading.`];
  }
  const strongest = [...best.changes].sort((a, b) => b.explains.length - a.explains.length)[0]!;
  const others = diagnosis.solutions.length - 1 + diagnosis.more;
  const sentences = [
    `Likeliest correction: ${best.reason}: ` +
      best.changes.map((change) => `${change.cell.key} ${formatValue(change.cell, change.stated)} → ${formatValue(change.cell, change.corrected)}`).join('; ') +
      (others > 0 ? `; ${others}${diagnosis.moreAtLeast ? '+' : ''} other ${others === 1 ? 'correction' : 'corrections'} of the same size (fn-model diagnose lists them).` : '; no other correction of that size.'),
  ];
  // only worth saying when one cell explains several discrepancies at once
  if (strongest.explains.length > 1) {
    sentences.push(`Without ${strongest.cell.key}'s correction, ${strongest.explains.length} of the ${total} discrepancies would remain: one cell explains them.`);
  }
  const published = diagnosis.programme.headline.find((statement) => statement.figure === 'combined-adverse-movement')?.amount;
  const readings = [`${formatMillions(best.headline.combinedAdverseMovement)} under the likeliest correction`];
  readings.push(`${formatMillions(diagnosis.asStated.combinedAdverseMovement)} from the lines as stated`);
  if (published !== undefined) readings.push(`${formatMillions(published)} as published`);
  sentences.push(`Combined adverse movement: ${readings.join(', ')}.`);
  return sentences;
}

function formatValue(cell: RuleCell, value: Amount): string {
  return cell.unit === '£m' ? statedMillions(cell, value) : formatAmount(value);
}

/** Every rule: status, id, kind, definition, residual. */
export function rulesGrid(rules: RuleSet): GridTable {
  return {
    id: 'rules',
    title: `Edit rules (${rules.rules.length} over ${rules.cells.length} stated cells; ✗ = does not hold; residual £000)`,
    head: ['', 'Rule', 'Kind', 'Definition', 'Residual', 'Source of the defined cell'],
    rows: rules.rules.map((rule) => ({
      cells: [
        { text: rule.holds ? '✓' : '✗', flagged: !rule.holds },
        { text: shown(rule.id) },
        { text: rule.kind },
        { text: definitionText(rule) },
        money(rule.residual),
        { text: sourceText(rules.cells[rule.terms[0]!.cell]?.source) },
      ],
    })),
  };
}
