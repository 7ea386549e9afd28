/**
 * The typo model of `fn-model diagnose`: does a correction look like one slip of the
 * keyboard? A stated figure and its correction are compared as the digits a person types
 * (absolute values written out in full, the same number of decimal places). Pure.
 *
 * Kinds, the classic single-keystroke errors of data entry (Damerau 1964, "A technique for
 * computer detection and correction of spelling errors": one substitution, one adjacent
 * transposition, one deletion, one insertion), plus a sign slip, which figures in brackets
 * invite:
 * - `one-digit`: one digit changed (`1,065` for `1,085`);
 * - `transposition`: two adjacent digits swapped (`1,324` for `1,342`);
 * - `dropped-digit`: a digit left out (`188` for `1,188`);
 * - `extra-digit`: a digit typed once too often (`11,88` for `1,188`);
 * - `sign`: the right digits with the wrong sign (`(250)` for `250`).
 */
import { type Amount, formatAmount } from '../money/index.js';

/** A kind of single-keystroke typo. */
export type TypoKind = 'one-digit' | 'transposition' | 'dropped-digit' | 'extra-digit' | 'sign';

/** Why a correction looks like a typo. */
export interface TypoReading {
  readonly kind: TypoKind;
  /** In words, e.g. `one digit changed: 6 → 8 in 1,065 → 1,085`. */
  readonly text: string;
}

function digitsOf(value: Amount, places: number): string {
  return value.abs().toFixed(places).replace('.', '');
}

/** `a 7`, `an 8`. */
function withArticle(digit: string): string {
  return `${digit === '8' ? 'an' : 'a'} ${digit}`;
}

function withoutOne(longer: string, shorter: string): string | undefined {
  if (longer.length !== shorter.length + 1) return undefined;
  for (let index = 0; index < longer.length; index++) {
    if (longer.slice(0, index) + longer.slice(index + 1) === shorter) return longer[index];
  }
  return undefined;
}

/**
 * Classify `stated` against `corrected` (both in the same unit; compared with the larger
 * number of decimal places of the two, or `places` when given, e.g. 3 for £m headlines).
 * Gives `undefined` when the correction is not a single keystroke (or changes nothing).
 */
export function typoBetween(stated: Amount, corrected: Amount, places?: number): TypoReading | undefined {
  const shownPlaces = places ?? Math.max(stated.decimalPlaces(), corrected.decimalPlaces());
  const show = (value: Amount): string => formatAmount(value, { places: shownPlaces });
  const pair = `${show(stated)} → ${show(corrected)}`;
  const typed = digitsOf(stated, shownPlaces).replace(/^0+(?=\d)/, '');
  const meant = digitsOf(corrected, shownPlaces).replace(/^0+(?=\d)/, '');
  const sameSign = stated.isNegative() === corrected.isNegative() || stated.isZero() || corrected.isZero();
  if (typed === meant) {
    return sameSign ? undefined : { kind: 'sign', text: `sign slip: ${pair}` };
  }
  if (!sameSign) return undefined;
  if (typed.length === meant.length) {
    const differing: number[] = [];
    for (let index = 0; index < typed.length; index++) if (typed[index] !== meant[index]) differing.push(index);
    if (differing.length === 1) {
      const at = differing[0]!;
      return { kind: 'one-digit', text: `one digit changed (${meant[at]} typed as ${typed[at]}): ${pair}` };
    }
    if (differing.length === 2 && differing[1] === differing[0]! + 1
      && typed[differing[0]!] === meant[differing[1]!] && typed[differing[1]!] === meant[differing[0]!]) {
      return { kind: 'transposition', text: `two digits swapped (${meant[differing[0]!]}${meant[differing[1]!]} typed as ${typed[differing[0]!]}${typed[differing[1]!]}): ${pair}` };
    }
    return undefined;
  }
  const dropped = withoutOne(meant, typed);
  if (dropped !== undefined) return { kind: 'dropped-digit', text: `a digit left out (${withArticle(dropped)}): ${pair}` };
  const extra = withoutOne(typed, meant);
  if (extra !== undefined) return { kind: 'extra-digit', text: `a digit typed once too often (${withArticle(extra)}): ${pair}` };
  return undefined;
}
