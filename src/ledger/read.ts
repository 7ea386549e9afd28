/**
 * Reading a general-ledger export into actuals: the streaming hot loop.
 *
 * Each record is checked (field count, posting date, amount) and its amount added, in
 * integer pence, to the running total of its (cost centre, account) pair. The common
 * record (plain `YYYY-MM-DD` date, plain signed amount, codes without `""`) is read by
 * the WebAssembly fast path in {@link LedgerPairs}; every other record, and every problem,
 * by the code here, which holds the full grammar. Pairs are found by hashing the code
 * bytes, so a row makes no strings; the map is consulted once per distinct cost centre's
 * rules and account. Memory is bounded by the chunk buffers and the number of distinct
 * pairs, not by the number of rows.
 */
import { amountProblemMessage, parsePence, parseSafePence, type Pence, subtractPence } from '../money/index.js';
import { type CodeTotal, type LedgerActuals, summariseActuals } from './actuals.js';
import { type LedgerProblem, LedgerError } from './errors.js';
import { findLedgerColumns, type LedgerColumns } from './header.js';
import { type LedgerMap, type MapTarget, resolveLine, rulesForCostCentre } from './map.js';
import { type CsvRecord, type FastRecords, fieldText, recordTexts, type ScanSummary, scanCsvFile } from './scanner.js';
import { fileProblemMessage, InputError } from '../load/errors.js';
import { DEFAULT_MAX_ERRORS } from './limits.js';
import { LedgerPairs } from './pairs.js';

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
 * Distinct (cost centre, account) pairs the pair table is first sized for (a power of
 * two); a ledger may have more: the table grows. The generated 1M-row ledger has about
 * 10,700 pairs. About 1.3 MB of the fast path's memory, touched only as pairs arrive.
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

/** A set of map rules that some cost centres can match, and the line each account resolved to under it (null: none). */
interface RuleSet {
  readonly map: LedgerMap;
  readonly lineByAccount: Map<string, MapTarget | null>;
}

/** A cost centre's text (trimmed) and the rules it can match. */
interface CostCentreRules {
  readonly text: string;
  readonly ruleSet: RuleSet;
}

/** An account's text (trimmed). */
interface AccountText {
  readonly text: string;
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
  const pairs = await LedgerPairs.create(EXPECTED_PAIRS);
  const pairCodes: { costCentre: string; account: string; target: MapTarget | undefined }[] = [];
  /** Per cost-centre code (see {@link LedgerPairs.costCentreCode}): its text and the rules it can match. */
  const costCentres: (CostCentreRules | undefined)[] = [];
  /** Per account code: its text. */
  const accounts: (AccountText | undefined)[] = [];
  /** Pairs of code texts (cost centre, account) whose problems have been reported. */
  const reportedTexts = new Set<string>();
  /** The distinct sets of rules cost centres can match, by their map rows (`3,4`). */
  const ruleSets = new Map<string, RuleSet>();

  const complain = (problem: LedgerProblem): boolean => {
    problems.push(problem);
    return problems.length < maxErrors;
  };

  /** The text and rules of the pair's cost centre, worked out once per cost-centre code. */
  const costCentreOf = (pair: number): CostCentreRules => {
    const code = pairs.costCentreCode(pair);
    let costCentre = costCentres[code];
    if (costCentre === undefined) {
      const { text: written, utf8, bytes } = pairs.costCentreText(code);
      const text = written.trim();
      if (!utf8) notUtf8(columns!.costCentre, text, bytes, pairs.firstLine(pair));
      const rules = rulesForCostCentre(map, text);
      const key = rules.map((rule) => rule.row).join(',');
      let ruleSet = ruleSets.get(key);
      if (ruleSet === undefined) {
        ruleSet = { map: { file: map.file, rules }, lineByAccount: new Map() };
        ruleSets.set(key, ruleSet);
      }
      costCentre = { text, ruleSet };
      costCentres[code] = costCentre;
    }
    return costCentre;
  };

  /** The text of the pair's account, worked out once per account code. */
  const accountOf = (pair: number): AccountText => {
    const code = pairs.accountCode(pair);
    let account = accounts[code];
    if (account === undefined) {
      const { text, utf8, bytes } = pairs.accountText(code);
      account = { text: text.trim() };
      if (!utf8) notUtf8(columns!.account, account.text, bytes, pairs.firstLine(pair));
      accounts[code] = account;
    }
    return account;
  };

  /** A code whose bytes are not UTF-8, located at the first row it is on (once per code). */
  const notUtf8 = (column: number, text: string, bytes: string, line: number): void => {
    complain({ file, row: line, column: columns!.headings[column]!, text, message: `(bytes ${bytes}) is not UTF-8 text (is the ledger saved as Windows-1252 or another code page?); save it as CSV UTF-8` });
  };

  /**
   * A pair seen for the first time (on the line it was added with): its codes as text and
   * its line through the map, worked out once per set of rules and account. A tie between rules, or an unmapped
   * pair under `strict`, is reported once per pair of code texts: ` C1` and `C1` are
   * different bytes but the same cost centre. (A code that is not UTF-8 is reported once
   * per code, when first seen.) Gives false when the problems have reached `maxErrors`.
   */
  const firstSight = (pair: number): boolean => {
    const line = pairs.firstLine(pair);
    const costCentre = costCentreOf(pair);
    const account = accountOf(pair);
    const textPair = `${costCentre.text}\u0000${account.text}`;
    const firstOfTexts = !reportedTexts.has(textPair);
    reportedTexts.add(textPair);
    let target = costCentre.ruleSet.lineByAccount.get(account.text);
    if (target === undefined) {
      try {
        target = resolveLine(costCentre.ruleSet.map, costCentre.text, account.text, file, line) ?? null;
        costCentre.ruleSet.lineByAccount.set(account.text, target);
      } catch (error) {
        if (!(error instanceof LedgerError)) throw error;
        if (firstOfTexts) for (const problem of error.problems) complain(problem);
        target = null;
      }
    }
    pairCodes.push({ costCentre: costCentre.text, account: account.text, target: target ?? undefined });
    if (target === null && strict && firstOfTexts) {
      complain({ file, row: line, message: `cost centre "${costCentre.text}" account "${account.text}" is not in the map ${map.file} (--strict)` });
    }
    return problems.length < maxErrors;
  };

  /** The scanner's fast path: the module's scan, then the map lines of the pairs it added. */
  const fast: FastRecords & { active: boolean; stop: boolean } = {
    active: false,
    stop: false,
    get records(): number {
      return pairs.records;
    },
    get lines(): number {
      return pairs.lines;
    },
    skip(data: Uint8Array, from: number, line: number): number {
      const next = pairs.skip(data, from, line);
      const count = pairs.count();
      for (let pair = pairCodes.length; pair < count; pair++) {
        if (!firstSight(pair)) {
          fast.stop = true;
          break;
        }
      }
      return next;
    },
  };

  const onRecord = (record: CsvRecord): boolean => {
    const cols = columns;
    if (cols === undefined) {
      columns = findLedgerColumns(recordTexts(record), file);
      // The fast path reads signed amounts only; a debit/credit ledger is read here throughout.
      if (columns.amount.kind === 'signed') {
        pairs.useColumns(columns.width, columns.postingDate, columns.costCentre, columns.account, columns.amount.column);
        fast.active = true;
      }
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
            ...(amount === null ? { message: 'is blank; every row needs an amount' } : { text, message: amountProblemMessage(bytes, starts[column]!, ends[column]!) }),
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
        if (debitPence === undefined) return complain({ file, row: record.line, column: cols.headings[debit]!, text: fieldText(record, debit), message: amountProblemMessage(bytes, starts[debit]!, ends[debit]!) });
        if (creditPence === undefined) return complain({ file, row: record.line, column: cols.headings[credit]!, text: fieldText(record, credit), message: amountProblemMessage(bytes, starts[credit]!, ends[credit]!) });
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
    let pair = pairs.find(keyBytes, ccStart, ccEnd, acStart, acEnd);
    if (pair < 0) {
      pair = pairs.add(keyBytes, ccStart, ccEnd, acStart, acEnd, record.line);
      if (!firstSight(pair)) return false;
    }
    pairs.addPence(pair, safeAmount === safeAmount ? BigInt(safeAmount) : amount!);
    pairs.countRow(pair);
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
      onChunk: (bytesRead) => options.onProgress?.(rows + pairs.skippedRows, bytesRead),
      fast,
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
    rows: pairs.rows(pair),
    amount: pairs.total(pair),
    firstRow: pairs.firstLine(pair),
    target: code.target,
  }));
  firstDay = Math.min(firstDay, pairs.earliestDay());
  lastDay = Math.max(lastDay, pairs.latestDay());
  return summariseActuals(codes, map, { file, emptyLines, firstPosting: dayText(lastDay < 0 ? -1 : firstDay), lastPosting: dayText(lastDay) });
}
