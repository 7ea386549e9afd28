/**
 * The ledger reader's fast path, in AssemblyScript (compiled to WebAssembly, with SIMD,
 * by `scripts/build-wasm.mjs`; not part of the TypeScript program).
 *
 * For `src/ledger/read.ts` (through `src/ledger/pairs.ts`), on bytes in this module's memory:
 * - it keeps the (cost centre, account) pairs of a ledger: a hash table keyed on the two
 *   codes' bytes, each pair with its row count, its total in whole pence (i64), the line
 *   it was first seen on, and a number for each of its codes (one per distinct code, so
 *   the reader decodes a code's text and resolves its map rules once, not once per pair);
 * - `scan` consumes the *common* record, and only that: the header's number of fields;
 *   the posting date exactly `YYYY-MM-DD`, a real date from 1900; the amount exactly
 *   `-?digits(.d|.dd)?` with at most 13 whole digits; both codes unquoted or quoted
 *   without `""`; a total that stays inside i64. A pair it has not seen is added (the
 *   reader resolves it through the map after the call). It stops at the first record that
 *   is anything else (the header, a bad or blank cell, a ragged or empty row, `£`,
 *   `1,234.00`, `(12.00)`, a quoting problem, the end of the bytes it was given) and
 *   leaves it to the TypeScript reader, which has the full grammar and reports problems.
 *   So every rule lives in TypeScript; this is a faster way to the same totals on the
 *   records both read, which test/ledger/wasm-fast-path.test.ts checks;
 * - it lets the TypeScript reader find and add pairs and add amounts for the records it
 *   reads itself.
 *
 * Money: amounts are whole pence in i64, never floating point. An addition that would
 * overflow is refused (`addPence` gives 0, `scan` stops at that record) and the reader
 * keeps the excess as a `bigint`. Memory comes from the stub runtime's bump allocator and
 * is never freed, so every allocation is fresh, zeroed memory. The measured reason for
 * this module is in docs/performance.md ("Ledger actuals").
 */

const QUOTE: u32 = 34;
const COMMA: u32 = 44;
const LF: u32 = 10;
const CR: u32 = 13;
const DASH: u32 = 45;
const DOT: u32 = 46;
const ZERO: u32 = 48;

/** Bytes per pair record: total i64 @0, rows i32 @8, cost-centre length @12, account length @16, hash @20, key offset in the arena @24 (-1: inline), first line @28, cost-centre code @32, account code @36, key bytes @40. */
const RECORD: usize = 64;
/** Keys (both codes) up to this many bytes live in their record; longer ones in the arena. */
const INLINE_KEY: i32 = 24;
/** Bytes readable past the end of any key or input (the word reads in `word` load 8 bytes and mask). */
const PADDING: usize = 16;
/** `amount`'s answer for text outside the fast path's grammar (no valid amount is this). */
const NOT_FAST: i64 = i64.MIN_VALUE;

// Columns (0-based) of the ledger, set once its header is read.
let width: i32 = 0;
let dateColumn: i32 = -1;
let costCentreColumn: i32 = -1;
let accountColumn: i32 = -1;
let amountColumn: i32 = -1;

// What the last `scan` consumed, and the posting-date range of every record it accepted.
let scannedRecords: i32 = 0;
let scannedLines: i32 = 0;
let earliest: i32 = 99999999;
let latest: i32 = -1;

// The pairs.
let slots: usize = 0; // u32 hash, u32 pair + 1 (0: empty), per slot
let slotMask: u32 = 0;
let records: usize = 0;
let capacity: i32 = 0;
let count: i32 = 0;
let arena: usize = 0;
let arenaUsed: i32 = 0;
let arenaSize: i32 = 0;

// Buffers the TypeScript reader writes into.
let inputBuffer: usize = 0;
let inputSize: i32 = 0;
let keyBuffer: usize = 0;
let keySize: i32 = 0;

/** Size the pair table for `expected` pairs (a power of two; it grows past that). Call once, first. */
export function start(expected: i32): void {
  capacity = expected;
  // Memory from the bump allocator is fresh, so zero: nothing to clear (and touching it
  // all up front would cost a page fault per 4 KiB before the first row).
  records = heap.alloc(<usize>capacity * RECORD + PADDING);
  slotMask = <u32>(expected * 2 - 1);
  slots = heap.alloc(<usize>(expected * 2) * 8);
}

/** The ledger's width and the 0-based columns `scan` reads (set once the header is read). */
export function columns(fields: i32, date: i32, costCentre: i32, account: i32, amount: i32): void {
  width = fields;
  dateColumn = date;
  costCentreColumn = costCentre;
  accountColumn = account;
  amountColumn = amount;
}

/** A buffer of at least `size` bytes for the bytes to scan (its address; valid until the next call). */
export function input(size: i32): usize {
  if (size > inputSize) {
    inputSize = max(size, inputSize * 2);
    inputBuffer = heap.alloc(<usize>inputSize + PADDING);
  }
  return inputBuffer;
}

/** A buffer of at least `size` bytes for one key, cost centre then account (its address). */
export function key(size: i32): usize {
  if (size > keySize) {
    keySize = max(size, 64);
    keyBuffer = heap.alloc(<usize>keySize + PADDING);
  }
  return keyBuffer;
}

/** The bytes `[at, at + min(8, remaining))` as a little-endian word, zero above them. */
// @ts-ignore: decorator
@inline function word(at: usize, remaining: i32): u64 {
  const w = load<u64>(at);
  return remaining >= 8 ? w : w & ((<u64>1 << (<u64>remaining << 3)) - 1);
}

/** `hash` with the bytes `[at, at + length)` mixed in, eight at a time, by multiplier `k`. */
// @ts-ignore: decorator
@inline function mixBytes(hash: u64, at: usize, length: i32, k: u64): u64 {
  for (let i = 0; i < length; i += 8) hash = (hash ^ word(at + <usize>i, length - i)) * k;
  return hash;
}

/** A mixed hash, finished (every input bit reaches the low 32) and cut to 32 bits. */
// @ts-ignore: decorator
@inline function finish(hash: u64): u32 {
  hash ^= hash >> 33;
  hash *= 0xff51afd7ed558ccd;
  hash ^= hash >> 33;
  return <u32>hash;
}

/** Whether the bytes `[a, a + length)` and `[b, b + length)` are the same, eight at a time. */
// @ts-ignore: decorator
@inline function sameBytes(a: usize, b: usize, length: i32): bool {
  for (let i = 0; i < length; i += 8) if (word(a + <usize>i, length - i) != word(b + <usize>i, length - i)) return false;
  return true;
}

/** A hash of the two codes' bytes and lengths (so where the cost centre ends is part of it). */
function hashOf(cc: usize, ccLength: i32, ac: usize, acLength: i32): u32 {
  const hash = <u64>(<u32>ccLength | (<u32>acLength << 16)) * 0x9e3779b97f4a7c15;
  return finish(mixBytes(mixBytes(hash, cc, ccLength, 0xff51afd7ed558ccd), ac, acLength, 0xc4ceb9fe1a85ec53));
}

function keyAt(record: usize): usize {
  const offset = load<i32>(record, 24);
  return offset < 0 ? record + 40 : arena + <usize>offset;
}

function sameKey(record: usize, cc: usize, ccLength: i32, ac: usize, acLength: i32): bool {
  if (load<i32>(record, 12) != ccLength || load<i32>(record, 16) != acLength) return false;
  const stored = keyAt(record);
  return sameBytes(stored, cc, ccLength) && sameBytes(stored + <usize>ccLength, ac, acLength);
}

/**
 * The distinct codes of one column (cost centres, or accounts), numbered 0, 1, 2, … as
 * first seen, so the reader decodes each code's text and resolves its map rules once
 * rather than once per pair.
 */
class CodeTable {
  private slots: usize; // u32 per slot: code + 1 (0: empty)
  private mask: u32;
  /** Per code: hash u32 @0, offset in the arena i32 @4, length i32 @8. */
  private entries: usize;
  private capacity: i32;
  count: i32 = 0;
  private arena: usize;
  private arenaUsed: i32 = 0;
  private arenaSize: i32;

  constructor(expected: i32) {
    this.capacity = expected;
    this.entries = heap.alloc(<usize>expected * 12);
    this.mask = <u32>(expected * 2 - 1);
    this.slots = heap.alloc(<usize>(expected * 2) * 4);
    this.arenaSize = expected * 8;
    this.arena = heap.alloc(<usize>this.arenaSize + PADDING);
  }

  /** The code of these bytes, added when new. */
  intern(at: usize, length: i32): i32 {
    const h = finish(mixBytes(<u64>(<u32>length) * 0x9e3779b97f4a7c15, at, length, 0xff51afd7ed558ccd));
    let slot = h & this.mask;
    while (true) {
      const entry = load<u32>(this.slots + (<usize>slot << 2));
      if (entry == 0) break;
      const code = <i32>entry - 1;
      const info = this.entries + <usize>code * 12;
      if (load<u32>(info) == h && load<i32>(info, 8) == length && sameBytes(this.arena + <usize>load<i32>(info, 4), at, length)) return code;
      slot = (slot + 1) & this.mask;
    }
    const code = this.count;
    if (code == this.capacity) {
      const bigger = heap.alloc(<usize>this.capacity * 2 * 12);
      memory.copy(bigger, this.entries, <usize>this.capacity * 12);
      this.entries = bigger;
      this.capacity *= 2;
    }
    if (this.arenaUsed + length > this.arenaSize) {
      const size = max(this.arenaSize * 2, this.arenaUsed + length);
      const bigger = heap.alloc(<usize>size + PADDING);
      memory.copy(bigger, this.arena, <usize>this.arenaUsed);
      this.arena = bigger;
      this.arenaSize = size;
    }
    memory.copy(this.arena + <usize>this.arenaUsed, at, <usize>length);
    const info = this.entries + <usize>code * 12;
    store<u32>(info, h);
    store<i32>(info, this.arenaUsed, 4);
    store<i32>(info, length, 8);
    this.arenaUsed += length;
    this.count = code + 1;
    if (<u32>this.count * 2 > this.mask + 1) {
      const size = (this.mask + 1) * 2;
      this.slots = heap.alloc(<usize>size * 4);
      this.mask = size - 1;
      for (let other = 0; other < this.count; other++) {
        let at2 = load<u32>(this.entries + <usize>other * 12) & this.mask;
        while (load<u32>(this.slots + (<usize>at2 << 2)) != 0) at2 = (at2 + 1) & this.mask;
        store<u32>(this.slots + (<usize>at2 << 2), <u32>other + 1);
      }
    } else store<u32>(this.slots + (<usize>slot << 2), <u32>code + 1);
    return code;
  }

  /** Where code `code`'s bytes are. */
  bytesOf(code: i32): usize {
    return this.arena + <usize>load<i32>(this.entries + <usize>code * 12, 4);
  }

  /** How many bytes code `code` has. */
  lengthOf(code: i32): i32 {
    return load<i32>(this.entries + <usize>code * 12, 8);
  }
}

let costCentreCodes: CodeTable = new CodeTable(1024);
let accountCodes: CodeTable = new CodeTable(1024);

/** The cost-centre code (0, 1, 2, … as first seen) of the pair. */
export function pairCostCentreCode(pair: i32): i32 {
  return load<i32>(records + <usize>pair * RECORD, 32);
}

/** The account code (0, 1, 2, … as first seen) of the pair. */
export function pairAccountCode(pair: i32): i32 {
  return load<i32>(records + <usize>pair * RECORD, 36);
}

/** Where cost-centre code `code`'s bytes are. */
export function costCentreBytes(code: i32): usize {
  return costCentreCodes.bytesOf(code);
}

/** How many bytes cost-centre code `code` has. */
export function costCentreLength(code: i32): i32 {
  return costCentreCodes.lengthOf(code);
}

/** Where account code `code`'s bytes are. */
export function accountBytes(code: i32): usize {
  return accountCodes.bytesOf(code);
}

/** How many bytes account code `code` has. */
export function accountLength(code: i32): i32 {
  return accountCodes.lengthOf(code);
}

/** The pair with these code bytes, or -1. */
function find(cc: usize, ccLength: i32, ac: usize, acLength: i32, hash: u32): i32 {
  let at = hash & slotMask;
  while (true) {
    const slot = slots + (<usize>at << 3);
    const entry = load<u32>(slot, 4);
    if (entry == 0) return -1;
    if (load<u32>(slot) == hash) {
      const pair = <i32>entry - 1;
      if (sameKey(records + <usize>pair * RECORD, cc, ccLength, ac, acLength)) return pair;
    }
    at = (at + 1) & slotMask;
  }
}

function place(hash: u32, pair: i32): void {
  let at = hash & slotMask;
  while (load<u32>(slots + (<usize>at << 3), 4) != 0) at = (at + 1) & slotMask;
  store<u32>(slots + (<usize>at << 3), hash);
  store<u32>(slots + (<usize>at << 3), <u32>pair + 1, 4);
}

/** The pair whose key (cost centre then account) is in the key buffer, or -1. */
export function findPair(ccLength: i32, acLength: i32): i32 {
  const ac = keyBuffer + <usize>ccLength;
  return find(keyBuffer, ccLength, ac, acLength, hashOf(keyBuffer, ccLength, ac, acLength));
}

/** Add the pair with these code bytes (absent: the caller looked) as the next pair, first seen on `line`; gives its number. */
function insert(cc: usize, ccLength: i32, ac: usize, acLength: i32, hash: u32, line: i32): i32 {
  const pair = count;
  if (pair == capacity) {
    const bigger = heap.alloc(<usize>capacity * 2 * RECORD + PADDING);
    memory.copy(bigger, records, <usize>capacity * RECORD);
    records = bigger;
    capacity *= 2;
  }
  const record = records + <usize>pair * RECORD;
  const length = ccLength + acLength;
  store<i32>(record, ccLength, 12);
  store<i32>(record, acLength, 16);
  store<u32>(record, hash, 20);
  store<i32>(record, line, 28);
  store<i32>(record, costCentreCodes.intern(cc, ccLength), 32);
  store<i32>(record, accountCodes.intern(ac, acLength), 36);
  let stored = record + 40;
  if (length <= INLINE_KEY) store<i32>(record, -1, 24);
  else {
    if (arenaUsed + length > arenaSize) {
      const size = max(arenaSize * 2, max(arenaUsed + length, 4096));
      const bigger = heap.alloc(<usize>size + PADDING);
      if (arenaUsed > 0) memory.copy(bigger, arena, <usize>arenaUsed);
      arena = bigger;
      arenaSize = size;
    }
    store<i32>(record, arenaUsed, 24);
    stored = arena + <usize>arenaUsed;
    arenaUsed += length;
  }
  memory.copy(stored, cc, <usize>ccLength);
  memory.copy(stored + <usize>ccLength, ac, <usize>acLength);
  count = pair + 1;
  if (<u32>count * 2 > slotMask + 1) {
    // Double the slots (keeping the table at most half full) and place every pair again.
    const size = (slotMask + 1) * 2;
    slots = heap.alloc(<usize>size * 8);
    slotMask = size - 1;
    for (let other = 0; other < count; other++) place(load<u32>(records + <usize>other * RECORD, 20), other);
  } else place(hash, pair);
  return pair;
}

/** Add the key in the key buffer (cost centre, then account; absent: the caller looked) as the next pair, first seen on `line`; gives its number. */
export function addPair(ccLength: i32, acLength: i32, line: i32): i32 {
  const ac = keyBuffer + <usize>ccLength;
  return insert(keyBuffer, ccLength, ac, acLength, hashOf(keyBuffer, ccLength, ac, acLength), line);
}

/** Pairs added so far (numbered from 0 in order of adding). */
export function pairCount(): i32 {
  return count;
}

/** The line on which the pair was first seen. */
export function pairFirstLine(pair: i32): i32 {
  return load<i32>(records + <usize>pair * RECORD, 28);
}

/** Add `pence` to the pair's total: 1, or 0 (and nothing added) when the total would leave i64. */
export function addPence(pair: i32, pence: i64): i32 {
  const record = records + <usize>pair * RECORD;
  const total = load<i64>(record);
  const sum = total + pence;
  if (((total ^ sum) & (pence ^ sum)) < 0) return 0;
  store<i64>(record, sum);
  return 1;
}

/** Count one more row for the pair. */
export function countRow(pair: i32): void {
  const record = records + <usize>pair * RECORD;
  store<i32>(record, load<i32>(record, 8) + 1, 8);
}

/** The pair's total in pence, of what was added here. */
export function pairTotal(pair: i32): i64 {
  return load<i64>(records + <usize>pair * RECORD);
}

/** The pair's row count. */
export function pairRows(pair: i32): i32 {
  return load<i32>(records + <usize>pair * RECORD, 8);
}

/** Records the last `scan` consumed. */
export function lastRecords(): i32 {
  return scannedRecords;
}

/** Lines the last `scan` consumed (a quoted field may hold line feeds). */
export function lastLines(): i32 {
  return scannedLines;
}

/** The earliest posting date (YYYYMMDD) of every record `scan` accepted, 99999999 when none. */
export function earliestDay(): i32 {
  return earliest;
}

/** The latest posting date (YYYYMMDD) of every record `scan` accepted, -1 when none. */
export function latestDay(): i32 {
  return latest;
}

/** A posting date `YYYY-MM-DD` (exactly) as YYYYMMDD, or -1; the same rule as `postingDay`'s fast path in read.ts. */
function isoDay(at: usize, length: i32): i32 {
  if (length != 10 || <u32>load<u8>(at, 4) != DASH || <u32>load<u8>(at, 7) != DASH) return -1;
  const y0 = <u32>load<u8>(at) - ZERO;
  const y1 = <u32>load<u8>(at, 1) - ZERO;
  const y2 = <u32>load<u8>(at, 2) - ZERO;
  const y3 = <u32>load<u8>(at, 3) - ZERO;
  const m0 = <u32>load<u8>(at, 5) - ZERO;
  const m1 = <u32>load<u8>(at, 6) - ZERO;
  const d0 = <u32>load<u8>(at, 8) - ZERO;
  const d1 = <u32>load<u8>(at, 9) - ZERO;
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return -1;
  const year = <i32>(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
  const month = <i32>(m0 * 10 + m1);
  const day = <i32>(d0 * 10 + d1);
  if (year < 1900 || month < 1 || month > 12 || day < 1) return -1;
  let days = 31;
  if (month == 4 || month == 6 || month == 9 || month == 11) days = 30;
  else if (month == 2) days = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
  if (day > days) return -1;
  return year * 10000 + month * 100 + day;
}

/** `-?digits(.d|.dd)?` with 1 to 13 whole digits, as pence; else NOT_FAST (the full grammar is read.ts's). */
function amount(at: usize, length: i32): i64 {
  let i = 0;
  let negative = false;
  if (length > 0 && <u32>load<u8>(at) == DASH) {
    negative = true;
    i = 1;
  }
  let whole: i64 = 0;
  const wholeStart = i;
  while (i < length) {
    const digit = <u32>load<u8>(at + <usize>i) - ZERO;
    if (digit > 9) break;
    whole = whole * 10 + <i64>digit;
    i++;
  }
  const digits = i - wholeStart;
  if (digits == 0 || digits > 13) return NOT_FAST;
  let pence: i64 = 0;
  if (i < length) {
    if (<u32>load<u8>(at + <usize>i) != DOT) return NOT_FAST;
    i++;
    const places = length - i;
    if (places < 1 || places > 2) return NOT_FAST;
    for (; i < length; i++) {
      const digit = <u32>load<u8>(at + <usize>i) - ZERO;
      if (digit > 9) return NOT_FAST;
      pence = pence * 10 + <i64>digit;
    }
    if (places == 1) pence *= 10;
  }
  const total = whole * 100 + pence;
  return negative ? -total : total;
}

/** The first of `,`, LF or `"` in `[p, end)`, or `end`: sixteen bytes at a time (SIMD), then byte by byte. */
// @ts-ignore: decorator
@inline function nextDelimiter(base: usize, p: i32, end: i32): i32 {
  const commas = i8x16.splat(<i8>COMMA);
  const feeds = i8x16.splat(<i8>LF);
  const quotes = i8x16.splat(<i8>QUOTE);
  while (p + 16 <= end) {
    const v = v128.load(base + <usize>p);
    const mask = i8x16.bitmask(v128.or(v128.or(i8x16.eq(v, commas), i8x16.eq(v, feeds)), i8x16.eq(v, quotes)));
    if (mask != 0) return p + ctz(mask);
    p += 16;
  }
  while (p < end) {
    const c = <u32>load<u8>(base + <usize>p);
    if (c == COMMA || c == LF || c == QUOTE) return p;
    p++;
  }
  return end;
}

/** The first `"` or LF in `[p, end)`, or `end` (as {@link nextDelimiter}). */
// @ts-ignore: decorator
@inline function nextQuoteOrFeed(base: usize, p: i32, end: i32): i32 {
  const feeds = i8x16.splat(<i8>LF);
  const quotes = i8x16.splat(<i8>QUOTE);
  while (p + 16 <= end) {
    const v = v128.load(base + <usize>p);
    const mask = i8x16.bitmask(v128.or(i8x16.eq(v, feeds), i8x16.eq(v, quotes)));
    if (mask != 0) return p + ctz(mask);
    p += 16;
  }
  while (p < end) {
    const c = <u32>load<u8>(base + <usize>p);
    if (c == LF || c == QUOTE) return p;
    p++;
  }
  return end;
}

/**
 * Consume the common records of `input[from, end)` (see the module note), the first on
 * line `line`, adding each to its pair; a pair not seen before is added (the caller reads
 * the new ones' keys and first lines after). Gives the offset of the first record not
 * consumed (`end` when all were); `lastRecords` and `lastLines` say how many records and
 * lines that was.
 */
export function scan(from: i32, end: i32, line: i32): i32 {
  const base = inputBuffer;
  let pos = from;
  let accepted = 0;
  let lines = 0;
  let first = earliest;
  let last = latest;
  while (pos < end) {
    let p = pos;
    let field = 0;
    let extraLines = 0;
    let ok = true;
    let dateStart = 0;
    let dateEnd = 0;
    let ccStart = 0;
    let ccEnd = 0;
    let acStart = 0;
    let acEnd = 0;
    let amountStart = 0;
    let amountEnd = 0;
    while (true) {
      let fieldStart = p;
      let fieldEnd = p;
      let recordEnds = false;
      if (p < end && <u32>load<u8>(base + <usize>p) == QUOTE) {
        let q = p + 1;
        let escaped = false;
        while (true) {
          q = nextQuoteOrFeed(base, q, end);
          if (q >= end) break;
          if (<u32>load<u8>(base + <usize>q) == LF) {
            extraLines++;
            q++;
            continue;
          }
          if (q + 1 < end && <u32>load<u8>(base + <usize>q + 1) == QUOTE) {
            escaped = true;
            q += 2;
            continue;
          }
          break;
        }
        const after = q + 1;
        if (after >= end) {
          ok = false;
          break;
        }
        const c = <u32>load<u8>(base + <usize>after);
        if (c == COMMA) p = after + 1;
        else if (c == LF) {
          p = after + 1;
          recordEnds = true;
        } else if (c == CR && after + 1 < end && <u32>load<u8>(base + <usize>after + 1) == LF) {
          p = after + 2;
          recordEnds = true;
        } else {
          ok = false;
          break;
        }
        if (field == dateColumn || field == amountColumn || (escaped && (field == costCentreColumn || field == accountColumn))) {
          ok = false;
          break;
        }
        fieldStart += 1;
        fieldEnd = q;
      } else {
        const j = nextDelimiter(base, p, end);
        if (j >= end) {
          ok = false;
          break;
        }
        const c = <u32>load<u8>(base + <usize>j);
        if (c == QUOTE) {
          ok = false;
          break;
        }
        fieldEnd = j;
        if (c == LF) {
          if (j > fieldStart && <u32>load<u8>(base + <usize>j - 1) == CR) fieldEnd = j - 1;
          recordEnds = true;
        }
        p = j + 1;
      }
      if (field == dateColumn) {
        dateStart = fieldStart;
        dateEnd = fieldEnd;
      } else if (field == costCentreColumn) {
        ccStart = fieldStart;
        ccEnd = fieldEnd;
      } else if (field == accountColumn) {
        acStart = fieldStart;
        acEnd = fieldEnd;
      } else if (field == amountColumn) {
        amountStart = fieldStart;
        amountEnd = fieldEnd;
      }
      field++;
      if (recordEnds) break;
      if (field >= width) {
        ok = false;
        break;
      }
    }
    if (!ok || field != width) break;
    const day = isoDay(base + <usize>dateStart, dateEnd - dateStart);
    if (day < 0) break;
    const pence = amount(base + <usize>amountStart, amountEnd - amountStart);
    if (pence == NOT_FAST) break;
    const cc = base + <usize>ccStart;
    const ac = base + <usize>acStart;
    const ccLength = ccEnd - ccStart;
    const acLength = acEnd - acStart;
    const hash = hashOf(cc, ccLength, ac, acLength);
    let pair = find(cc, ccLength, ac, acLength, hash);
    if (pair < 0) pair = insert(cc, ccLength, ac, acLength, hash, line + lines);
    if (addPence(pair, pence) == 0) break;
    countRow(pair);
    if (day < first) first = day;
    if (day > last) last = day;
    accepted++;
    lines += 1 + extraLines;
    pos = p;
  }
  scannedRecords = accepted;
  scannedLines = lines;
  earliest = first;
  latest = last;
  return pos;
}
