/**
 * An explanation of one figure (`fn-model explain`) as text or JSON: the rule, each signed
 * addend with its source cell, the computed value, the stated figure and the difference
 * (stated − computed). Money is £000; JSON carries it as decimal strings.
 */
import { formatAmount, toDecimalString } from '../money/index.js';
import { FIELD_HEADINGS, cellReference, type SourceCell } from '../model/index.js';
import { disagrees, type Explanation } from '../engine/index.js';
import { sourceJson } from './variance-json.js';
import { largest } from '../extent.js';

/** The explain output formats. */
export type ExplainFormat = 'table' | 'json';

/** A source cell in words: `data/march-2021/brp-savings.csv:5 column "outturn"`; with a cell address, the reference first: `book.xlsx!Sheet!G14 column "outturn"`. */
export function placeOf(source: SourceCell | undefined): string {
  if (!source) return '(no source cell)';
  const reference = cellReference(source);
  if (reference !== undefined) return `${reference} column ${JSON.stringify(source.column)}`;
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

/**
 * A field as the CSV headings and `explain` targets spell it (`delayed_wholly`, not the
 * JSON key `delayedWholly`); other names (`outturn`, `amount`) are unchanged.
 */
function fieldHeading(field: string): string {
  return (FIELD_HEADINGS as Readonly<Record<string, string>>)[field] ?? field;
}

/** `text` with each whole-word `field` written as its heading (for the rule and the target). */
function withHeading(text: string, field: string): string {
  const heading = fieldHeading(field);
  return heading === field ? text : text.replace(new RegExp(`\\b${field}\\b`, 'g'), heading);
}

/** The explanation as text for people (fields named as the CSV headings name them). */
export function explanationAsText(explanation: Explanation): string {
  const amounts = explanation.terms.map((term) => formatAmount(term.amount));
  const width = largest(amounts.map((text) => text.length), 8);
  const name = (term: Explanation['terms'][number]): string => `${term.table} ${term.line} ${fieldHeading(term.field)}`;
  const what = largest(explanation.terms.map((term) => name(term).length), 0);
  const lines = [
    `${withHeading(explanation.target, explanation.field)} (£000)`,
    `rule: ${withHeading(explanation.rule, explanation.field)}`,
    '',
    ...explanation.terms.map((term, index) =>
      `  ${term.sign === 1 ? '+' : '−'} ${amounts[index]!.padStart(width)}  ${name(term).padEnd(what)}  ${placeOf(term.source)}`),
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
