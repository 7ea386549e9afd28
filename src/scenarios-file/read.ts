/**
 * Reading scenario files (`scenarios/*.yaml`): the I/O edge for scenarios. Parses
 * YAML with the `yaml` library (numbers kept exactly as written), validates with the
 * zod schema in `schema.ts`, converts values to exact decimals, follows `extends:`,
 * and reports every problem with its place: `scenarios/x.yaml:7:5: message`
 * (a {@link ScenarioError}, exit 2 in `src/cli.ts`): one line per cause; YAML anchors and
 * aliases are refused, and so is an empty file.
 *
 * Value rules: a share is a percentage from 0% to 100% (`25%`); an amount is £000 as
 * the report writes it (`1,200`, `450.5`), not negative except for `set`; a scale
 * factor is a percentage ≥ 0% (`110%`). Bare numbers are not shares (`25` vs `0.25`
 * would be ambiguous).
 */
import { readFile } from 'node:fs/promises';
import { refuseIfNotRegularFile } from '../load/limits.js';
import { basename, dirname, join } from 'node:path';
import { type Document, LineCounter, isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { ZodError } from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import { type Amount, amountOf, compare, isNegative, parseAmount, parsePercent } from '../money/index.js';
import type { TableId } from '../model/index.js';
import {
  type Adjustment, type Correlation, type Distribution, type Driver, type Measure, type Origin,
  type Scenario, type ScenarioProblem, type Target, ScenarioError,
} from '../engine/index.js';
import { type AdjustmentEntry, type DistributionEntry, type DriverEntry, type ScenarioFile, scenarioFileSchema, validKeysAt } from './schema.js';

type Path = readonly (string | number)[];

/** 100% as a fraction. */
const WHOLE = amountOf('1');

/** A parsed YAML file: its name, its plain value (numbers kept as written) and a locator from a key path to its line and column. */
export interface Parsed {
  readonly file: string;
  readonly value: unknown;
  readonly at: (path: Path, key?: boolean) => Origin;
}

/** Turn a YAML node into plain data, keeping every number's source text (so `0.10` stays `"0.10"`). Shared with the layout-file reader. */
export function plain(node: unknown): unknown {
  if (isMap(node)) return Object.fromEntries(node.items.map((pair) => [String(isScalar(pair.key) ? pair.key.value : pair.key), plain(pair.value)]));
  if (isSeq(node)) return node.items.map(plain);
  if (isScalar(node)) return typeof node.value === 'number' || typeof node.value === 'bigint' ? (node.source ?? String(node.value)) : node.value;
  return node ?? null;
}

/** A function from a key path (`['tables', 'fn-costs', 'sheet']`) to where it is in the file (the key itself with `key`); an absent step stops at the nearest present parent. Shared with the layout-file reader. */
export function locator(file: string, document: Document, counter: LineCounter) {
  const position = (offset: number): Origin => {
    const { line, col } = counter.linePos(offset);
    return { file, line, column: col };
  };
  return (path: Path, key = false): Origin => {
    let node: unknown = document.contents;
    let found: Origin = position((node as { range?: [number] } | null)?.range?.[0] ?? 0);
    for (const [index, step] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
        if (!pair) break;
        const last = index === path.length - 1;
        const target = last && key ? pair.key : pair.value ?? pair.key;
        found = position((target as { range?: [number] }).range?.[0] ?? 0);
        node = pair.value;
        if (last && key) break;
      } else if (isSeq(node)) {
        const item = node.items[Number(step)]; // number-ok: a YAML index or a rank correlation, not money
        if (!item) break;
        found = position((item as { range?: [number] }).range?.[0] ?? 0);
        node = item;
      } else {
        break;
      }
    }
    return found;
  };
}

/**
 * `; did you mean "share"?` when a valid key is within a small edit distance of the
 * unknown one (Levenshtein, via fastest-levenshtein: at most 2 edits, and at most half
 * the key's length), else the valid keys listed, else nothing.
 */
function didYouMean(key: string, valid: readonly string[]): string {
  if (valid.length === 0) return '';
  const nearest = closest(key, [...valid]);
  const edits = distance(key, nearest);
  if (edits <= 2 && edits * 2 <= key.length) return `; did you mean "${nearest}"?`;
  return `; valid keys here: ${valid.join(', ')}`;
}

/** Each zod issue as one located problem: an unknown key at the key, a missing value at its parent, else at the value. Shared with the layout-file reader. */
export function zodProblems(error: ZodError, parsed: Parsed): ScenarioProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((step) => (typeof step === 'symbol' ? String(step) : step)) as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0] ?? '';
      const others = issue.keys.length > 1 ? ` (and ${issue.keys.slice(1).map((k) => `"${k}"`).join(', ')})` : '';
      return { origin: parsed.at([...path, key], true), message: `unknown key "${key}"${others}${didYouMean(key, validKeysAt(path, parsed.value))}` };
    }
    const where = path.length > 0 ? `"${path[path.length - 1]}" ` : '';
    const missing = issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
    return { origin: parsed.at(path), message: missing ? `missing ${where.trim() || 'value'}` : `${where}${issue.message}` };
  });
}

/**
 * Parse YAML text. Each refusal is one located line (one cause, one line):
 * @throws ScenarioError for a YAML syntax error (the first only: later ones follow from it),
 *   an alias or anchor (not allowed: every value is written out), or an empty file.
 */
function parseYaml(file: string, text: string): Parsed {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const at = (offset: number): Origin => {
    const { line, col } = counter.linePos(offset);
    return { file, line, column: col };
  };
  const first = document.errors[0];
  if (first) throw new ScenarioError([{ origin: at(first.pos[0]), message: first.message.split('\n')[0] ?? 'YAML error' }]);
  // The first alias (*name) if any, else the first anchor (&name).
  let alias: { offset: number; text: string } | undefined;
  let anchor: { offset: number; text: string } | undefined;
  visit(document, (_key, node) => {
    if (!node) return undefined;
    const anchored = (node as { anchor?: string }).anchor;
    if (isAlias(node)) {
      alias = { offset: node.range?.[0] ?? 0, text: `*${node.source}` };
      return visit.BREAK;
    }
    if (anchored && !anchor) anchor = { offset: (node as { range?: [number] }).range?.[0] ?? 0, text: `&${anchored}` };
    return undefined;
  });
  const reuse = alias ?? anchor;
  if (reuse) {
    throw new ScenarioError([{ origin: at(reuse.offset), message: `YAML anchors and aliases are not allowed (${reuse.text}); write each value out in full` }]);
  }
  if (document.contents === null || (isScalar(document.contents) && document.contents.value === null)) {
    throw new ScenarioError([{ origin: { file, line: 1, column: 1 }, message: 'is empty: nothing to run (a scenario file has adjustments: or drivers:; see docs/scenarios.md)' }]);
  }
  return { file, value: plain(document.contents) ?? {}, at: locator(file, document, counter) };
}

class Problems {
  readonly list: ScenarioProblem[] = [];
  add(origin: Origin, message: string): void {
    this.list.push({ origin, message });
  }
}

function share(text: string, origin: Origin, problems: Problems, measure: Measure): Amount | undefined {
  const parsed = parsePercent(text);
  if (parsed.kind !== 'amount') {
    problems.add(origin, `${measure} must be a percentage such as 25%, not "${text}"`);
    return undefined;
  }
  if (isNegative(parsed.value) || (measure === 'share' && compare(parsed.value, WHOLE) > 0)) {
    problems.add(origin, measure === 'share' ? `share must be from 0% to 100%, not ${text}` : `scale must be 0% or more, not ${text}`);
    return undefined;
  }
  return parsed.value;
}

/** A probability written as a percentage (Bernoulli `p`), 0% to 100%. */
function probability(text: string, origin: Origin, problems: Problems): Amount | undefined {
  const parsed = parsePercent(text);
  if (parsed.kind !== 'amount' || isNegative(parsed.value) || compare(parsed.value, WHOLE) > 0) {
    problems.add(origin, `p must be between 0% and 100%, not ${parsed.kind === 'amount' ? text : `"${text}"`}`);
    return undefined;
  }
  return parsed.value;
}

function amount(text: string, origin: Origin, problems: Problems, allowNegative: boolean): Amount | undefined {
  const parsed = parseAmount(text);
  if (parsed.kind !== 'amount') {
    problems.add(origin, `amount must be £000 such as 1,200 or 450.5, not "${text}"`);
    return undefined;
  }
  if (!allowNegative && isNegative(parsed.value)) {
    problems.add(origin, `amount must not be negative, not ${text}`);
    return undefined;
  }
  return parsed.value;
}

/** Parse one value in a measure's unit (shares/scales as %, amounts/set as £000). */
function valueOf(measure: Measure, text: string, origin: Origin, problems: Problems): Amount | undefined {
  return measure === 'share' || measure === 'scale' ? share(text, origin, problems, measure) : amount(text, origin, problems, measure === 'set');
}

type Entry = AdjustmentEntry | DriverEntry;

function measureOf(entry: Entry, origin: Origin, problems: Problems): { measure: Measure; raw: unknown } | undefined {
  const candidates: Measure[] = entry.kind === 'outturn' ? ['scale', 'set'] : ['share', 'amount'];
  const given = candidates.filter((measure) => (entry as Record<string, unknown>)[measure] !== undefined);
  if (given.length !== 1) {
    problems.add(origin, `${entry.kind} needs exactly one of ${candidates.join(' or ')}`);
    return undefined;
  }
  const measure = given[0] as Measure;
  return { measure, raw: (entry as Record<string, unknown>)[measure] };
}

function targetOf(entry: Entry, path: Path, parsed: Parsed): Target {
  const lines = entry.lines === '*' ? '*' : typeof entry.lines === 'string' ? [entry.lines] : entry.lines;
  const lineOrigins = lines === '*' ? [] : typeof entry.lines === 'string' ? [parsed.at([...path, 'lines'])] : lines.map((_, index) => parsed.at([...path, 'lines', index]));
  return { table: entry.table as TableId, lines, tableOrigin: parsed.at([...path, 'table']), lineOrigins };
}

function slipRoute(entry: Entry, origin: Origin, problems: Problems): { from: '2020/21' | '2021/24'; to: '2021/24' | '2020/21' | 'lost' } | undefined {
  if (entry.kind !== 'slip') return undefined;
  const from = entry.from ?? '2020/21';
  const to = entry.to ?? (from === '2020/21' ? '2021/24' : 'lost');
  if (from === to) {
    problems.add(origin, `slip from ${from} to ${to} moves nothing; choose a different "to"`);
    return undefined;
  }
  return { from, to };
}

function adjustmentOf(entry: Entry, path: Path, parsed: Parsed, problems: Problems, value: Amount, measure: Measure): Adjustment | undefined {
  const origin = parsed.at(path);
  const base = { ...(entry.name !== undefined ? { name: entry.name } : {}), target: targetOf(entry, path, parsed), measure, value, origin, valueOrigin: parsed.at([...path, measure]) };
  if (entry.kind === 'slip') {
    const route = slipRoute(entry, parsed.at([...path, 'to']), problems);
    return route ? { ...base, kind: 'slip', ...route } : undefined;
  }
  if (entry.kind === 'reclassify') {
    if (entry.from === entry.to) {
      problems.add(parsed.at([...path, 'to']), `reclassify from ${entry.from} to ${entry.to} moves nothing`);
      return undefined;
    }
    return { ...base, kind: 'reclassify', from: entry.from, to: entry.to };
  }
  return { ...base, kind: 'outturn' };
}

function distributionOf(raw: DistributionEntry, measure: Measure, origin: Origin, problems: Problems): Distribution | undefined {
  const values = (texts: readonly string[]) => texts.map((text) => valueOf(measure, text, origin, problems));
  if ('bernoulli' in raw) {
    const p = probability(raw.bernoulli.p, origin, problems);
    const [max] = values([raw.bernoulli.value]);
    const [min] = values([measure === 'share' || measure === 'amount' ? (measure === 'share' ? '0%' : '0') : raw.bernoulli.value]);
    if (measure !== 'share' && measure !== 'amount') problems.add(origin, 'bernoulli needs a share or amount driver (lost or not)');
    return p && min && max ? { kind: 'bernoulli', p, min, max } : undefined;
  }
  if ('uniform' in raw) {
    const [min, max] = values(raw.uniform);
    if (!min || !max) return undefined;
    if (compare(min, max) > 0) return void problems.add(origin, 'uniform needs min ≤ max');
    return { kind: 'uniform', min, max };
  }
  const kind = 'triangular' in raw ? 'triangular' : 'pert';
  const [min, mode, max] = values('triangular' in raw ? raw.triangular : raw.pert);
  if (!min || !mode || !max) return undefined;
  if (compare(min, mode) > 0 || compare(mode, max) > 0) return void problems.add(origin, `${kind} needs min ≤ mode ≤ max`);
  return { kind, min, mode, max };
}

function correlationOf(file: ScenarioFile, parsed: Parsed, drivers: readonly Driver[], problems: Problems): Correlation | undefined {
  if (!file.correlation) return undefined;
  const origin = parsed.at(['correlation']);
  const names = file.correlation.drivers;
  names.forEach((name, index) => {
    const driver = drivers.find((candidate) => candidate.name === name);
    if (!driver) problems.add(parsed.at(['correlation', 'drivers', index]), `unknown driver "${name}"`);
    else if (driver.each) problems.add(parsed.at(['correlation', 'drivers', index]), `driver "${name}" draws per line (each: true) and cannot be correlated`);
  });
  if (new Set(names).size !== names.length) problems.add(parsed.at(['correlation', 'drivers']), 'a driver is named twice');
  const matrix = file.correlation.matrix.map((row, i) => row.map((text, j) => {
    const value = Number(text); // number-ok: a YAML index or a rank correlation, not money
    if (!/^-?\d+(\.\d+)?$/.test(text.trim()) || value < -1 || value > 1) problems.add(parsed.at(['correlation', 'matrix', i, j]), `a rank correlation must be a number from -1 to 1, not "${text}"`);
    return value;
  }));
  if (matrix.length !== names.length || matrix.some((row) => row.length !== names.length)) {
    problems.add(parsed.at(['correlation', 'matrix']), `matrix must be ${names.length} × ${names.length}, one row and column per driver`);
  } else {
    matrix.forEach((row, i) => row.forEach((value, j) => {
      if (i === j && value !== 1) problems.add(parsed.at(['correlation', 'matrix', i, j]), 'the diagonal must be 1');
      if (value !== matrix[j]![i]) problems.add(parsed.at(['correlation', 'matrix', i, j]), `matrix must be symmetric (row ${i + 1} column ${j + 1} ≠ row ${j + 1} column ${i + 1})`);
    }));
  }
  return { drivers: names, matrix, origin };
}

/**
 * Read one scenario file and everything it `extends:`, giving the scenario with the
 * parent's adjustments first (later adjustments apply after earlier ones) and the
 * parent's drivers first; a child's `correlation` replaces its parent's.
 * `file` is shown in messages as given; `extends:` paths are relative to the file.
 * @throws ScenarioError with every problem found in the file (or the first file that has any);
 *   fs errors (ENOENT, …) for a missing file named on the command line (`scenario-load.ts`
 *   turns ENOENT into "FILE: not found").
 */
export async function readScenario(file: string, seen: readonly string[] = []): Promise<Scenario> {
  await refuseIfNotRegularFile(file);
  const text = await readFile(file, 'utf8');
  const parsed = parseYaml(file, text);
  const checked = scenarioFileSchema.safeParse(parsed.value);
  if (!checked.success) throw new ScenarioError(zodProblems(checked.error, parsed));
  const data = checked.data;
  const problems = new Problems();

  let parent: Scenario | undefined;
  if (data.extends !== undefined) {
    const parentFile = join(dirname(file), data.extends);
    if ([...seen, file].includes(parentFile)) {
      throw new ScenarioError([{ origin: parsed.at(['extends']), message: `extends ${data.extends}, which extends this file (a cycle)` }]);
    }
    try {
      parent = await readScenario(parentFile, [...seen, file]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ScenarioError([{ origin: parsed.at(['extends']), message: `cannot read ${parentFile}: no such file` }]);
      throw error;
    }
  }

  const adjustments: Adjustment[] = [];
  (data.adjustments ?? []).forEach((entry, index) => {
    const path = ['adjustments', index];
    const chosen = measureOf(entry, parsed.at(path), problems);
    if (!chosen) return;
    const value = valueOf(chosen.measure, String(chosen.raw), parsed.at([...path, chosen.measure]), problems);
    if (value === undefined) return;
    const adjustment = adjustmentOf(entry, path, parsed, problems, value, chosen.measure);
    if (adjustment) adjustments.push(adjustment);
  });

  const drivers: Driver[] = [];
  (data.drivers ?? []).forEach((entry, index) => {
    const path = ['drivers', index];
    if ([...(parent?.drivers ?? []), ...drivers].some((driver) => driver.name === entry.name)) {
      problems.add(parsed.at([...path, 'name']), `driver "${entry.name}" is declared twice`);
    }
    const chosen = measureOf(entry, parsed.at(path), problems);
    if (!chosen) return;
    const distribution = distributionOf(chosen.raw as DistributionEntry, chosen.measure, parsed.at([...path, chosen.measure]), problems);
    if (!distribution) return;
    const adjustment = adjustmentOf(entry, path, parsed, problems, distribution.min, chosen.measure);
    if (adjustment) drivers.push({ name: entry.name, adjustment, distribution, each: entry.each ?? false, origin: parsed.at(path) });
  });
  const allDrivers = [...(parent?.drivers ?? []), ...drivers];
  const correlation = correlationOf(data, parsed, allDrivers, problems) ?? parent?.correlation;
  if (problems.list.length > 0) throw new ScenarioError(problems.list);

  return {
    name: data.name ?? basename(file).replace(/\.ya?ml$/i, ''),
    description: data.description ?? parent?.description ?? '',
    file,
    adjustments: [...(parent?.adjustments ?? []), ...adjustments],
    drivers: allDrivers,
    ...(correlation ? { correlation } : {}),
  };
}
