/**
 * fast-check arbitraries for snapshots of a programme: amounts as decimal strings with
 * up to 3 places (never floats), and the five ordinary tables with lines whose ids are
 * drawn from a small pool, so that two snapshots share, add and drop lines.
 * Used by the movement bridge and trend properties.
 */
import fc from 'fast-check';
import type { Programme, TableId } from '../../src/model/index.js';
import { type LineRow, programmeOf } from './programme.js';

/** An amount as decimal text: up to ±10^9 minor units with 0–3 decimal places. */
export const amountText = fc
  .tuple(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }), fc.integer({ min: 0, max: 3 }))
  .map(([units, places]) => {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
    const body = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
    return negative ? `-${body}` : body;
  });

/** The tables the combined figure is built from. */
export const ORDINARY: readonly TableId[] = ['fn-costs', 'brp-investment', 'brp-savings', 'ncc-investment', 'ncc-savings'];

/** A snapshot: for each ordinary table, up to five lines with ids from L1–L5 and random budget, outturn and 2019/20. */
export const snapshot: fc.Arbitrary<Programme> = fc.record(
  Object.fromEntries(ORDINARY.map((id) => [id, fc.uniqueArray(
    fc.record({ id: fc.constantFrom('L1', 'L2', 'L3', 'L4', 'L5'), budget: amountText, outturn: amountText, other: amountText }),
    { selector: (line) => line.id, maxLength: 5 },
  )])) as Record<TableId, fc.Arbitrary<{ id: string; budget: string; outturn: string; other: string }[]>>,
).map((tables) => programmeOf(Object.fromEntries(Object.entries(tables).map(([id, lines]) => [id, {
  lines: lines.map((line): LineRow => [line.id, line.other, line.budget, '0', '', line.outturn, '', '0', '0']),
}]))));
