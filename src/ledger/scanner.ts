/**
 * A streaming, byte-level CSV scanner for large ledger exports.
 *
 * Reads the file in fixed-size chunks into one reusable buffer and reports each record
 * as field offsets into that buffer, so the reader can parse amounts and codes straight
 * from bytes without making a string per cell. Follows RFC 4180 as spreadsheets write it:
 * - fields separated by `,`, records ended by LF or CRLF (a lone CR is field text);
 * - a field may be quoted with `"`; inside quotes `""` is one `"`, and commas, CR and LF
 *   are text (so a record can span lines);
 * - a UTF-8 byte-order mark at the start of the file is skipped;
 * - the last record need not end with a newline.
 * A quote inside an unquoted field, text after a closing quote, or a quote still open at
 * the end of the file is a located problem, never guessed around.
 *
 * Memory is two chunk buffers plus the longest record, whatever the file's size; a record
 * over {@link MAX_LEDGER_RECORD_BYTES} is refused at the row it starts on.
 */
import { open } from 'node:fs/promises';
import { refuseIfNotRegularFile } from '../load/limits.js';
import { type LedgerProblem, LedgerError } from './errors.js';
import { MAX_LEDGER_RECORD_BYTES } from './limits.js';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * One record, as offsets into the scanner's buffer. Valid only during the callback that
 * receives it: the buffer and arrays are reused for the next record.
 */
export interface CsvRecord {
  /** The bytes the offsets index. */
  readonly bytes: Buffer;
  /** Number of fields in this record (an empty line is one empty field). */
  readonly fieldCount: number;
  /** Start offset of each field's text (inside the quotes for a quoted field). */
  readonly starts: Int32Array;
  /** End offset (exclusive) of each field's text. */
  readonly ends: Int32Array;
  /** 1 where a quoted field contains `""` escapes, so its bytes need unescaping. */
  readonly escaped: Uint8Array;
  /** 1 where the field was quoted. */
  readonly quoted: Uint8Array;
  /** 1-based line of the file on which the record starts. */
  readonly line: number;
}

/** What a scan saw. */
export interface ScanSummary {
  /** Records reported (including the header and any empty lines). */
  readonly records: number;
  /** Bytes read from the file (including any byte-order mark). */
  readonly bytes: number;
  /** Whether the callback stopped the scan before the end of the file. */
  readonly stopped: boolean;
}

/** How to scan. */
export interface ScanOptions {
  /** The path as the user gave it, for problem locations. */
  readonly file: string;
  /** Bytes to read per chunk (default 1 MiB). The buffer grows only for a longer record. */
  readonly chunkBytes?: number;
  /** Called after each chunk is read with the bytes read so far (for progress). */
  readonly onChunk?: (bytesRead: number) => void;
  /**
   * Called with a quoting problem, after which scanning stops. When absent the scan
   * throws a {@link LedgerError} carrying the problem.
   */
  readonly onMalformed?: (problem: LedgerProblem) => void;
  /** The heading of field `index` (0-based) for quoting problems, when known; else `field N` is used. */
  readonly columnName?: (index: number) => string | undefined;
  /** A fast path for common records (see {@link FastRecords}). */
  readonly fast?: FastRecords;
}

/**
 * A faster way through the common records (the ledger reader's WebAssembly fast path):
 * while `active`, the scanner offers it the bytes at each record start. It consumes whole
 * records only, the ones it is sure of, and leaves the rest to the scanner and the
 * record callback, which never see the records it consumed.
 */
export interface FastRecords {
  /** Whether to offer records at all. */
  readonly active: boolean;
  /**
   * Consume whole records of `data` from offset `from` (a record start, on line `line`);
   * give the offset of the first record not consumed (`from` when none), having set
   * {@link records}, {@link lines} and {@link stop}.
   */
  skip(data: Uint8Array, from: number, line: number): number;
  /** Records the last {@link skip} consumed. */
  readonly records: number;
  /** Lines the last {@link skip} consumed (quoted fields may hold line feeds). */
  readonly lines: number;
  /** Whether to stop the scan (as a record callback returning `false` does) after the last {@link skip}. */
  readonly stop: boolean;
}

/** Most records handed to the callback, after the fast path declined one, before it is offered again. */
const MAX_FAST_BACKOFF = 64;

/** A record callback: return `false` to stop scanning. */
export type RecordHandler = (record: CsvRecord) => boolean | void;

interface MutableRecord {
  bytes: Buffer;
  fieldCount: number;
  starts: Int32Array;
  ends: Int32Array;
  escaped: Uint8Array;
  quoted: Uint8Array;
  line: number;
}

/** Scanner state carried between chunks. */
interface ScanState {
  line: number;
  records: number;
  stopped: boolean;
  malformed: LedgerProblem | undefined;
  readonly record: MutableRecord;
  readonly file: string;
  readonly columnName: ((index: number) => string | undefined) | undefined;
  readonly fast: FastRecords | undefined;
  /** Records to hand to the callback before offering the fast path again, and the next such wait. */
  fastWait: number;
  fastBackoff: number;
}

function newState(file: string, columnName?: (index: number) => string | undefined, fast?: FastRecords): ScanState {
  return {
    columnName,
    fast,
    fastWait: 0,
    fastBackoff: 0,
    line: 1,
    records: 0,
    stopped: false,
    malformed: undefined,
    file,
    record: {
      bytes: Buffer.alloc(0),
      fieldCount: 0,
      starts: new Int32Array(64),
      ends: new Int32Array(64),
      escaped: new Uint8Array(64),
      quoted: new Uint8Array(64),
      line: 1,
    },
  };
}

/** Bytes of a field quoted in a quoting problem (the message shortens longer text further). */
const QUOTED_BYTES = 120;

/**
 * A quoting problem at `row`, naming field `index` (by heading when known) and quoting
 * its text from `start` (at most {@link QUOTED_BYTES} bytes, up to `end`).
 */
function quotingProblem(state: ScanState, data: Buffer, row: number, index: number, start: number, end: number, message: string): LedgerProblem {
  return {
    file: state.file,
    row,
    column: state.columnName?.(index) ?? `field ${index + 1}`,
    text: data.toString('utf8', start, Math.min(end, start + QUOTED_BYTES)),
    message,
  };
}

function growFields(record: MutableRecord): void {
  const size = record.starts.length * 2;
  const starts = new Int32Array(size);
  starts.set(record.starts);
  const ends = new Int32Array(size);
  ends.set(record.ends);
  const escaped = new Uint8Array(size);
  escaped.set(record.escaped);
  const quoted = new Uint8Array(size);
  quoted.set(record.quoted);
  record.starts = starts;
  record.ends = ends;
  record.escaped = escaped;
  record.quoted = quoted;
}

/**
 * Scan the complete records in `data` from `from`, calling `onRecord` for each.
 * When `atEnd` is false a record that runs off the end of `data` is left unread.
 * @returns the offset of the first byte not consumed.
 */
function scanRecords(state: ScanState, data: Buffer, from: number, atEnd: boolean, onRecord: RecordHandler): number {
  const record = state.record;
  record.bytes = data;
  const length = data.length;
  let pos = from;
  const fast = state.fast;
  records: while (pos < length) {
    if (fast !== undefined && fast.active) {
      if (state.fastWait > 0) state.fastWait--;
      else {
        const next = fast.skip(data, pos, state.line);
        if (next > pos) {
          state.records += fast.records;
          state.line += fast.lines;
          state.fastBackoff = 0;
          pos = next;
          if (fast.stop) {
            state.stopped = true;
            return pos;
          }
          if (pos >= length) break;
        } else {
          // Declined at once: wait longer each time it does, so a ledger the fast path
          // cannot read (every amount written `£1,234.00`, say) costs it little.
          state.fastBackoff = Math.min(state.fastBackoff * 2 + 1, MAX_FAST_BACKOFF);
          state.fastWait = state.fastBackoff;
        }
      }
    }
    let i = pos;
    let fields = 0;
    let extraLines = 0;
    let starts = record.starts;
    let ends = record.ends;
    let escaped = record.escaped;
    let quoted = record.quoted;
    for (;;) {
      if (fields === starts.length) {
        growFields(record);
        starts = record.starts;
        ends = record.ends;
        escaped = record.escaped;
        quoted = record.quoted;
      }
      if (i < length && data[i] === QUOTE) {
        // Quoted field: find the closing quote, stepping over "" escapes and counting
        // the line feeds inside. A byte loop, not Buffer#indexOf: quoted fields are short
        // (a description), and indexOf's per-call cost showed as ~25 ms of a 1M-row CPU profile.
        let close = i + 1;
        let hasEscape = 0;
        for (;;) {
          while (close < length) {
            const q = data[close]!;
            if (q > QUOTE) {
              close++;
              continue;
            }
            if (q === QUOTE) break;
            if (q === LF) extraLines++;
            close++;
          }
          if (close === length) {
            if (!atEnd) return pos;
            state.malformed = quotingProblem(state, data, state.line, fields, i, length, 'opens a quote that is not closed before the end of the file');
            return length;
          }
          if (close + 1 < length && data[close + 1] === QUOTE) {
            hasEscape = 1;
            close += 2;
            continue;
          }
          if (close + 1 === length && !atEnd) return pos;
          break;
        }
        starts[fields] = i + 1;
        ends[fields] = close;
        escaped[fields] = hasEscape;
        quoted[fields] = 1;
        fields++;
        const after = close + 1;
        if (after === length) {
          pos = length;
          break;
        }
        const c = data[after];
        if (c === COMMA) {
          i = after + 1;
          continue;
        }
        if (c === LF) {
          pos = after + 1;
          break;
        }
        if (c === CR) {
          if (after + 1 === length) {
            if (!atEnd) return pos;
            pos = length;
            break;
          }
          if (data[after + 1] === LF) {
            pos = after + 2;
            break;
          }
        }
        const closeLine = state.line + extraLines;
        let fieldEnd = after + 1;
        while (fieldEnd < length && data[fieldEnd] !== COMMA && data[fieldEnd] !== LF && fieldEnd - i < QUOTED_BYTES) fieldEnd++;
        state.malformed = quotingProblem(state, data, state.line, fields - 1, i, fieldEnd,
          `has text after its closing quote${closeLine === state.line ? '' : ` (which is on line ${closeLine})`}; a quote inside a field must be doubled ("")`);
        return length;
      }
      // Unquoted field: runs to the next comma or line feed.
      let j = i;
      let c = 0;
      while (j < length) {
        c = data[j]!;
        // Every byte above ',' (digits, letters, '.', '-', UTF-8) is field text: one
        // comparison for most bytes instead of three (a third faster in a micro-benchmark of
        // this loop over the 1M-row ledger: 82 ms against 130 ms).
        if (c > COMMA) {
          j++;
          continue;
        }
        if (c === COMMA || c === LF || c === QUOTE) break;
        j++;
      }
      if (j === length) {
        if (!atEnd) return pos;
        starts[fields] = i;
        ends[fields] = j > i && data[j - 1] === CR ? j - 1 : j;
        escaped[fields] = 0;
        quoted[fields] = 0;
        fields++;
        pos = length;
        break;
      }
      if (c === QUOTE) {
        let fieldEnd = j + 1;
        while (fieldEnd < length && data[fieldEnd] !== COMMA && data[fieldEnd] !== LF && fieldEnd - i < QUOTED_BYTES) fieldEnd++;
        state.malformed = quotingProblem(state, data, state.line + extraLines, fields, i, fieldEnd,
          'has a quote (") inside an unquoted field; quote the whole field and double the quote ("")');
        return length;
      }
      starts[fields] = i;
      ends[fields] = c === LF && j > i && data[j - 1] === CR ? j - 1 : j;
      escaped[fields] = 0;
      quoted[fields] = 0;
      fields++;
      if (c === COMMA) {
        i = j + 1;
        continue;
      }
      pos = j + 1;
      break;
    }
    record.fieldCount = fields;
    record.line = state.line;
    state.records++;
    state.line += extraLines + 1;
    if (onRecord(record) === false) {
      state.stopped = true;
      return pos;
    }
  }
  return pos;
}

function finish(state: ScanState, bytes: number, options: Pick<ScanOptions, 'onMalformed'>): ScanSummary {
  if (state.malformed) {
    if (options.onMalformed) options.onMalformed(state.malformed);
    else throw new LedgerError([state.malformed]);
  }
  return { records: state.records, bytes, stopped: state.stopped || state.malformed !== undefined };
}

/** Whether `data` starts with a UTF-16 byte-order mark (FF FE or FE FF): text this scanner cannot read. */
export function startsUtf16(data: Uint8Array): boolean {
  return (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff);
}

function bomLength(data: Buffer): number {
  return data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
}

/**
 * Stream a CSV file record by record. Memory stays at one chunk plus the longest record.
 * @throws LedgerError for a quoting problem when `options.onMalformed` is absent;
 *   the file system's error when the file cannot be read.
 */
export async function scanCsvFile(path: string, options: ScanOptions, onRecord: RecordHandler): Promise<ScanSummary> {
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  await refuseIfNotRegularFile(path);
  const handle = await open(path, 'r');
  const state = newState(options.file, options.columnName, options.fast);
  // Two buffers take turns. The next chunk is read (on libuv's thread pool) into one while
  // this thread scans the other, so the scan does not stop for each read. Each chunk is
  // read to offset `room`, and the record left unfinished at the end of the previous
  // chunk is copied into the room just before it, so a chunk is never copied whole (the
  // copies showed as ~10 ms of a 1M-row CPU profile). A record longer than the room is
  // joined with the chunk in a new buffer instead.
  const room = chunkBytes;
  const buffers = [Buffer.allocUnsafe(room + chunkBytes), Buffer.allocUnsafe(room + chunkBytes)] as const;
  let turn = 0;
  let pending: Promise<{ bytesRead: number }> | undefined = handle.read(buffers[0], room, chunkBytes, null);
  let carried: Buffer = buffers[1].subarray(0, 0); // the unfinished record, where it lies now
  let bytesRead = 0;
  let first = true;
  try {
    for (;;) {
      const { bytesRead: got } = await pending!;
      pending = undefined;
      bytesRead += got;
      const atEnd = got === 0;
      const current = buffers[turn]!;
      let data: Buffer;
      if (carried.length <= room) {
        carried.copy(current, room - carried.length);
        data = current.subarray(room - carried.length, room + got);
      } else {
        data = Buffer.allocUnsafe(carried.length + got);
        carried.copy(data, 0);
        current.copy(data, carried.length, room, room + got);
      }
      // The other buffer held the carried bytes, now copied out: read the next chunk into it.
      turn = 1 - turn;
      if (!atEnd) pending = handle.read(buffers[turn]!, room, chunkBytes, null);
      options.onChunk?.(bytesRead);
      let from = 0;
      if (first) {
        if (!atEnd && data.length < 3) {
          carried = data;
          continue;
        }
        from = bomLength(data);
        first = false;
        if (startsUtf16(data)) {
          state.malformed = { file: state.file, row: 1, message: 'is UTF-16 text (it starts with a UTF-16 byte-order mark); save the ledger as CSV UTF-8' };
          break;
        }
      }
      const consumed = scanRecords(state, data, from, atEnd, onRecord);
      if (atEnd || state.stopped || state.malformed) break;
      carried = data.subarray(consumed);
      if (carried.length > MAX_LEDGER_RECORD_BYTES) {
        state.malformed = {
          file: state.file,
          row: state.line,
          message: `starts a record that runs past ${MAX_LEDGER_RECORD_BYTES / 1024 / 1024} MiB without ending (is a quote left open?); see docs/robustness.md`,
        };
        break;
      }
    }
  } finally {
    // A read still in flight (the scan stopped early) must finish before the file closes.
    if (pending) await pending.catch(() => undefined);
    await handle.close();
  }
  return finish(state, bytesRead, options);
}

/**
 * Scan CSV held in memory (a whole file's bytes), with the same rules as {@link scanCsvFile}.
 * @throws LedgerError for a quoting problem when `options.onMalformed` is absent.
 */
export function scanCsvBytes(bytes: Uint8Array, options: Pick<ScanOptions, 'file' | 'onMalformed'>, onRecord: RecordHandler): ScanSummary {
  const data = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const state = newState(options.file);
  scanRecords(state, data, bomLength(data), true, onRecord);
  return finish(state, data.length, options);
}

/** The text of field `index` of a record, decoded as UTF-8 with `""` unescaped. */
export function fieldText(record: CsvRecord, index: number): string {
  const text = record.bytes.toString('utf8', record.starts[index], record.ends[index]);
  return record.escaped[index] ? text.replaceAll('""', '"') : text;
}

/** Every field of a record as text (for headers, messages and tests; not the hot loop). */
export function recordTexts(record: CsvRecord): string[] {
  const texts: string[] = [];
  for (let index = 0; index < record.fieldCount; index++) texts.push(fieldText(record, index));
  return texts;
}
