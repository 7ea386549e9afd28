/**
 * Reading a reliability-weights file for `fn-model diagnose --weights FILE`: YAML (or JSON,
 * which is YAML) mapping a cell class to the cost of changing one cell of that class, as in
 * Fellegi–Holt's reliability weights. Classes not named keep weight 1.
 *
 * ```yaml
 * # stated totals are typed by hand; line cells come from the ledger
 * line-input: 2
 * table-total: 0.5
 * ```
 *
 * A weight is a positive decimal with at most 3 decimal places (`1`, `0.5`, `2.25`).
 * Every problem is one located line (file, line of the file, key, text) and exit 2.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { type Amount, isNegative, isZero, parseAmount } from '../money/index.js';
import { CELL_CLASSES, type CellClass } from '../engine/rules.js';
import { InputError, type Problem, fileProblemMessage } from './errors.js';

/**
 * Read a weights file. Gives the weights it names (£-free numbers, ≥ 0.001).
 * @throws InputError for a missing or unreadable file, YAML that is not a mapping, an
 *   unknown class (the valid ones are listed) or a weight that is not a positive decimal.
 */
export function readWeights(file: string): Partial<Record<CellClass, Amount>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError([{ file, message: fileProblemMessage(error) ?? `cannot be read (${(error as Error).message})` }]);
  }
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const problems: Problem[] = [];
  const lineOf = (offset: number | undefined): number => counter.linePos(offset ?? 0).line;
  const [error] = document.errors;
  if (error) {
    // the first error only: YAML's later errors follow from it
    const why = /multiple documents/.test(error.message) ? 'holds more than one YAML document' : error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError([{ file, row: lineOf(error.pos[0]), message: `is not valid YAML (${why})` }]);
  }
  const contents = document.contents;
  if (!isMap(contents)) {
    throw new InputError([{ file, message: `must map cell classes to weights, e.g. "table-total: 0.5" (classes: ${CELL_CLASSES.join(', ')})` }]);
  }
  const weights: Partial<Record<CellClass, Amount>> = {};
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const row = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (!(CELL_CLASSES as readonly string[]).includes(key)) {
      problems.push({ file, row, text: key, message: `is not a cell class (valid: ${CELL_CLASSES.join(', ')})` });
      continue;
    }
    const value = isScalar(pair.value) ? (pair.value.source ?? String(pair.value.value)) : String(pair.value);
    const parsed = parseAmount(value);
    if (parsed.kind !== 'amount' || isNegative(parsed.value) || isZero(parsed.value) || parsed.value.decimalPlaces() > 3 || /[£(,]/.test(value)) {
      problems.push({ file, row, column: key, text: value, message: 'is not a weight: a positive number with at most 3 decimal places, e.g. 1 or 0.5' });
      continue;
    }
    weights[key as CellClass] = parsed.value;
  }
  if (problems.length > 0) throw new InputError(problems);
  return weights;
}
