/**
 * The (cost centre, account) pairs of a ledger, with each pair's row count and exact
 * total, and the fast path for the ledger's common records: the TypeScript face of the
 * WebAssembly module built from `src/ledger/assembly/rows.ts` (see its module note).
 *
 * Why WebAssembly: the 1M-row ledger read took about 300 ms in TypeScript, about a third of
 * it before V8 had optimised the loop, against the target of 3× Node's bare read of the
 * file; docs/performance.md has the measurements. The module holds no rule of its own that
 * the TypeScript reader does not also apply: it accepts only records whose every cell the
 * reader would read the same way, and leaves every other record to the reader.
 */
import { addPence, type Pence } from '../money/index.js';
import { LEDGER_ROWS_WASM } from './rows-wasm.generated.js';

/** The module's exports (`src/ledger/assembly/rows.ts`); i64 values cross as `bigint`. */
interface RowsModule {
  readonly memory: WebAssembly.Memory;
  start(expected: number): void;
  columns(width: number, date: number, costCentre: number, account: number, amount: number): void;
  input(size: number): number;
  key(size: number): number;
  findPair(costCentreLength: number, accountLength: number): number;
  addPair(costCentreLength: number, accountLength: number, line: number): number;
  pairCount(): number;
  pairFirstLine(pair: number): number;
  pairCostCentreCode(pair: number): number;
  pairAccountCode(pair: number): number;
  costCentreBytes(code: number): number;
  costCentreLength(code: number): number;
  accountBytes(code: number): number;
  accountLength(code: number): number;
  addPence(pair: number, pence: bigint): number;
  countRow(pair: number): void;
  pairTotal(pair: number): bigint;
  pairRows(pair: number): number;
  lastRecords(): number;
  lastLines(): number;
  earliestDay(): number;
  latestDay(): number;
  scan(from: number, end: number, line: number): number;
}

/** A code's text, and whether its bytes were UTF-8 (else the text has U+FFFD for the bytes that were not). */
export interface CodeText {
  readonly text: string;
  readonly utf8: boolean;
  /** When not UTF-8: the code's bytes in hexadecimal (`43 E9`), to tell such codes apart in messages. */
  readonly bytes: string;
}

/** i64's range: amounts outside it are kept in {@link LedgerPairs}'s `bigint` overflow. */
const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/**
 * The compiled module, compiled in the background from when this file is first imported
 * (the `actuals` command imports it before reading the map and dataset, so the ~4 ms
 * compile overlaps them).
 */
const compiling: Promise<WebAssembly.Module> = WebAssembly.compile(Buffer.from(LEDGER_ROWS_WASM, 'base64'));

function instantiate(compiled: WebAssembly.Module): RowsModule {
  const instance = new WebAssembly.Instance(compiled, {
    env: {
      abort(): never {
        throw new Error('the ledger fast path ran out of memory');
      },
    },
  });
  return instance.exports as unknown as RowsModule;
}

/**
 * A ledger's pairs, numbered 0, 1, 2, … in the order they are added, each keyed on its
 * two codes' bytes (cost centre, then account; where the first ends is part of the key,
 * so `C1`+`10` and `C11`+`0` differ). Totals are exact: whole pence in i64 inside the
 * module, plus a `bigint` per pair for whatever would take a total outside i64.
 *
 * Once {@link useColumns} is called, {@link skip} consumes the common records of a chunk
 * inside the module, adding the pairs it has not seen: the reader gives them their texts
 * and map lines after each call (see {@link count}, {@link costCentreCode}, {@link firstLine}).
 */
export class LedgerPairs {
  private readonly module: RowsModule;
  private memory: Uint8Array;
  private readonly overflow = new Map<number, Pence>();
  /** The chunk last copied into the module's input buffer. */
  private copied: Uint8Array | undefined;
  /** Records and lines the last {@link skip} consumed. */
  records = 0;
  lines = 0;
  /** Data rows consumed by {@link skip} in all (the reader counts the rest). */
  skippedRows = 0;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  /** A new, empty set of pairs, with its table sized for `expected` pairs (a power of two; it grows past that). */
  static async create(expected: number): Promise<LedgerPairs> {
    return new LedgerPairs(instantiate(await compiling), expected);
  }

  private constructor(module: RowsModule, expected: number) {
    this.module = module;
    this.module.start(expected);
    this.memory = new Uint8Array(this.module.memory.buffer);
  }

  /** The module's memory as bytes (a new view after the module grows its memory). */
  private bytes(): Uint8Array {
    if (this.memory.buffer !== this.module.memory.buffer) this.memory = new Uint8Array(this.module.memory.buffer);
    return this.memory;
  }

  private copyKey(bytes: Uint8Array, ccStart: number, ccEnd: number, acStart: number, acEnd: number): void {
    const at = this.module.key(ccEnd - ccStart + acEnd - acStart);
    const memory = this.bytes();
    memory.set(bytes.subarray(ccStart, ccEnd), at);
    memory.set(bytes.subarray(acStart, acEnd), at + ccEnd - ccStart);
  }

  /** The pair of cost centre `bytes[ccStart, ccEnd)` and account `bytes[acStart, acEnd)`, or -1. */
  find(bytes: Uint8Array, ccStart: number, ccEnd: number, acStart: number, acEnd: number): number {
    this.copyKey(bytes, ccStart, ccEnd, acStart, acEnd);
    return this.module.findPair(ccEnd - ccStart, acEnd - acStart);
  }

  /** Add a pair that {@link find} did not find, first seen on `line`; gives its number (the next). */
  add(bytes: Uint8Array, ccStart: number, ccEnd: number, acStart: number, acEnd: number, line: number): number {
    this.copyKey(bytes, ccStart, ccEnd, acStart, acEnd);
    return this.module.addPair(ccEnd - ccStart, acEnd - acStart, line);
  }

  /** Pairs so far (numbered from 0 in the order they were added). */
  count(): number {
    return this.module.pairCount();
  }

  /** The pair's cost centre, as a code: 0, 1, 2, … for each distinct cost centre (as bytes), in order of first sight. */
  costCentreCode(pair: number): number {
    return this.module.pairCostCentreCode(pair);
  }

  /** The pair's account, as a code: 0, 1, 2, … for each distinct account (as bytes), in order of first sight. */
  accountCode(pair: number): number {
    return this.module.pairAccountCode(pair);
  }

  /**
   * Cost-centre code `code` as written (`""` escapes undone, not trimmed), and whether its
   * bytes are UTF-8; when they are not, the text has U+FFFD for each byte UTF-8 does not allow.
   */
  costCentreText(code: number): CodeText {
    const at = this.module.costCentreBytes(code);
    return this.decode(at, at + this.module.costCentreLength(code));
  }

  /** Account code `code` as written, as {@link costCentreText}. */
  accountText(code: number): CodeText {
    const at = this.module.accountBytes(code);
    return this.decode(at, at + this.module.accountLength(code));
  }

  private decode(start: number, end: number): CodeText {
    const bytes = this.bytes().subarray(start, end);
    try {
      return { text: this.strictDecoder.decode(bytes), utf8: true, bytes: '' };
    } catch {
      const hex = Array.from(bytes, (byte) => byte.toString(16).toUpperCase().padStart(2, '0')).join(' ');
      return { text: this.decoder.decode(bytes), utf8: false, bytes: hex };
    }
  }

  /** The line on which the pair was first seen. */
  firstLine(pair: number): number {
    return this.module.pairFirstLine(pair);
  }

  /** Add `pence` to the pair's total, exactly, at any size. */
  addPence(pair: number, pence: Pence): void {
    if (pence >= I64_MIN && pence <= I64_MAX && this.module.addPence(pair, pence) === 1) return;
    this.overflow.set(pair, addPence(this.overflow.get(pair) ?? 0n, pence));
  }

  /** Count one more row for the pair. */
  countRow(pair: number): void {
    this.module.countRow(pair);
  }

  /** The pair's total in pence. */
  total(pair: number): Pence {
    return addPence(this.module.pairTotal(pair), this.overflow.get(pair) ?? 0n);
  }

  /** The pair's row count. */
  rows(pair: number): number {
    return this.module.pairRows(pair);
  }

  /**
   * Let {@link skip} consume records of `width` fields, reading the posting date, codes
   * and (signed) amount from these 0-based columns.
   */
  useColumns(width: number, date: number, costCentre: number, account: number, amount: number): void {
    this.module.columns(width, date, costCentre, account, amount);
  }

  /**
   * Consume the common records of `data` from offset `from` (a record start, on line
   * `line`) in the module; gives the offset of the first record not consumed, and sets
   * {@link records} and {@link lines}. `data` is copied into the module once per chunk.
   */
  skip(data: Uint8Array, from: number, line: number): number {
    if (this.copied !== data) {
      const at = this.module.input(data.length);
      this.bytes().set(data, at);
      this.copied = data;
    }
    const next = this.module.scan(from, data.length, line);
    this.records = this.module.lastRecords();
    this.lines = this.module.lastLines();
    this.skippedRows += this.records;
    return next;
  }

  /** Earliest posting date (YYYYMMDD) among the records {@link skip} consumed; 99999999 when none. */
  earliestDay(): number {
    return this.module.earliestDay();
  }

  /** Latest posting date (YYYYMMDD) among the records {@link skip} consumed; -1 when none. */
  latestDay(): number {
    return this.module.latestDay();
  }
}
