/**
 * Explaining one figure: how fn-model computes it, down to the source cells. Pure.
 *
 * A target is `table.line.field` (`brp-savings.BRR09.variance`, `all-savings.TOTAL.outturn`)
 * or `headline.<figure>.amount` (`headline.savings-shortfall.amount`). The explanation is a
 * flat list of signed addends, each an input figure with its source cell, whose sum is the
 * computed value; beside it the stated figure (if the source states one) and
 * difference = stated − computed.
 */
import { type Amount, add, isZero, negate, subtract, ZERO } from '../money/index.js';
import {
  FIELD_HEADINGS,
  FIELDS,
  HEADLINE_FIGURES,
  PERIODS,
  type Field,
  type HeadlineFigure,
  type Line,
  type Programme,
  type SourceCell,
  type Table,
} from '../model/index.js';

/** One addend of a computed figure: an input of one line, added (+1) or subtracted (−1). */
export interface ExplainTerm {
  readonly sign: 1 | -1;
  readonly amount: Amount;
  readonly table: string;
  readonly line: string;
  readonly field: Field;
  readonly source: SourceCell | undefined;
}

/** How a figure is computed, and how it compares with the stated figure. Amounts £000. */
export interface Explanation {
  /** The target as asked, normalised (`brp-savings.BRR09.variance`). */
  readonly target: string;
  readonly table: string;
  readonly line: string;
  readonly field: Field | 'amount';
  /** The rule in words (`variance = 2020/21 − outturn`). */
  readonly rule: string;
  readonly terms: readonly ExplainTerm[];
  /** The sum of the signed terms. */
  readonly computed: Amount;
  /** The stated figure, when the source states one (an input is its own stated figure: none). */
  readonly stated: Amount | undefined;
  readonly statedSource: SourceCell | undefined;
  /** stated − computed, when stated. */
  readonly difference: Amount | undefined;
}

/** A target that names nothing: what was wrong and the valid choices at that level. */
export interface UnknownTarget {
  readonly message: string;
  readonly valid: readonly string[];
}

const RULES: Readonly<Record<Field, string>> = {
  '2019/20': 'input', '2020/21': 'input', '2021/24': 'input', outturn: 'input', delayedWholly: 'input', delayedPartly: 'input',
  total: 'total = 2019/20 + 2020/21 + 2021/24',
  variance: 'variance = 2020/21 − outturn',
};

function fieldOf(text: string): Field | undefined {
  const lower = text.toLowerCase();
  return FIELDS.find((field) => field.toLowerCase() === lower || FIELD_HEADINGS[field] === lower);
}

/** The signed inputs that make up one line's figure (inputs: the figure itself). */
function lineTerms(table: Table, line: Line, field: Field, sign: 1 | -1 = 1): ExplainTerm[] {
  const term = (input: Field, termSign: 1 | -1): ExplainTerm[] => {
    const amount = line.inputs[input];
    // a field the line's table does not have counts as zero and is left out
    if (amount === undefined) return [];
    return [{ sign: termSign, amount, table: table.id, line: line.id, field: input, source: line.sources[input] }];
  };
  if (field === 'total') return PERIODS.flatMap((period) => term(period, sign));
  if (field === 'variance') return [...term('2020/21', sign), ...term('outturn', sign === 1 ? -1 : 1)];
  return term(field, sign);
}

function sumOf(terms: readonly ExplainTerm[]): Amount {
  return terms.reduce<Amount>((total, term) => (term.sign === 1 ? add(total, term.amount) : subtract(total, term.amount)), ZERO);
}

function totalTerms(programme: Programme, table: Table, field: Field, sign: 1 | -1 = 1): ExplainTerm[] {
  const covered = table.covers.length === 0 ? [table] : programme.tables.filter((candidate) => table.covers.includes(candidate.id));
  return covered.flatMap((source) => source.lines.flatMap((line) => lineTerms(source, line, field, sign)));
}

function explained(target: Omit<Explanation, 'computed' | 'difference'>): Explanation {
  const computed = sumOf(target.terms);
  return { ...target, computed, difference: target.stated === undefined ? undefined : subtract(target.stated, computed) };
}

/** Headline figures as the sum of a cross-table row's variance (± for combined). */
function explainHeadline(programme: Programme, figure: HeadlineFigure): Explanation {
  const kindTable = (kind: 'costs' | 'savings') => programme.tables.find((table) => table.kind === kind && table.covers.length > 0);
  const costs = kindTable('costs');
  const savings = kindTable('savings');
  const costTerms = (sign: 1 | -1) => (costs ? totalTerms(programme, costs, 'variance', sign) : []);
  const savingTerms = (sign: 1 | -1) => (savings ? totalTerms(programme, savings, 'variance', sign) : []);
  const statement = programme.headline.find((item) => item.figure === figure);
  const rules: Record<HeadlineFigure, string> = {
    'cost-underspend': `cost underspend = all costs' variance (2020/21 − outturn, summed over ${costs?.covers.join(', ') ?? 'no tables'})`,
    'savings-shortfall': `savings shortfall = all savings' variance (2020/21 − outturn, summed over ${savings?.covers.join(', ') ?? 'no tables'})`,
    'combined-adverse-movement': 'combined adverse movement = savings shortfall − cost underspend',
  };
  const terms = figure === 'cost-underspend' ? costTerms(1) : figure === 'savings-shortfall' ? savingTerms(1) : [...savingTerms(1), ...costTerms(-1)];
  return explained({
    target: `headline.${figure}.amount`, table: 'headline', line: figure, field: 'amount', rule: rules[figure], terms,
    stated: statement?.amount, statedSource: statement?.source,
  });
}

/**
 * Explain `target` (`table.line.field`) in `programme`: the rule, the signed source
 * addends, the computed value, the stated figure and the difference. Returns an
 * {@link UnknownTarget} listing the valid choices when the target names nothing.
 */
export function explainFigure(programme: Programme, target: string): Explanation | UnknownTarget {
  const first = target.indexOf('.');
  const last = target.lastIndexOf('.');
  const tables = [...programme.tables.map((table) => table.id), 'headline'];
  if (first < 0 || last === first) {
    return { message: `${JSON.stringify(target)} is not TABLE.LINE.FIELD (e.g. brp-savings.BRR09.variance)`, valid: tables.map((id) => `${id}.…`) };
  }
  const tableId = target.slice(0, first);
  const lineId = target.slice(first + 1, last);
  const fieldText = target.slice(last + 1);
  if (tableId.toLowerCase() === 'headline') {
    const figure = HEADLINE_FIGURES.find((candidate) => candidate === lineId.toLowerCase());
    const valid = HEADLINE_FIGURES.map((candidate) => `headline.${candidate}.amount`);
    if (figure === undefined || fieldText.toLowerCase() !== 'amount') return { message: `${JSON.stringify(target)} is not a headline figure`, valid };
    return explainHeadline(programme, figure);
  }
  const table = programme.tables.find((candidate) => candidate.id === tableId.toLowerCase());
  if (!table) return { message: `unknown table ${JSON.stringify(tableId)}`, valid: tables.map((id) => `${id}.…`) };
  const line = lineId.toUpperCase() === 'TOTAL' ? 'TOTAL' : table.lines.find((candidate) => candidate.id === lineId || candidate.id.toLowerCase() === lineId.toLowerCase());
  if (line === undefined) {
    return { message: `table ${table.id} has no line ${JSON.stringify(lineId)}`, valid: [...table.lines.map((candidate) => `${table.id}.${candidate.id}.…`), `${table.id}.TOTAL.…`] };
  }
  const lineName = line === 'TOTAL' ? 'TOTAL' : line.id;
  const field = fieldOf(fieldText);
  if (field === undefined || !table.fields.includes(field)) {
    return { message: `table ${table.id} has no field ${JSON.stringify(fieldText)}`, valid: table.fields.map((candidate) => `${table.id}.${lineName}.${candidate}`) };
  }
  const normalised = `${table.id}.${lineName}.${field}`;
  if (line === 'TOTAL') {
    const over = table.covers.length === 0 ? `the lines of ${table.id}` : `the lines of ${table.covers.join(', ')}`;
    const lineRule = RULES[field] === 'input' ? field : `(${RULES[field].replace(/^\w+ = /, '')})`;
    return explained({
      target: normalised, table: table.id, line: 'TOTAL', field, rule: `TOTAL ${field} = sum over ${over} of ${lineRule}`,
      terms: totalTerms(programme, table, field), stated: table.stated[field], statedSource: table.statedSources[field],
    });
  }
  const isInput = RULES[field] === 'input';
  return explained({
    target: normalised, table: table.id, line: line.id, field, rule: isInput ? `${field} is an input (as given in the source)` : RULES[field],
    terms: lineTerms(table, line, field), stated: isInput ? undefined : line.stated[field], statedSource: isInput ? undefined : line.sources[field],
  });
}

/** Whether {@link explainFigure} found the target. */
export function isExplanation(result: Explanation | UnknownTarget): result is Explanation {
  return 'terms' in result;
}

/** Whether an explanation's stated figure disagrees with its computed value. */
export function disagrees(explanation: Explanation): boolean {
  return explanation.difference !== undefined && !isZero(explanation.difference);
}

/** −amount for a subtracted term, for display. */
export function signedAmount(term: ExplainTerm): Amount {
  return term.sign === 1 ? term.amount : negate(term.amount);
}
