/**
 * Option parsers shared by the scenario commands (`scenario run`, `sweep`, `tornado`,
 * `simulate`): synchronous, for commander's `argParser`, and light (no loader, no yaml).
 * Loading the dataset and scenario files is in `scenario-load.ts`, imported by each action.
 */
import { InvalidArgumentError } from 'commander';
import { type Amount, isNegative, parseAmount, parsePercent } from '../money/index.js';

/** Parse a positive whole number (`--runs`, `--steps`). @throws InvalidArgumentError */
export function parseCount(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 10_000_000) throw new InvalidArgumentError('must be a whole number from 1 to 10,000,000'); // number-ok: a run count or seed
  return Number(text); // number-ok: a run count or seed
}

/** Parse `--seed`: a whole number from 0 to 4,294,967,295 (32 bits). @throws InvalidArgumentError */
export function parseSeed(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 0xffffffff) throw new InvalidArgumentError('must be a whole number from 0 to 4294967295'); // number-ok: a run count or seed
  return Number(text); // number-ok: a run count or seed
}

/** Parse a percentage option such as `--swing 25%` (0% < swing ≤ 100%). @throws InvalidArgumentError */
export function parseSwing(text: string): Amount {
  const parsed = parsePercent(text);
  if (parsed.kind !== 'amount' || isNegative(parsed.value) || parsed.value.isZero() || parsed.value.gt(1)) throw new InvalidArgumentError('must be a percentage above 0% and at most 100%, e.g. 25%');
  return parsed.value;
}

/** Parse an amount option in £000 (`--threshold 1000`); may be negative. @throws InvalidArgumentError */
export function parseThreshold(text: string): Amount {
  const parsed = parseAmount(text);
  if (parsed.kind !== 'amount') throw new InvalidArgumentError('must be an amount in £000, e.g. 1000 or 1,000');
  return parsed.value;
}
