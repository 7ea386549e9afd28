/**
 * An explanation of one figure (`fn-model explain`) as text or JSON: the rule, each signed
 * addend with its source cell, the computed value, the stated figure and the difference
 * (stated − computed). Money is £000; JSON carries it as decimal strings.
 */
import { formatAmount, toDecimalString } from '../money/index.js';
import type { SourceCell } from '../model/index.js';
import { disagrees, type Explanation } from '../engine/index.js';
import { sourceJson } from './variance-json.js';

/** The explain output formats. */
export type ExplainFormat = 'table' | 'json';

/** A source cell in words: `data/march-2021/brp-savings.csv:5 column "outturn"`, workbooks add `[sheet]` and `(F5)`. */
export function placeOf(source: SourceCell | undefined): string {
  if (!source) return '(no source cell)';
  const sheet = source.sheet !== undefined ? `[${source.sheet}]` : '';
  const cell = source.cell !== undefined ? ` (${source.cell})` : '';
  return `${source.file}${sheet}:${source.row} column ${JSON.stringify(source.column)}${cell}`;
}

/** The explanation as a JSON-ready object (see docs/json.md). */
export function explanationJsonValue(explanation: Explanation) {
  return {
    target: explanation.target,
    table: explanation.table,
    line: explanation.line,
    field: explanation.field,
    unit: 'GBP thousands',
    rule: explanation.rule,
    computed: toDecimalString(explanation.computed),
    stated: explanation.stated === undefined ? null : toDecimalString(explanation.stated),
    difference: explanation.difference === undefined ? null : toDecimalString(explanation.difference),
    statedSource: explanation.statedSource ? sourceJson(explanation.statedSource) : null,
    terms: explanation.terms.map((term) => ({
      sign: term.sign === 1 ? '+' : '-',
      amount: toDecimalString(term.amount),
      table: term.table,
      line: term.line,
      field: term.field,
      source: term.source ? sourceJson(term.source) : null,
    })),
  };
}

/** The explanation as text for people. */
export function explanationAsText(explanation: Explanation): string {
  const amounts = explanation.terms.map((term) => formatAmount(term.amount));
  const width = Math.max(8, ...amounts.map((text) => text.length));
  const what = Math.max(...explanation.terms.map((term) => `${term.table} ${term.line} ${term.field}`.length), 0);
  const lines = [
    `${explanation.target} (£000)`,
    `rule: ${explanation.rule}`,
    '',
    ...explanation.terms.map((term, index) =>
      `  ${term.sign === 1 ? '+' : '−'} ${amounts[index]!.padStart(width)}  ${`${term.table} ${term.line} ${term.field}`.padEnd(what)}  ${placeOf(term.source)}`),
    '',
    `  computed    ${formatAmount(explanation.computed).padStart(width)}`,
  ];
  if (explanation.stated !== undefined) {
    lines.push(`  stated      ${formatAmount(explanation.stated).padStart(width)}  ${placeOf(explanation.statedSource)}`);
    lines.push(`  difference  ${formatAmount(explanation.difference!).padStart(width)}  stated − computed${disagrees(explanation) ? '  ! the stated figure disagrees with its line items' : ''}`);
  } else {
    lines.push(`  stated      ${'-'.padStart(width)}  ${explanation.terms.length === 1 && explanation.rule.endsWith('(as given in the source)') ? 'an input: its own source' : 'not stated in the source'}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Render an explanation in `format`. */
export function renderExplanation(explanation: Explanation, format: ExplainFormat): string {
  return format === 'json' ? `${JSON.stringify(explanationJsonValue(explanation), null, 2)}\n` : explanationAsText(explanation);
}
