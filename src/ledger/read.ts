/**
 * Reading a general-ledger export into actuals: the streaming hot loop.
 *
 * Each record is checked (field count, posting date, amount) and its amount added, in
 * integer pence, to the running total of its (cost centre, account) pair. Pairs are
 * found by hashing the code bytes, so a row makes no strings; the map is consulted once
 * per distinct pair. Memory is bounded by the chunk buffer and the number of distinct
 * pairs, not by the number of rows.
 */
import { parsePence, parseSafePence, type Pence, PenceTotals, subtractPence } from '../money/index.js';
import { type CodeTotal, type LedgerActuals, summariseActuals } from './actuals.js';
import { type LedgerProblem, LedgerError } from './errors.js';
import { findLedgerColumns, type LedgerColumns } from './header.js';
import { type LedgerMap, type MapTarget, resolveLine, rulesForCostCentre } from './map.js';
import { type CsvRecord, fieldText, recordTexts, type ScanSummary, scanCsvFile } from './scanner.js';
import { fileProblemMessage, InputError } from '../load/errors.js';
import { DEFAULT_MAX_ERRORS } from './limits.js';

/** How to read a ledger. */
export interface ReadLedgerOptions {
  /** The ledger path as the user gave it, for messages (defaults to the path read). */
  readonly file?: string;
  /** Stop after collecting this many problems (default 10; at least 1). */
  readonly maxErrors?: number;
  /** Treat each unmapped (cost centre, account) pair as a problem, located at its first row. */
  readonly strict?: boolean;
  /** Called after each chunk with rows read so far and bytes read so far. */
  readonly onProgress?: (rows: number, bytes: number) => void;
  /** Bytes per read (default 1 MiB). */
  readonly chunkBytes?: number;
}

/** Default for {@link ReadLedgerOptions.maxErrors} (defined in `limits.ts`, dependency-free for the CLI's option defaults). */
export { DEFAULT_MAX_ERRORS };

const SPACE = 32;
const DASH = 45;
const SLASH = 47;
/**
 * Distinct (cost centre, account) pairs the tables are first sized for (a power of two).
 * A ledger may have more: the tables grow. Sizing up front matters because each resize
 * makes V8 throw away and redo the hot loop's optimised code (seen with --trace-deopt);
 * the generated 1M-row ledger has about 10,700 pairs. About 1 MB in all.
 */
const EXPECTED_PAIRS = 1 << 14;
const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digitsAt(bytes: Uint8Array, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * A posting date as the number YYYYMMDD, or -1 when it is not a real date.
 * Accepts `YYYY-MM-DD` and `DD/MM/YYYY` (day and month may be one digit), spaces around.
 */
export function postingDay(bytes: Uint8Array, start: number, end: number): number {
  // Fast path for the common form, exactly `YYYY-MM-DD` with nothing around it.
  if (end - start === 10 && bytes[start + 4] === DASH && bytes[start + 7] === DASH) {
    const y0 = bytes[start]! - 48;
    const y1 = bytes[start + 1]! - 48;
    const y2 = bytes[start + 2]! - 48;
    const y3 = bytes[start + 3]! - 48;
    const m0 = bytes[start + 5]! - 48;
    const m1 = bytes[start + 6]! - 48;
    const d0 = bytes[start + 8]! - 48;
    const d1 = bytes[start + 9]! - 48;
    // Each is a digit exactly when it is 0..9 as an unsigned number.
    if ((y0 >>> 0) > 9 || (y1 >>> 0) > 9 || (y2 >>> 0) > 9 || (y3 >>> 0) > 9 || (m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9) return -1;
    return checkedDay(y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1);
  }
  while (start < end && bytes[start] === SPACE) start++;
  while (end > start && bytes[end - 1] === SPACE) end--;
  let year: number;
  let month: number;
  let day: number;
  const length = end - start;
  if (length === 10 && bytes[start + 4] === DASH && bytes[start + 7] === DASH) {
    year = digitsAt(bytes, start, 4);
    month = digitsAt(bytes, start + 5, 2);
    day = digitsAt(bytes, start + 8, 2);
  } else if (length >= 8 && length <= 10) {
    const firstSlash = bytes[start + 1] === SLASH ? start + 1 : bytes[start + 2] === SLASH ? start + 2 : -1;
    if (firstSlash === -1) return -1;
    const secondSlash = bytes[firstSlash + 2] === SLASH ? firstSlash + 2 : bytes[firstSlash + 3] === SLASH ? firstSlash + 3 : -1;
    if (secondSlash === -1 || end - secondSlash !== 5) return -1;
    day = digitsAt(bytes, start, firstSlash - start);
    month = digitsAt(bytes, firstSlash + 1, secondSlash - firstSlash - 1);
    year = digitsAt(bytes, secondSlash + 1, 4);
  } else return -1;
  return checkedDay(year, month, day);
}

/** YYYYMMDD for a real calendar date from 1900 (digits already checked), else -1. */
function checkedDay(year: number, month: number, day: number): number {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return -1;
  if (day > DAYS_IN_MONTH[month]!) return -1;
  if (month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return -1;
  return year * 10000 + month * 100 + day;
}

function dayText(day: number): string | undefined {
  if (day < 0) return undefined;
  const text = String(day);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/**
 * Copy `from[start, end)` into `to` at `at`. Codes are a few bytes: a loop is much
 * cheaper than `to.set(from.subarray(…))`, which makes a Buffer object per call (in a
 * CPU profile of a 1M-row run, `subarray` had taken ~30 ms of the first-sight work).
 */
function copyBytes(from: Uint8Array, start: number, end: number, to: Uint8Array, at: number): void {
  for (let i = start; i < end; i++) to[at++] = from[i]!;
}

/**
 * Pair numbers found straight from a row's cost-centre and account bytes, in one hash
 * and one probe, so the hot loop makes no strings. The key is the two codes' bytes as
 * written (inside any quotes; `""` escapes undone), with where the first ends, so
 * `C1`+`10` and `C11`+`0` are different pairs. Two keys whose codes differ only in
 * surrounding spaces are different pairs with the same texts; the summary adds them up.
 * It replaced three lookups per row (two codes, then the pair), which took about 55 ms
 * of a 1M-row run in a CPU profile.
 */
class PairKeys {
  private table = new Int32Array(2 * EXPECTED_PAIRS); // pair + 1; 0 = empty
  private mask = 2 * EXPECTED_PAIRS - 1;
  private keys = new Uint8Array(16 * EXPECTED_PAIRS);
  private used = 0;
  /** Per key: [hash, start in keys, cost-centre length, account length, pair]. */
  private info = new Int32Array(5 * EXPECTED_PAIRS);
  private count = 0;

  /** The pair of cost centre `bytes[ccStart, ccEnd)` and account `bytes[acStart, acEnd)`, or -1. */
  find(bytes: Uint8Array, ccStart: number, ccEnd: number, acStart: number, acEnd: number, hash: number): number {
    const ccLength = ccEnd - ccStart;
    const acLength = acEnd - acStart;
    const info = this.info;
    const keys = this.keys;
    let at = hash & this.mask;
    for (;;) {
      const entry = this.table[at]!;
      if (entry === 0) return -1;
      const base = (entry - 1) * 5;
      if (info[base] === hash && info[base + 2] === ccLength && info[base + 3] === acLength) {
        let k = info[base + 1]!;
        let i = ccStart;
        while (i < ccEnd && keys[k] === bytes[i]) {
          i++;
          k++;
        }
        if (i === ccEnd) {
          i = acStart;
          while (i < acEnd && keys[k] === bytes[i]) {
            i++;
            k++;
          }
          if (i === acEnd) return info[base + 4]!;
        }
      }
      at = (at + 1) & this.mask;
    }
  }

  /** Remember that these bytes name `pair` (call after {@link find} returned -1). */
  add(bytes: Uint8Array, ccStart: number, ccEnd: number, acStart: number, acEnd: number, hash: number, pair: number): void {
    const key = this.count++;
    const ccLength = ccEnd - ccStart;
    const acLength = acEnd - acStart;
    if (this.used + ccLength + acLength > this.keys.length) {
      const bigger = new Uint8Array(Math.max(this.keys.length * 2, this.used + ccLength + acLength));
      bigger.set(this.keys);
      this.keys = bigger;
    }
    copyBytes(bytes, ccStart, ccEnd, this.keys, this.used);
    copyBytes(bytes, acStart, acEnd, this.keys, this.used + ccLength);
    if ((key + 1) * 5 > this.info.length) {
      const bigger = new Int32Array(this.info.length * 2);
      bigger.set(this.info);
      this.info = bigger;
    }
    const base = key * 5;
    this.info[base] = hash;
    this.info[base + 1] = this.used;
    this.info[base + 2] = ccLength;
    this.info[base + 3] = acLength;
    this.info[base + 4] = pair;
    this.used += ccLength + acLength;
    if (this.count * 2 > this.table.length) {
      this.table = new Int32Array(this.table.length * 2);
      this.mask = this.table.length - 1;
      for (let other = 0; other < this.count; other++) this.place(other);
    } else this.place(key);
  }

  private place(key: number): void {
    let at = this.info[key * 5]! & this.mask;
    while (this.table[at] !== 0) at = (at + 1) & this.mask;
    this.table[at] = key + 1;
  }
}

/** FNV-1a over the cost-centre bytes, a separator, then the account bytes. */
function pairHash(bytes: Uint8Array, ccStart: number, ccEnd: number, acStart: number, acEnd: number): number {
  let hash = 0x811c9dc5;
  for (let i = ccStart; i < ccEnd; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  hash = Math.imul(hash ^ 0xff, 0x01000193); // no byte of UTF-8 text is 0xFF
  for (let i = acStart; i < acEnd; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash | 0;
}

/**
 * Stream a ledger file and total it per table line through `map`.
 * Every data row is either summed into a mapped line or into the unmapped account.
 * @throws LedgerError with every located problem found (bad amount, bad date, ragged
 *   row, quoting, missing column; unmapped pairs under `strict`), up to `maxErrors`;
 *   InputError when the file cannot be read (not found, a folder, a device, no
 *   permission), named as the ledger.
 */
export async function readLedgerActuals(path: string, map: LedgerMap, options: ReadLedgerOptions = {}): Promise<LedgerActuals> {
  const file = options.file ?? path;
  const maxErrors = Math.max(1, options.maxErrors ?? DEFAULT_MAX_ERRORS);
  const strict = options.strict ?? false;
  const problems: LedgerProblem[] = [];
  let columns: LedgerColumns | undefined;
  let rows = 0;
  let emptyLines = 0;
  let firstDay = 99999999;
  let lastDay = -1;
  const pairKeys = new PairKeys();
  const totals = new PenceTotals(EXPECTED_PAIRS);
  let pairRows = new Int32Array(EXPECTED_PAIRS);
  const pairFirstRow: number[] = [];
  const pairCodes: { costCentre: string; account: string; target: MapTarget | undefined }[] = [];
  /** Per cost centre (as text): the map cut down to the rules that cost centre can match. */
  const mapByCostCentre = new Map<string, LedgerMap>();

  const complain = (problem: LedgerProblem): boolean => {
    problems.push(problem);
    return problems.length < maxErrors;
  };

  /** A pair seen for the first time: its codes as text, its line through the map, its first row. */
  const newPair = (record: CsvRecord, cols: LedgerColumns): number => {
    const pair = pairCodes.length;
    const costCentreText = fieldText(record, cols.costCentre).trim();
    const accountText = fieldText(record, cols.account).trim();
    let costCentreMap = mapByCostCentre.get(costCentreText);
    if (costCentreMap === undefined) {
      costCentreMap = { file: map.file, rules: rulesForCostCentre(map, costCentreText) };
      mapByCostCentre.set(costCentreText, costCentreMap);
    }
    let target: MapTarget | undefined;
    try {
      target = resolveLine(costCentreMap, costCentreText, accountText, file, record.line);
    } catch (error) {
      if (!(error instanceof LedgerError)) throw error;
      for (const problem of error.problems) complain(problem);
    }
    pairCodes.push({ costCentre: costCentreText, account: accountText, target });
    if (pair >= pairRows.length) {
      const bigger = new Int32Array(pairRows.length * 2);
      bigger.set(pairRows);
      pairRows = bigger;
    }
    pairFirstRow.push(record.line);
    if (target === undefined && strict) {
      complain({ file, row: record.line, message: `cost centre "${costCentreText}" account "${accountText}" is not in the map ${map.file} (--strict)` });
    }
    return pair;
  };

  const onRecord = (record: CsvRecord): boolean => {
    const cols = columns;
    if (cols === undefined) {
      columns = findLedgerColumns(recordTexts(record), file);
      return true;
    }
    const bytes = record.bytes;
    const starts = record.starts;
    const ends = record.ends;
    if (record.fieldCount !== cols.width) {
      if (record.fieldCount === 1 && starts[0] === ends[0] && !record.quoted[0]) {
        emptyLines++;
        return true;
      }
      return complain({ file, row: record.line, message: `has ${record.fieldCount} fields but the header has ${cols.width}` });
    }
    let ok = true;
    const day = postingDay(bytes, starts[cols.postingDate]!, ends[cols.postingDate]!);
    if (day < 0) {
      const text = fieldText(record, cols.postingDate);
      ok = false;
      const more = complain({
        file,
        row: record.line,
        column: cols.headings[cols.postingDate]!,
        ...(text.trim() === '' ? { message: 'is blank; every row needs a posting date' } : { text, message: 'is not a date (expected YYYY-MM-DD or DD/MM/YYYY)' }),
      });
      if (!more) return false;
    } else {
      if (day < firstDay) firstDay = day;
      if (day > lastDay) lastDay = day;
    }
    // Amount: integer pence as a number on the fast path (≤ 15 digits, exact), else the
    // exact bigint parser, which also classifies blanks and bad text.
    let safeAmount = NaN;
    let amount: Pence | undefined | null;
    if (cols.amount.kind === 'signed') {
      const column = cols.amount.column;
      safeAmount = parseSafePence(bytes, starts[column]!, ends[column]!);
      if (safeAmount !== safeAmount) {
        amount = parsePence(bytes, starts[column]!, ends[column]!);
        if (amount === undefined || amount === null) {
          const text = fieldText(record, column);
          return complain({
            file,
            row: record.line,
            column: cols.headings[column]!,
            ...(amount === null ? { message: 'is blank; every row needs an amount' } : { text, message: 'is not an amount' }),
          });
        }
      }
    } else {
      const { debit, credit } = cols.amount;
      const debitSafe = parseSafePence(bytes, starts[debit]!, ends[debit]!);
      const creditSafe = parseSafePence(bytes, starts[credit]!, ends[credit]!);
      if (debitSafe === debitSafe && creditSafe === creditSafe) safeAmount = debitSafe - creditSafe; // each < 10^15: exact
      else {
        const debitPence = parsePence(bytes, starts[debit]!, ends[debit]!);
        const creditPence = parsePence(bytes, starts[credit]!, ends[credit]!);
        if (debitPence === undefined) return complain({ file, row: record.line, column: cols.headings[debit]!, text: fieldText(record, debit), message: 'is not an amount' });
        if (creditPence === undefined) return complain({ file, row: record.line, column: cols.headings[credit]!, text: fieldText(record, credit), message: 'is not an amount' });
        if (debitPence === null && creditPence === null) {
          return complain({ file, row: record.line, message: `has neither a debit nor a credit (columns "${cols.headings[debit]}" and "${cols.headings[credit]}" are blank)` });
        }
        amount = subtractPence(debitPence ?? 0n, creditPence ?? 0n);
      }
    }
    if (!ok) return true;
    // The pair: one hash and one probe on the codes' bytes. Codes with "" escapes (rare)
    // are keyed on their unescaped bytes, in a small buffer of their own.
    let keyBytes: Uint8Array = bytes;
    let ccStart = starts[cols.costCentre]!;
    let ccEnd = ends[cols.costCentre]!;
    let acStart = starts[cols.account]!;
    let acEnd = ends[cols.account]!;
    if (record.escaped[cols.costCentre]! | record.escaped[cols.account]!) {
      const costCentreBytes = Buffer.from(fieldText(record, cols.costCentre));
      keyBytes = Buffer.concat([costCentreBytes, Buffer.from(fieldText(record, cols.account))]);
      ccStart = 0;
      ccEnd = costCentreBytes.length;
      acStart = ccEnd;
      acEnd = keyBytes.length;
    }
    const hash = pairHash(keyBytes, ccStart, ccEnd, acStart, acEnd);
    let pair = pairKeys.find(keyBytes, ccStart, ccEnd, acStart, acEnd, hash);
    if (pair < 0) {
      pair = newPair(record, cols);
      if (problems.length >= maxErrors) return false;
      pairKeys.add(keyBytes, ccStart, ccEnd, acStart, acEnd, hash, pair);
    }
    if (safeAmount === safeAmount) totals.addSafe(pair, safeAmount);
    else totals.add(pair, amount!);
    pairRows[pair]!++;
    rows++;
    return true;
  };

  let summary: ScanSummary;
  try {
    summary = await scanCsvFile(
    path,
    {
      file,
      ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
      onChunk: (bytesRead) => options.onProgress?.(rows, bytesRead),
      onMalformed: (problem) => {
        problems.push(problem);
      },
      columnName: (index) => columns?.headings[index],
    },
    onRecord,
  );
  } catch (error) {
    const message = fileProblemMessage(error);
    if (message === undefined) throw error;
    throw new InputError([{ file, message: `${message} (the ledger)` }]);
  }
  if (columns === undefined && problems.length === 0) problems.push({ file, row: 1, message: 'is empty; a ledger needs a header row' });
  if (problems.length > 0) throw new LedgerError(problems, summary.stopped && problems.length >= maxErrors, maxErrors);
  const codes: CodeTotal[] = pairCodes.map((code, pair) => ({
    costCentre: code.costCentre,
    account: code.account,
    rows: pairRows[pair]!,
    amount: totals.get(pair),
    firstRow: pairFirstRow[pair]!,
    target: code.target,
  }));
  return summariseActuals(codes, map, { file, emptyLines, firstPosting: dayText(lastDay < 0 ? -1 : firstDay), lastPosting: dayText(lastDay) });
}
