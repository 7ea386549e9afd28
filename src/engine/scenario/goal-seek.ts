/**
 * Goal seek (`fn-model goal-seek`): the value of one scenario adjustment (a share or an
 * amount) at which a headline measure reaches a target, solved exactly. Pure; amounts £000.
 *
 * Why it can be exact: every adjustment is piecewise linear in its value. The varied
 * adjustment moves m = value × max(source, 0) (a share) or m = value (an amount) on each
 * line it targets, and its source figure does not depend on the value, so the programme
 * after it is affine in the value. A later adjustment keeps that affine unless a later
 * slip's source figure (a 2020/21 outturn or 2021/24 plan, floored at nil) changes sign,
 * which is where the measure can bend. Reclassifications never touch outturn or plan,
 * and outturn scale/set are linear or constant. So on any interval where no later slip's
 * source changes sign, the measure is linear (by induction over the adjustments in order).
 *
 * The solver evaluates the ordinary engine (`applyAdjustment`, `figuresOf`) at the ends
 * of the valid range, splits wherever a later slip's source crosses nil (the first one to
 * cross is affine on the interval, so the crossing point is exact), and so lists the
 * linear pieces. The solution is the smallest value at which the measure equals the
 * target, found on the first piece whose end values straddle it, as an exact fraction.
 *
 * Rounded value: rounded down (floor) to 6 decimal places for a share, 3 (£1) for an
 * amount. The check recomputes the measure at the two neighbouring rounded values with
 * `compareScenarios` (exactly `fn-model scenario run`).
 */
import {
  type Amount, type Fraction, ZERO, add, addFractions, amountOf, amountOfFraction, compare, compareFractions, divideFractions,
  fractionOfAmount, maximum, multiplyFractions, roundFraction, subtract, subtractFractions,
} from '../../money/index.js';
import type { Programme } from '../../model/index.js';
import { applyAdjustment, applyScenario, resolveTarget, sourceFigureOf } from './apply.js';
import { compareScenarios } from './compare.js';
import { ScenarioError } from './errors.js';
import type { Adjustment, Scenario } from './model.js';
import { type FigureId, figuresOf, programmeSums } from './outcome.js';

/** The measures goal seek can target. */
export const GOAL_SEEK_MEASURES = ['combined', 'shortfall', 'underspend'] as const;
/** One of {@link GOAL_SEEK_MEASURES}. */
export type GoalSeekMeasure = (typeof GOAL_SEEK_MEASURES)[number];

/** The scenario figure each measure is. */
export const MEASURE_FIGURES: Readonly<Record<GoalSeekMeasure, FigureId>> = {
  combined: 'combined-adverse-movement',
  shortfall: 'savings-shortfall',
  underspend: 'cost-underspend',
};

/** Decimal places of the rounded value: a share to 6 places (0.0001%), an amount to 3 (£1 in £000). */
export const GOAL_SEEK_PLACES: Readonly<Record<'share' | 'amount', number>> = { share: 6, amount: 3 };

/** A linear piece of the measure: the measure is linear in the value from `from` to `to`. */
export interface GoalSeekPiece {
  readonly from: Amount;
  readonly to: Amount;
  readonly atFrom: Amount;
  readonly atTo: Amount;
}

/** A rounded value and the measure there, recomputed by the ordinary scenario engine (£000). */
export interface GoalSeekPoint {
  readonly value: Amount;
  readonly measure: Amount;
}

/** What goal seek found. */
export interface GoalSeekReport {
  readonly programme: Pick<Programme, 'name' | 'path'>;
  readonly scenario: Scenario;
  /** 1-based position of the varied adjustment. */
  readonly position: number;
  readonly adjustment: Adjustment;
  readonly measure: GoalSeekMeasure;
  /** The target, £000. */
  readonly target: Amount;
  readonly unit: 'share' | 'amount';
  /** The valid range of the value: 0 to 1 for a share; 0 to the least figure it may move on any targeted line for an amount. */
  readonly domain: { readonly low: Amount; readonly high: Amount };
  /** The measure at the two ends of the domain. */
  readonly atLow: Amount;
  readonly atHigh: Amount;
  /** The least and greatest measure over the domain (at piece ends: the measure is linear between them). */
  readonly range: { readonly low: Amount; readonly high: Amount };
  readonly pieces: readonly GoalSeekPiece[];
  /**
   * `solved`: a value in the domain gives the target exactly; `passed-at-start`: the measure
   * is already above the target at the low end and never comes back to it; `out-of-range`:
   * the target lies outside the measure's range otherwise.
   */
  readonly status: 'solved' | 'passed-at-start' | 'out-of-range';
  /** The smallest value giving the target, exact, and rounded down to {@link places}; undefined unless solved. */
  readonly solution: { readonly exact: Fraction; readonly value: Amount } | undefined;
  readonly places: number;
  /**
   * The measure at rounded values either side of the solution: `below` where it is below the
   * target, `atOrAbove` where it is at or above it (each undefined if no such rounded value is
   * in the domain next to the solution). Undefined unless solved.
   */
  readonly check: { readonly below: GoalSeekPoint | undefined; readonly atOrAbove: GoalSeekPoint | undefined } | undefined;
}

interface Probe {
  readonly value: Amount;
  readonly measure: Amount;
  /** The source figure of every later slip on every line it targets, in application order. */
  readonly sources: readonly Amount[];
}

/** How many times the scan may split the domain before giving up (each split is a source crossing nil). */
const MAX_SPLITS = 256;
/** A crossing point with more decimal places than this is not evaluated (the engine's 40 digits would round). */
const MAX_PLACES = 20;

function sign(value: Amount): -1 | 0 | 1 {
  return compare(value, ZERO);
}

function places(value: Fraction): number | undefined {
  let count = 0;
  while (count <= MAX_PLACES) {
    if ((10n ** BigInt(count)) % value.den === 0n) return count;
    count += 1;
  }
  return undefined;
}

/**
 * Solve for the value of adjustment `position` (1-based) of `scenario` at which `measure`
 * equals `target` (£000), exactly.
 * @throws ScenarioError when the scenario does not fit the programme, when the adjustment is
 * not measured as a share or an amount, or when the measure bends at a value that is not a
 * terminating decimal (it cannot be evaluated exactly there).
 */
export function goalSeek(programme: Programme, scenario: Scenario, position: number, measure: GoalSeekMeasure, target: Amount): GoalSeekReport {
  const adjustment = scenario.adjustments[position - 1];
  if (!adjustment) throw new RangeError(`no adjustment ${position}`);
  if (adjustment.measure !== 'share' && adjustment.measure !== 'amount') {
    throw new ScenarioError([{
      origin: adjustment.valueOrigin,
      message: `goal-seek varies a share or an amount; adjustment ${adjustment.name ?? position} is an outturn ${adjustment.measure} (vary a slip or reclassify adjustment written with share: or amount:)`,
    }]);
  }
  const unit = adjustment.measure;
  const figure = MEASURE_FIGURES[measure];
  const before = applyScenario(programme, { adjustments: scenario.adjustments.slice(0, position - 1) });
  const later = scenario.adjustments.slice(position);
  const domain = { low: ZERO, high: unit === 'share' ? amountOf('1') : amountLimit(before, adjustment) };

  const probe = (value: Amount): Probe => {
    let state = applyAdjustment(before, { ...adjustment, value });
    const sources: Amount[] = [];
    for (const next of later) {
      if (next.kind === 'slip') for (const line of resolveTarget(state, next.target).lines) sources.push(sourceFigureOf(line, next)!.amount);
      state = applyAdjustment(state, next);
    }
    return { value, measure: figuresOf(programmeSums(state))[figure], sources };
  };

  const pieces: GoalSeekPiece[] = [];
  let splits = 0;
  const scan = (a: Probe, b: Probe): void => {
    const crossing = a.sources.findIndex((source, index) => sign(source) * sign(b.sources[index]!) < 0);
    if (crossing < 0) {
      pieces.push({ from: a.value, to: b.value, atFrom: a.measure, atTo: b.measure });
      return;
    }
    // The first source to change sign is affine on [a, b] (every source before it keeps its sign), so it is nil at exactly:
    const sa = fractionOfAmount(a.sources[crossing]!);
    const sb = fractionOfAmount(b.sources[crossing]!);
    const span = subtractFractions(fractionOfAmount(b.value), fractionOfAmount(a.value));
    const at = addFractions(fractionOfAmount(a.value), multiplyFractions(span, divideFractions(sa, subtractFractions(sa, sb))));
    splits += 1;
    if (places(at) === undefined || splits > MAX_SPLITS) {
      throw new ScenarioError([{
        origin: adjustment.valueOrigin,
        message: `goal-seek cannot solve this scenario exactly: a later slip's source figure crosses nil at a value of this adjustment (${at.num}/${at.den}) that is not a decimal of at most ${MAX_PLACES} places`,
      }]);
    }
    const middle = probe(amountOfFraction(at));
    scan(a, middle);
    scan(middle, b);
  };
  const low = probe(domain.low);
  const high = probe(domain.high);
  scan(low, high);

  const ends = pieces.flatMap((piece) => [piece.atFrom, piece.atTo]);
  const range = {
    low: ends.reduce((least, value) => (compare(value, least) < 0 ? value : least)),
    high: ends.reduce((most, value) => (compare(value, most) > 0 ? value : most)),
  };
  const exact = solve(pieces, target);
  const status = exact !== undefined ? 'solved' : compare(low.measure, target) > 0 && compare(range.low, target) > 0 ? 'passed-at-start' : 'out-of-range';
  const decimals = GOAL_SEEK_PLACES[unit];
  const solution = exact === undefined ? undefined : { exact, value: roundFraction(exact, decimals, 'floor') };
  const check = exact === undefined ? undefined : checkAround(programme, scenario, position, figure, target, exact, decimals, domain);
  return {
    programme: { name: programme.name, path: programme.path }, scenario, position, adjustment, measure, target, unit, domain,
    atLow: low.measure, atHigh: high.measure, range, pieces, status, solution, places: decimals, check,
  };
}

/** The largest amount the adjustment may move: the least available source figure over its lines (floored at nil). */
function amountLimit(state: Programme, adjustment: Adjustment): Amount {
  const { lines } = resolveTarget(state, adjustment.target);
  const available = lines.map((line) => maximum(sourceFigureOf(line, adjustment)?.amount ?? ZERO, ZERO));
  return available.reduce((least, value) => (compare(value, least) < 0 ? value : least), available[0] ?? ZERO);
}

/** The smallest value on the pieces at which the measure equals the target, exactly; undefined when none does. */
export function solve(pieces: readonly GoalSeekPiece[], target: Amount): Fraction | undefined {
  const wanted = fractionOfAmount(target);
  for (const piece of pieces) {
    const atFrom = fractionOfAmount(piece.atFrom);
    const atTo = fractionOfAmount(piece.atTo);
    const fromSide = compareFractions(atFrom, wanted);
    const toSide = compareFractions(atTo, wanted);
    if (fromSide === 0) return fractionOfAmount(piece.from);
    if (fromSide * toSide > 0) continue;
    // atFrom ≠ target and atTo is on the other side of it (or equal): one crossing on this line.
    const from = fractionOfAmount(piece.from);
    const span = subtractFractions(fractionOfAmount(piece.to), from);
    return addFractions(from, multiplyFractions(span, divideFractions(subtractFractions(wanted, atFrom), subtractFractions(atTo, atFrom))));
  }
  return undefined;
}

/** The measure through `scenario run` with the adjustment at `value`. */
export function measureAt(programme: Programme, scenario: Scenario, position: number, figure: FigureId, value: Amount): Amount {
  const adjustments = scenario.adjustments.map((candidate, index) => (index === position - 1 ? { ...candidate, value } : candidate));
  return compareScenarios(programme, [{ ...scenario, adjustments }]).runs[0]!.outcome.figures[figure];
}

function checkAround(
  programme: Programme, scenario: Scenario, position: number, figure: FigureId, target: Amount,
  exact: Fraction, decimals: number, domain: GoalSeekReport['domain'],
): GoalSeekReport['check'] {
  const step = amountOf(`1e-${decimals}`);
  const down = roundFraction(exact, decimals, 'floor');
  const up = roundFraction(exact, decimals, 'ceil');
  const inDomain = (value: Amount) => compare(value, domain.low) >= 0 && compare(value, domain.high) <= 0;
  // The rounded values either side of the solution; when it has no more places than that, the solution and its neighbours.
  const candidates = compare(down, up) === 0 ? [subtract(down, step), down, add(down, step)] : [down, up];
  const points = candidates.filter(inDomain).map((value): GoalSeekPoint => ({ value, measure: measureAt(programme, scenario, position, figure, value) }));
  const nearest = (wanted: (point: GoalSeekPoint) => boolean): GoalSeekPoint | undefined => {
    const found = points.filter(wanted);
    return found.sort((a, b) => compareFractions(distance(a.value, exact), distance(b.value, exact)))[0];
  };
  return {
    below: nearest((point) => compare(point.measure, target) < 0),
    atOrAbove: nearest((point) => compare(point.measure, target) >= 0),
  };
}

function distance(value: Amount, from: Fraction): Fraction {
  const difference = subtractFractions(fractionOfAmount(value), from);
  return difference.num < 0n ? { num: -difference.num, den: difference.den } : difference;
}

