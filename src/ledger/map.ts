/**
 * MAP.csv: which table line each (cost centre, account) pair of the ledger belongs to.
 *
 * Columns, found by heading (case-insensitive): `cost_centre` (or `cost centre`, `cc`),
 * `account` (or `subjective`, `nominal`), `table` (a table id such as `brp-investment`)
 * and `line` (the line id in that table, e.g. `BRR04`). Other columns (a comment, a name)
 * are ignored.
 *
 * Each code cell is a pattern:
 * - exact: `5100` matches only `5100`;
 * - range: `5000-5999` matches codes of the same length that sort between the two ends,
 *   inclusive, character by character (for digits that is numeric order; `R100-R199`
 *   works too). Both ends must have the same length and low ≤ high;
 * - prefix: `51*` matches every code starting `51`;
 * - wildcard: `*` matches every code, including a blank one.
 *
 * Precedence when several rules match a pair (documented for finance officers in the
 * command's help):
 * 1. the cost centre pattern decides first, then the account pattern;
 * 2. for each, exact beats range beats prefix beats wildcard;
 * 3. between two of the same kind, the more specific wins: a longer prefix, or a range
 *    lying inside the other;
 * 4. if the best rules still tie and send the pair to different lines, the map is
 *    ambiguous for that pair: a located error naming the map rows, never a guess.
 */
import { readFileSync } from 'node:fs';
import { fileProblemMessage, InputError } from '../load/errors.js';
import { refuseIfNotRegularFile } from '../load/limits.js';
import { TABLE_LAYOUTS, type Programme, type TableId } from '../model/index.js';
import { type LedgerProblem, LedgerError } from './errors.js';
import { recordTexts, scanCsvBytes, startsUtf16 } from './scanner.js';

/** One code pattern of a map rule. */
export type CodePattern =
  | { readonly kind: 'exact'; readonly code: string }
  | { readonly kind: 'range'; readonly low: string; readonly high: string }
  | { readonly kind: 'prefix'; readonly prefix: string }
  | { readonly kind: 'any' };

/** Where a mapped pair goes: a line of one of the programme's tables. */
export interface MapTarget {
  readonly table: TableId;
  readonly line: string;
}

/** One row of MAP.csv. */
export interface MapRule extends MapTarget {
  readonly costCentre: CodePattern;
  readonly account: CodePattern;
  /** 1-based line in MAP.csv. */
  readonly row: number;
  /** The cells as written, for messages (`51*`). */
  readonly costCentreText: string;
  readonly accountText: string;
}

/** A parsed map: its rules in file order. */
export interface LedgerMap {
  /** The path as the user gave it. */
  readonly file: string;
  readonly rules: readonly MapRule[];
}

const KIND_RANK = { exact: 3, range: 2, prefix: 1, any: 0 } as const;
const RANGE = /^([^\s*-][^\s*]*?)-([^\s*-][^\s*]*)$/;
/** Tables a map may point into: the five line tables (the cross-table rows have no lines). */
const LINE_TABLES: ReadonlySet<string> = new Set(TABLE_LAYOUTS.filter((t) => t.covers.length === 0).map((t) => t.id));

/**
 * Read a code pattern from a map cell.
 * @returns the pattern, or a message saying why the text is not one.
 */
export function parseCodePattern(text: string): CodePattern | string {
  const cell = text.trim();
  if (cell === '') return 'is blank (use * to match every code)';
  if (cell === '*') return { kind: 'any' };
  if (cell.endsWith('*')) {
    const prefix = cell.slice(0, -1);
    if (prefix.includes('*')) return 'is not a code pattern (* may only end a prefix, as in 51*)';
    return { kind: 'prefix', prefix };
  }
  if (cell.includes('*')) return 'is not a code pattern (* may only end a prefix, as in 51*)';
  const range = RANGE.exec(cell);
  if (range) {
    const low = range[1]!;
    const high = range[2]!;
    if (low.length !== high.length) return `is not a code range: both ends need the same number of characters`;
    if (low > high) return `is not a code range: ${low} comes after ${high}`;
    return { kind: 'range', low, high };
  }
  return { kind: 'exact', code: cell };
}

/** Whether a code matches a pattern (codes compared exactly, after trimming spaces). */
export function matchesCode(pattern: CodePattern, code: string): boolean {
  switch (pattern.kind) {
    case 'exact':
      return code === pattern.code;
    case 'range':
      return code.length === pattern.low.length && code >= pattern.low && code <= pattern.high;
    case 'prefix':
      return code.startsWith(pattern.prefix);
    case 'any':
      return true;
  }
}

/** >0 when pattern a is more specific than b, <0 when less, 0 when equal or not comparable. */
function comparePatterns(a: CodePattern, b: CodePattern): number {
  const byKind = KIND_RANK[a.kind] - KIND_RANK[b.kind];
  if (byKind !== 0) return byKind;
  if (a.kind === 'prefix' && b.kind === 'prefix') return a.prefix.length - b.prefix.length;
  if (a.kind === 'range' && b.kind === 'range') {
    const aInB = a.low >= b.low && a.high <= b.high;
    const bInA = b.low >= a.low && b.high <= a.high;
    if (aInB && !bInA) return 1;
    if (bInA && !aInB) return -1;
    // Overlapping ranges: the narrower (fewer codes between its ends) is more specific.
    const widthA = rangeWidth(a);
    const widthB = rangeWidth(b);
    if (widthA < widthB) return 1;
    if (widthB < widthA) return -1;
  }
  return 0;
}

/**
 * How many codes a range spans. After the ends' common leading characters, digit tails
 * count as decimal numbers (`C2000-C2050` spans 50, `7000-7999` spans 999); other tails
 * count one UTF-16 unit per base-65,536 digit. Ties between disagreeing rules stay errors.
 */
function rangeWidth(range: { readonly low: string; readonly high: string }): bigint {
  let common = 0;
  while (common < range.low.length && range.low[common] === range.high[common]) common += 1;
  const low = range.low.slice(common);
  const high = range.high.slice(common);
  if (/^\d*$/.test(low) && /^\d*$/.test(high)) return BigInt(high || '0') - BigInt(low || '0');
  const value = (code: string): bigint => {
    let total = 0n;
    for (let index = 0; index < code.length; index += 1) total = total * 65_536n + BigInt(code.charCodeAt(index));
    return total;
  };
  return value(high) - value(low);
}

/** >0 when rule a takes precedence over rule b (see the module's precedence rules). */
function compareRules(a: MapRule, b: MapRule): number {
  return comparePatterns(a.costCentre, b.costCentre) || comparePatterns(a.account, b.account);
}

/**
 * The table line a (cost centre, account) pair maps to (the deciding map rule, which is a
 * {@link MapTarget}), or `undefined` when no rule matches.
 * @throws LedgerError (located at the ledger row `row` of `ledgerFile`) when the best
 *   matching rules tie and point to different lines.
 */
export function resolveLine(map: LedgerMap, costCentre: string, account: string, ledgerFile: string, row: number): MapTarget | undefined {
  // Plain loops, no closures: this runs once per distinct pair of a ledger (10,000+),
  // mostly before V8 has optimised it. The common case, one matching rule, is the line.
  const rules = map.rules;
  let only: MapRule | undefined;
  let matching: MapRule[] | undefined;
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]!;
    if (!matchesCode(rule.costCentre, costCentre) || !matchesCode(rule.account, account)) continue;
    if (only === undefined) only = rule;
    else if (matching === undefined) matching = [only, rule];
    else matching.push(rule);
  }
  if (only === undefined) return undefined;
  if (matching === undefined) return only;
  // Several: the best are those no other matching rule beats; the first of them (in map
  // order) is the line, unless another best rule sends the pair elsewhere.
  const best: MapRule[] = [];
  for (const rule of matching) {
    let beaten = false;
    for (const other of matching) {
      if (other !== rule && compareRules(other, rule) > 0) {
        beaten = true;
        break;
      }
    }
    if (!beaten) best.push(rule);
  }
  const first = best[0]!;
  const rivals = best.filter((rule) => rule.table !== first.table || rule.line !== first.line);
  if (rivals.length > 0) {
    const rows = [first, ...rivals].map((rule) => `${map.file}:${rule.row} (${rule.costCentreText}, ${rule.accountText} → ${rule.table} ${rule.line})`);
    throw new LedgerError([
      {
        file: ledgerFile,
        row,
        message: `cost centre "${costCentre}" account "${account}" matches map rules that tie and disagree: ${rows.join('; ')}`,
      },
    ]);
  }
  return first;
}

/** The rules whose cost centre pattern matches `costCentre`, in map order (to resolve its accounts quickly). */
export function rulesForCostCentre(map: LedgerMap, costCentre: string): MapRule[] {
  return map.rules.filter((rule) => matchesCode(rule.costCentre, costCentre));
}

function normalise(heading: string): string {
  return heading.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

const MAP_HEADINGS = {
  costCentre: ['cost centre', 'cost center', 'cc'],
  account: ['account', 'subjective', 'nominal'],
  table: ['table'],
  line: ['line'],
} as const;

/**
 * Parse MAP.csv text (already read) into rules, collecting every problem.
 * @throws LedgerError listing each bad row (unknown table, bad pattern, blank line id,
 *   ragged row, conflicting duplicate rule) or missing heading, located in `file`.
 */
export function parseLedgerMap(bytes: Uint8Array, file: string): LedgerMap {
  if (startsUtf16(bytes)) throw new LedgerError([{ file, row: 1, message: 'is UTF-16 text (it starts with a UTF-16 byte-order mark); save the map as CSV UTF-8' }]);
  const problems: LedgerProblem[] = [];
  const rules: MapRule[] = [];
  let columns: Record<keyof typeof MAP_HEADINGS, number> | undefined;
  let headings: string[] = [];
  const seen = new Map<string, MapRule>();
  scanCsvBytes(bytes, { file }, (record) => {
    const cells = recordTexts(record);
    if (columns === undefined) {
      headings = cells;
      const normalised = cells.map(normalise);
      const found: Partial<Record<keyof typeof MAP_HEADINGS, number>> = {};
      for (const [key, labels] of Object.entries(MAP_HEADINGS) as [keyof typeof MAP_HEADINGS, readonly string[]][]) {
        const index = normalised.findIndex((heading) => labels.includes(heading));
        if (index === -1) problems.push({ file, row: record.line, message: `has no ${labels[0]} column (looked for ${labels.map((l) => `"${l}"`).join(', ')})` });
        else found[key] = index;
      }
      if (problems.length > 0) return false;
      columns = found as Record<keyof typeof MAP_HEADINGS, number>;
      return true;
    }
    if (cells.length === 1 && cells[0] === '') return true; // an empty line
    if (cells.length !== headings.length) {
      problems.push({ file, row: record.line, message: `has ${cells.length} fields but the header has ${headings.length}` });
      return true;
    }
    const cell = (key: keyof typeof MAP_HEADINGS): string => cells[columns![key]]!.trim();
    const costCentre = parseCodePattern(cell('costCentre'));
    const account = parseCodePattern(cell('account'));
    const table = cell('table');
    const line = cell('line');
    const before = problems.length;
    if (typeof costCentre === 'string') problems.push({ file, row: record.line, column: headings[columns.costCentre]!, text: cell('costCentre'), message: costCentre });
    if (typeof account === 'string') problems.push({ file, row: record.line, column: headings[columns.account]!, text: cell('account'), message: account });
    if (!LINE_TABLES.has(table)) {
      problems.push({ file, row: record.line, column: headings[columns.table]!, text: table, message: `is not a table with lines (one of ${[...LINE_TABLES].join(', ')})` });
    }
    if (line === '') problems.push({ file, row: record.line, column: headings[columns.line]!, message: 'is blank; every rule needs a line id' });
    if (problems.length > before || typeof costCentre === 'string' || typeof account === 'string') return true;
    const rule: MapRule = { costCentre, account, table: table as TableId, line, row: record.line, costCentreText: cell('costCentre'), accountText: cell('account') };
    const key = `${rule.costCentreText}\u0000${rule.accountText}`;
    const earlier = seen.get(key);
    if (earlier && (earlier.table !== rule.table || earlier.line !== rule.line)) {
      problems.push({ file, row: record.line, message: `repeats the codes of line ${earlier.row} (${rule.costCentreText}, ${rule.accountText}) but maps them to ${rule.table} ${rule.line} instead of ${earlier.table} ${earlier.line}` });
      return true;
    }
    seen.set(key, rule);
    rules.push(rule);
    return true;
  });
  if (columns === undefined && problems.length === 0) problems.push({ file, row: 1, message: 'is empty; a map needs a header row and rules' });
  if (problems.length > 0) throw new LedgerError(problems);
  return { file, rules };
}

/**
 * Read and parse MAP.csv from disk. `file` is the path as the user gave it.
 * @throws LedgerError for bad contents (see {@link parseLedgerMap}); InputError for a file
 *   that cannot be read (not found, a folder, a device, no permission), named as the map.
 */
export async function readLedgerMap(path: string): Promise<LedgerMap> {
  let bytes: Buffer;
  try {
    await refuseIfNotRegularFile(path);
    bytes = readFileSync(path); // small: synchronous, no thread-pool round trip
  } catch (error) {
    const message = fileProblemMessage(error);
    if (message === undefined) throw error;
    throw new InputError([{ file: path, message: `${message} (the map)` }]);
  }
  return parseLedgerMap(bytes, path);
}

/**
 * The map rules that send codes to a line the programme does not have, as located
 * problems (`map.csv:4: column "line": "Adultz" is not a line of table ncc-savings in the
 * dataset data/march-2021`). Line ids are compared exactly, as `variance --actuals`
 * replaces outturns; a difference of case only is refused with the dataset's spelling as a hint.
 */
export function mapLinesMissingFrom(map: LedgerMap, programme: Programme): LedgerProblem[] {
  // Exact ids, as `variance --actuals` replaces outturns by exact id: a map line that
  // differs from a dataset line only in case is refused with the dataset's spelling as a
  // hint, never taken as that line (nor kept as a line of its own).
  const known = new Set(programme.tables.flatMap((table) => table.lines.map((line) => `${table.id}\u0000${line.id}`)));
  const byUpperCase = new Map(programme.tables.flatMap((table) => table.lines.map((line) => [`${table.id}\u0000${line.id.toUpperCase()}`, line.id] as const)));
  return map.rules
    .filter((rule) => !known.has(`${rule.table}\u0000${rule.line}`))
    .map((rule) => {
      const spelling = byUpperCase.get(`${rule.table}\u0000${rule.line.toUpperCase()}`);
      const hint = spelling === undefined ? '' : ` (line ids must match exactly: did you mean "${spelling}"?)`;
      return { file: map.file, row: rule.row, column: 'line', text: rule.line, message: `is not a line of table ${rule.table} in the dataset ${programme.path}${hint}` };
    });
}
