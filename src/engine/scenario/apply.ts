/**
 * Applying scenario adjustments to a programme: pure functions from a Programme to a
 * new Programme. Only line inputs change (2020/21 outturn, 2021/24 plan, the delay
 * analysis); the 2019/20 and 2020/21 budget columns never move, so every shortfall
 * and underspend is still measured against the published budget. Stated figures are
 * kept as published (they are what the report said, not what the scenario gives).
 *
 * The rules, with worked examples on the March 2021 tables: docs/scenarios.md.
 */
import { type Amount, ZERO, add, amountOf, compare, formatAmount, isNegative, maximum, multiply, subtract } from '../../money/index.js';
import type { Field, Line, Programme, Table } from '../../model/index.js';
import { ScenarioError } from './errors.js';
import type { Adjustment, DelayClass, Origin, Scenario, Target } from './model.js';

const ONE = amountOf('1');

const CLASS_FIELD: Readonly<Record<Exclude<DelayClass, 'not-deliverable'>, Field>> = {
  'delayed-wholly': 'delayedWholly',
  'delayed-partly': 'delayedPartly',
};

/** The lines a target names, in table order, with their table. @throws ScenarioError for an unknown table or line id, or a table without lines. */
export function resolveTarget(programme: Programme, target: Target): { readonly table: Table; readonly lines: readonly Line[] } {
  const table = programme.tables.find((candidate) => candidate.id === target.table);
  if (!table) throw new ScenarioError([{ origin: target.tableOrigin, message: `unknown table "${target.table}" in dataset ${programme.name}` }]);
  if (table.covers.length > 0) {
    throw new ScenarioError([{ origin: target.tableOrigin, message: `table "${table.id}" is a cross-table total with no lines of its own; target ${table.covers.join(' or ')}` }]);
  }
  if (target.lines === '*') return { table, lines: table.lines };
  const byId = linesById(table);
  const problems = target.lines.flatMap((id, index) =>
    byId.has(id)
      ? []
      : [{ origin: target.lineOrigins[index] ?? target.tableOrigin, message: `unknown line "${id}" in table "${table.id}" (lines: ${table.lines.map((line) => line.id).join(', ')})` }]);
  if (problems.length > 0) throw new ScenarioError(problems);
  if (target.lines.length === 1) return { table, lines: [byId.get(target.lines[0] as string) as Line] };
  const wanted = new Set(target.lines);
  return { table, lines: table.lines.filter((line) => wanted.has(line.id)) };
}

const LINE_INDEX = new WeakMap<Table, ReadonlyMap<string, Line>>();

/** A table's lines by id (memoised per table object; tables are immutable). */
function linesById(table: Table): ReadonlyMap<string, Line> {
  let index = LINE_INDEX.get(table);
  if (!index) {
    index = new Map(table.lines.map((line) => [line.id, line]));
    LINE_INDEX.set(table, index);
  }
  return index;
}

/** Check once that an adjustment suits its table's kind and columns. @throws ScenarioError */
export function checkApplicable(table: Table, adjustment: Adjustment): void {
  if (adjustment.kind === 'slip' && table.kind !== 'savings') {
    throw new ScenarioError([{ origin: adjustment.target.tableOrigin, message: `slip applies to savings tables; "${table.id}" is a costs table (use kind: outturn)` }]);
  }
  if (adjustment.kind === 'reclassify' && !table.fields.includes('delayedWholly')) {
    throw new ScenarioError([{ origin: adjustment.target.tableOrigin, message: `reclassify needs the delay analysis columns, which "${table.id}" does not have (only ncc-savings does)` }]);
  }
}

function figure(line: Line, field: Field): Amount {
  return line.inputs[field] ?? ZERO;
}

/**
 * The analysed remainder of a savings line's 2020/21 variance ("not deliverable"):
 * shortfall − delayed wholly − delayed partly − the savings slips have moved into the
 * 2021/24 plan (net, if positive), floored at nil. Slipped savings are in the plan, so
 * they are not also not-deliverable (they would be counted twice).
 */
export function notDeliverableOf(line: Line): Amount {
  const shortfall = subtract(figure(line, '2020/21'), figure(line, 'outturn'));
  const delayed = add(figure(line, 'delayedWholly'), figure(line, 'delayedPartly'));
  const slipped = maximum(line.slippedToPlan ?? ZERO, ZERO);
  return maximum(subtract(subtract(shortfall, delayed), slipped), ZERO);
}

function withInputs(line: Line, changes: Partial<Record<Field, Amount>>): Line {
  return { ...line, inputs: { ...line.inputs, ...changes } };
}

/**
 * How much an adjustment measured as a share or an amount moves on one line:
 * share × max(source, 0), or the amount itself.
 * @throws ScenarioError when an amount exceeds what the line has to move.
 */
function movedAmount(adjustment: Adjustment, source: Amount, line: Line, sourceName: string, tableId: string): Amount {
  const available = maximum(source, ZERO);
  if (adjustment.measure === 'share') return multiply(available, adjustment.value);
  if (compare(adjustment.value, available) > 0) {
    throw new ScenarioError([{ origin: adjustment.valueOrigin, message: `amount ${formatAmount(adjustment.value, { brackets: false })} exceeds ${tableId}/${line.id}'s ${sourceName} of ${formatAmount(available, { brackets: false })} (£000)` }]);
  }
  return adjustment.value;
}

/**
 * The figure a slip or reclassification measures its share or amount against on one line,
 * before it is floored at nil (£000), and its name in messages: a slip's 2020/21 outturn or
 * 2021/24 plan; a reclassification's source class (not deliverable: {@link notDeliverableOf}).
 * `undefined` for an outturn adjustment (it scales or sets, it does not move a figure).
 */
export function sourceFigureOf(line: Line, adjustment: Adjustment): { readonly amount: Amount; readonly name: string } | undefined {
  if (adjustment.kind === 'slip') {
    return adjustment.from === '2020/21' ? { amount: figure(line, 'outturn'), name: '2020/21 outturn' } : { amount: figure(line, '2021/24'), name: '2021/24 plan' };
  }
  if (adjustment.kind === 'reclassify') {
    return { amount: adjustment.from === 'not-deliverable' ? notDeliverableOf(line) : figure(line, CLASS_FIELD[adjustment.from]), name: adjustment.from };
  }
  return undefined;
}

/**
 * Apply one adjustment to one line of `table` (already checked with {@link checkApplicable}).
 * Returns the new line; the old one is untouched.
 * @throws ScenarioError when an amount exceeds the figure it moves.
 */
export function applyToLine(line: Line, table: Table, adjustment: Adjustment): Line {
  switch (adjustment.kind) {
    case 'slip': {
      const sourceField: Field = adjustment.from === '2020/21' ? 'outturn' : '2021/24';
      const source = sourceFigureOf(line, adjustment)!;
      const moved = movedAmount(adjustment, source.amount, line, source.name, table.id);
      const changes: Partial<Record<Field, Amount>> = { [sourceField]: subtract(figure(line, sourceField), moved) };
      if (adjustment.to === '2021/24') changes['2021/24'] = add(figure(line, '2021/24'), moved);
      if (adjustment.to === '2020/21') changes.outturn = add(figure(line, 'outturn'), moved);
      const changed = withInputs(line, changes);
      if (adjustment.to === 'lost') return changed;
      // 2020/21 → 2021/24 adds to what has slipped into the plan; bringing forward takes from it.
      const slipped = (adjustment.to === '2021/24' ? add : subtract)(line.slippedToPlan ?? ZERO, moved);
      if (slipped.isZero()) {
        const { slippedToPlan: _, ...rest } = changed;
        return rest;
      }
      return { ...changed, slippedToPlan: slipped };
    }
    case 'reclassify': {
      const source = sourceFigureOf(line, adjustment)!.amount;
      const moved = movedAmount(adjustment, source, line, adjustment.from, table.id);
      const changes: Partial<Record<Field, Amount>> = {};
      if (adjustment.from !== 'not-deliverable') changes[CLASS_FIELD[adjustment.from]] = subtract(source, moved);
      if (adjustment.to !== 'not-deliverable') {
        const field = CLASS_FIELD[adjustment.to];
        changes[field] = add(changes[field] ?? figure(line, field), moved);
      }
      return withInputs(line, changes);
    }
    case 'outturn':
      return withInputs(line, { outturn: adjustment.measure === 'scale' ? multiply(figure(line, 'outturn'), adjustment.value) : adjustment.value });
  }
}

/**
 * Apply one adjustment to every line it targets, giving a new programme.
 * @throws ScenarioError for an unknown table/line, an adjustment that does not suit its table, or an amount too large.
 */
export function applyAdjustment(programme: Programme, adjustment: Adjustment): Programme {
  const { table, lines } = resolveTarget(programme, adjustment.target);
  checkApplicable(table, adjustment);
  const targeted = new Set(lines);
  const changed: Table = { ...table, lines: table.lines.map((line) => (targeted.has(line) ? applyToLine(line, table, adjustment) : line)) };
  return { ...programme, tables: programme.tables.map((candidate) => (candidate === table ? changed : candidate)) };
}

/** Apply a scenario's adjustments in order (drivers are not applied: they are for simulate and tornado). */
export function applyScenario(programme: Programme, scenario: Pick<Scenario, 'adjustments'>): Programme {
  return scenario.adjustments.reduce(applyAdjustment, programme);
}

/**
 * The adjustments that undo `adjustment` applied to `before`, one per targeted line,
 * measured as amounts (a share of a figure that has since changed is not its own inverse):
 * a slip 2020/21 → 2021/24 is undone by bringing the same amount forward (2021/24 → 2020/21)
 * and vice versa; a reclassification by the reverse move; an outturn change, or a slip to
 * `lost` from 2020/21, by setting the outturn back. A slip of the 2021/24 plan to `lost`
 * has no inverse among the adjustments (nothing puts savings back into a plan) → `undefined`.
 */
export function inverseOf(before: Programme, adjustment: Adjustment): Adjustment[] | undefined {
  const { table, lines } = resolveTarget(before, adjustment.target);
  checkApplicable(table, adjustment);
  const inverses: Adjustment[] = [];
  for (const line of lines) {
    const after = applyToLine(line, table, adjustment);
    const target: Target = { ...adjustment.target, lines: [line.id], lineOrigins: [adjustment.origin] };
    const base = { target, origin: adjustment.origin, valueOrigin: adjustment.valueOrigin } as const;
    if (adjustment.kind === 'slip') {
      if (adjustment.to === '2021/24' || adjustment.to === '2020/21') {
        const moved = adjustment.to === '2021/24' ? subtract(figure(after, '2021/24'), figure(line, '2021/24')) : subtract(figure(after, 'outturn'), figure(line, 'outturn'));
        inverses.push({ ...base, kind: 'slip', from: adjustment.to, to: adjustment.from, measure: 'amount', value: moved });
      } else if (adjustment.from === '2020/21') {
        inverses.push({ ...base, kind: 'outturn', measure: 'set', value: figure(line, 'outturn') });
      } else {
        return undefined;
      }
    } else if (adjustment.kind === 'reclassify') {
      const moved = adjustment.to === 'not-deliverable'
        ? subtract(figure(line, CLASS_FIELD[adjustment.from as Exclude<DelayClass, 'not-deliverable'>]), figure(after, CLASS_FIELD[adjustment.from as Exclude<DelayClass, 'not-deliverable'>]))
        : subtract(figure(after, CLASS_FIELD[adjustment.to]), figure(line, CLASS_FIELD[adjustment.to]));
      inverses.push({ ...base, kind: 'reclassify', from: adjustment.to, to: adjustment.from, measure: 'amount', value: moved });
    } else {
      inverses.push({ ...base, kind: 'outturn', measure: 'set', value: figure(line, 'outturn') });
    }
  }
  return inverses;
}

/** Whether a value is a valid share (0 ≤ share ≤ 1). */
export function isShare(value: Amount): boolean {
  return !isNegative(value) && compare(value, ONE) <= 0;
}

/** An origin for adjustments built in code (tests, tornado): `<name>:0:0`. */
export function syntheticOrigin(name: string): Origin {
  return { file: name, line: 0, column: 0 };
}
