/**
 * Reading CSV files: decoding bytes to text, then splitting into rows of cells.
 */
import { parse, type Options } from 'csv-parse/sync';
import type { Problem } from './errors.js';
import type { GridRow } from './table.js';
import { csvCellText, csvLimitProblem } from './csv-limits.js';

/** Text encodings a CSV may be in. `auto`: byte-order mark, else UTF-8 if valid, else Windows-1252. */
export type CsvEncoding = 'auto' | 'utf8' | 'windows-1252' | 'utf16le' | 'utf16be';

/**
 * Decode a file's bytes to text, dropping any byte-order mark.
 * - `auto`: a BOM decides (EF BB BF UTF-8, FF FE UTF-16LE, FE FF UTF-16BE); otherwise
 *   UTF-8 if the bytes are valid UTF-8, otherwise Windows-1252 (what Excel on Windows saves
 *   as "CSV", where `£` is byte A3); bytes with NUL but no BOM are refused (UTF-16 without a
 *   BOM cannot be told apart safely, so the encoding must be named);
 * - `utf8`: bytes must be valid UTF-8, else a problem;
 * - `windows-1252`, `utf16le`, `utf16be`: decoded with iconv-lite (imported only then, so
 *   UTF-8 input never loads it).
 * Resolves to the text, or a problem for `file`.
 */
export async function decodeCsvText(bytes: Uint8Array, encoding: CsvEncoding, file: string): Promise<{ readonly text?: string; readonly problem?: Problem }> {
  let chosen = encoding;
  if (chosen === 'auto') {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) chosen = 'utf8';
    else if (bytes[0] === 0xff && bytes[1] === 0xfe) chosen = 'utf16le';
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) chosen = 'utf16be';
    else if (bytes.includes(0)) return { problem: { file, message: 'has NUL bytes and no byte-order mark: probably UTF-16; name the encoding (utf16le or utf16be)' } };
    else chosen = isValidUtf8(bytes) ? 'utf8' : 'windows-1252';
  }
  if (chosen === 'utf8') {
    try {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      return { text };
    } catch {
      return { problem: { file, message: 'is not valid UTF-8 (try the encoding windows-1252)' } };
    }
  }
  const iconv = (await import('iconv-lite')).default;
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), chosen, { stripBOM: true });
  return { text };
}

/** Whether bytes are well-formed UTF-8. */
function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The few csv-parse error codes worth saying in a finance officer's words. */
const CSV_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed (missing closing ")',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected character after a closing quote (a " inside a cell must be doubled)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'unexpected character after a closing quote (a " inside a cell must be doubled)',
  INVALID_OPENING_QUOTE: 'a " inside an unquoted cell (quote the whole cell and double the ")',
  CSV_INVALID_OPENING_QUOTE: 'a " inside an unquoted cell (quote the whole cell and double the ")',
};

/** csv-parse's own message, cut to one short line (it may quote a huge or binary cell). */
function shortReason(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length <= 80 ? line : `${line.slice(0, 79)}…`;
}

/** The cell delimiters fn-model reads: comma, tab (Excel's "Unicode Text") and semicolon (European Excel). */
export const CSV_DELIMITERS = [',', '\t', ';'] as const;

/** A cell delimiter fn-model reads. */
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** How a file's delimiter was chosen, for `--debug`. */
export type DelimiterChoice = 'forced' | 'sep-line' | 'header' | 'default';

/** The delimiter's name in messages (`comma`, `tab`, `semicolon`). */
export function delimiterName(delimiter: CsvDelimiter): string {
  return delimiter === ',' ? 'comma' : delimiter === '\t' ? 'tab' : 'semicolon';
}

/** Records that {@link detectDelimiter} reads (room for the header search's title and blank rows). */
const DETECTION_RECORDS = 20;

/** The csv-parse options every read shares; `delimiter` is the file's. */
function parseOptions(delimiter: CsvDelimiter): Options {
  return { bom: true, relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'], delimiter };
}

/**
 * The first {@link DETECTION_RECORDS} records of a detection sample as csv-parse reads them
 * with {@link parseOptions}; after a syntax error (a sample may end inside a quote), the
 * records before it. Never throws.
 */
export function parsedDetectionRecords(text: string, delimiter: CsvDelimiter): string[][] {
  // records read before any syntax error still count (the sample may end inside a quote)
  const records: string[][] = [];
  try {
    parse(text, { ...parseOptions(delimiter), to: DETECTION_RECORDS, on_record: (record: string[]) => {
      records.push(record);
      return record;
    } });
  } catch {
    // scored on the records before the error
  }
  return records;
}

/**
 * The first {@link DETECTION_RECORDS} records of a detection sample, split as csv-parse
 * reads them with {@link parseOptions}: a leading BOM dropped; records end at `\r\n`, `\n`
 * or `\r` (no record after a final line break); cells at the delimiter; a cell that starts
 * with `"` runs to its closing `"` (`""` inside is one `"`, line breaks and delimiters are
 * text) which must be followed by a delimiter, a line break or the end. Where csv-parse
 * stops with an error (a `"` inside an unquoted cell, text after a closing quote, a quote
 * left open), the records before it are returned, as {@link parsedDetectionRecords} does.
 * test/properties/csv-detect.property.test.ts checks the two agree on random text.
 * Measured reason for not asking csv-parse: its set-up and cold per-character loop were
 * ~10 ms of every start (three candidates, nine bundled files; docs/performance.md).
 */
export function plainRecords(text: string, delimiter: CsvDelimiter): string[][] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let index = 0;
  const lineBreakAt = (at: number): number => (body.startsWith('\r\n', at) ? 2 : body[at] === '\n' || body[at] === '\r' ? 1 : 0);
  while (index < body.length && records.length < DETECTION_RECORDS) {
    let cell = '';
    if (body[index] === '"') {
      index += 1;
      for (;;) {
        const close = body.indexOf('"', index);
        if (close < 0) return records; // quote not closed
        cell += body.slice(index, close);
        if (body[close + 1] === '"') {
          cell += '"';
          index = close + 2;
          continue;
        }
        index = close + 1;
        break;
      }
      if (index < body.length && body[index] !== delimiter && lineBreakAt(index) === 0) return records; // text after a closing quote
    } else {
      let end = index;
      while (end < body.length && body[end] !== delimiter && lineBreakAt(end) === 0) {
        if (body[end] === '"') return records; // a quote inside an unquoted cell
        end += 1;
      }
      cell = body.slice(index, end);
      index = end;
    }
    record.push(cell);
    if (index >= body.length) break;
    if (body[index] === delimiter) {
      index += 1;
      if (index >= body.length) record.push(''); // a final delimiter: an empty last cell
      continue;
    }
    index += lineBreakAt(index);
    records.push(record);
    record = [];
  }
  if (record.length > 0 && records.length < DETECTION_RECORDS) records.push(record);
  return records;
}

/**
 * The delimiter of CSV text, from its header line: for each of comma, tab and semicolon,
 * the first {@link DETECTION_RECORDS} records are split by it and the record with the most
 * cells that `recognises` (a header label of the file) is scored; the highest score wins,
 * ties going to comma, then tab, then semicolon. No recognised label at all: comma (the
 * header search then says the header was not found).
 */
export function detectDelimiter(text: string, recognises: (label: string) => boolean): { readonly delimiter: CsvDelimiter; readonly choice: DelimiterChoice } {
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const delimiter of CSV_DELIMITERS) {
    // A delimiter the text does not contain splits no record: every record is one cell and
    // scores at most 1, which cannot beat a score of 1 or more (ties keep the earlier).
    // Skipping its parse is exact, and saves two csv-parse runs a file at start-up.
    if (bestScore >= 1 && !text.includes(delimiter)) continue;
    const records = plainRecords(text, delimiter);
    const score = Math.max(0, ...records.map((cells) => cells.filter((cell) => recognises(cell)).length));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return { delimiter: best, choice: bestScore > 0 ? 'header' : 'default' };
}

/**
 * Excel's delimiter hint: a first line `sep=;` (also `sep=,` and `sep=` then a tab, any
 * case, possibly padded with more of the same delimiter when re-saved). Returns its
 * delimiter and how many characters the line takes with its line break, or undefined when
 * the text does not start with one; a `sep=` line naming another character is `unknown`.
 */
export function sepLine(text: string): { readonly delimiter?: CsvDelimiter; readonly unknown?: string; readonly length: number } | undefined {
  const match = /^sep=(.)([^\r\n]*)(\r\n|\n|\r|$)/i.exec(text);
  if (!match) return undefined;
  const [whole, char = '', rest = ''] = match;
  const delimiter = CSV_DELIMITERS.find((candidate) => candidate === char);
  if (delimiter === undefined || rest.split('').some((other) => other !== char)) return { unknown: `sep=${char}${rest}`, length: whole.length };
  return { delimiter, length: whole.length };
}

/** Line breaks (CRLF, LF or CR; CRLF counts once) in `bytes[from, to)`. */
function lineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index += 1) {
    const byte = bytes[index];
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) count += 1;
  }
  return count;
}

/**
 * For each cell of a record's raw text, how many line breaks come before it (0 for every
 * cell of a one-line record): cells split at `delimiter` outside quotes.
 */
function cellLineOffsets(raw: string, delimiter: CsvDelimiter): number[] {
  const offsets = [0];
  let breaks = 0;
  let inQuotes = false;
  let cellStart = 0;
  for (let index = 0; index < raw.length; index += 1) {
    const char = raw[index];
    if (char === '\n' || (char === '\r' && raw[index + 1] !== '\n')) breaks += 1;
    if (inQuotes) {
      if (char === '"') {
        if (raw[index + 1] === '"') index += 1;
        else inQuotes = false;
      }
    } else if (char === '"' && index === cellStart) inQuotes = true;
    else if (char === delimiter) {
      offsets.push(breaks);
      cellStart = index + 1;
    }
  }
  return offsets;
}

/** How {@link parseCsvRows} splits text. */
export interface CsvSplit {
  /** The cell delimiter (default comma). */
  readonly delimiter?: CsvDelimiter;
  /** The physical line of the file the text starts on (default 1; 2 after a skipped `sep=` line). */
  readonly firstLine?: number;
}

/**
 * Split CSV text into rows of cells. A row's number is the physical line of the file its
 * record starts on (the header of the bundled files is row 1), counting the line breaks
 * inside quoted cells (CRLF as one), so a record after a quoted two-line name is located
 * where an editor shows it; a cell that starts on a later line than its record (after a
 * quoted line break) carries that line as `line`. Empty lines are kept as rows so
 * numbering stays true. Records may end in CRLF, LF or CR. Rows of different lengths are
 * returned as they are (the table builder reports ragged rows). A syntax error
 * (unterminated quote, stray quote) becomes one problem located at the line where its
 * record starts, quoting the cell and naming its column number.
 *
 * Lines are counted here from csv-parse's byte offsets (`info.bytes`) and raw record text,
 * not from its `info.lines`, which counts a CRLF inside quotes as two lines.
 */
export function parseCsvRows(text: string, file: string, split: CsvSplit = {}): { readonly rows: readonly GridRow[]; readonly problems: readonly Problem[] } {
  const delimiter = split.delimiter ?? ',';
  const firstLine = split.firstLine ?? 1;
  const bytes = Buffer.from(text, 'utf8');
  let completed = 0; // byte offset where the last completed record ends (so where a failing one starts)
  let line = firstLine;
  try {
    // Each record becomes its row as csv-parse hands it over, so only the rows are kept (not
    // also csv-parse's raw text and info object per record: half the transient memory of
    // loading a 100,000-line file; docs/performance.md, `export` at scale).
    const rows = parse(bytes, {
      ...parseOptions(delimiter), raw: true,
      on_record: (read, context) => {
        const { record, raw } = read as unknown as { record: string[]; raw: string };
        const row = line;
        const offsets = cellLineOffsets(raw, delimiter);
        line += lineBreaks(bytes, completed, context.bytes);
        completed = context.bytes;
        return { row, cells: record.map((cell, index) => ((offsets[index] ?? 0) > 0 ? { text: cell, line: row + (offsets[index] ?? 0) } : { text: cell })) } as unknown as string[];
      },
    }) as unknown as GridRow[];
    return { rows, problems: [] };
  } catch (error) {
    const failure = error as { code?: string; records?: number; lines?: number; column?: number | string | null; message?: string };
    const message = (failure.code !== undefined && CSV_ERROR_MESSAGES[failure.code]) || `cannot be read as CSV (${failure.code ?? 'error'}: ${shortReason(String(failure.message ?? error))})`;
    // The failing record starts where the last completed one ended; csv-parse's `lines` is
    // where it gave up (for an unclosed quote, the end of the file).
    const row = typeof failure.code === 'string' ? firstLine + lineBreaks(bytes, 0, completed) : undefined;
    const problem: Problem = typeof row === 'number' ? { file, row, message } : { file, message };
    // quote the cell the error is in (csv-parse's `column` is its 0-based index in the record)
    const record = typeof failure.records === 'number' ? failure.records + 1 : undefined;
    const cell = record !== undefined && typeof failure.column === 'number' ? csvCellText(text, record, failure.column, delimiter.charCodeAt(0)) : undefined;
    if (cell !== undefined) return { rows: [], problems: [{ ...problem, text: cell, message: `${message} in column ${(failure.column as number) + 1}` }] };
    return { rows: [], problems: [problem] };
  }
}

/** How to read a CSV file. */
export interface CsvReading {
  readonly encoding: CsvEncoding;
  /** The cell delimiter, or `auto` (the default): a `sep=` line, else detected from the header line ({@link detectDelimiter}). */
  readonly delimiter?: CsvDelimiter | 'auto';
  /** Whether a cell is a header label of this file (for detecting the delimiter); without it, `auto` means comma. */
  readonly recognises?: (label: string) => boolean;
}

/** A CSV file read into rows, with the delimiter used and how it was chosen (undefined when the file could not be decoded). */
export interface CsvRows {
  readonly rows: readonly GridRow[];
  readonly problems: readonly Problem[];
  readonly delimiter?: { readonly delimiter: CsvDelimiter; readonly choice: DelimiterChoice };
}

/** The first {@link DETECTION_RECORDS} lines of text, at most 64 KiB (detection never reads a whole big file). */
function detectionSample(text: string): string {
  const head = text.slice(0, 65_536);
  let end = 0;
  for (let found = 0; found < DETECTION_RECORDS; found += 1) {
    const next = head.slice(end).search(/\r\n|\n|\r/);
    if (next < 0) return head;
    end += next + (head.startsWith('\r\n', end + next) ? 2 : 1);
  }
  return head.slice(0, end);
}

/**
 * Decode and split a CSV file's bytes (see {@link decodeCsvText} and {@link parseCsvRows}),
 * refusing text over the size limits first ({@link csvLimitProblem}). The delimiter is
 * `reading.delimiter` when given (a `sep=` first line is then still skipped), else the one a
 * `sep=` first line names (Excel's hint; the line is skipped and rows keep their physical
 * numbers), else the one {@link detectDelimiter} finds in the header line. A `sep=` line
 * naming a delimiter fn-model does not read is a problem on line 1.
 */
export async function readCsvRows(bytes: Uint8Array, reading: CsvReading, file: string): Promise<CsvRows> {
  const decoded = await decodeCsvText(bytes, reading.encoding, file);
  if (decoded.text === undefined) return { rows: [], problems: decoded.problem ? [decoded.problem] : [] };
  const hint = sepLine(decoded.text);
  if (hint?.unknown !== undefined && (reading.delimiter ?? 'auto') === 'auto') {
    return { rows: [], problems: [{ file, row: 1, text: hint.unknown, message: 'names a delimiter fn-model does not read (comma, tab or semicolon; or give --delimiter)' }] };
  }
  const body = hint ? decoded.text.slice(hint.length) : decoded.text;
  const firstLine = hint ? 2 : 1;
  let chosen: { readonly delimiter: CsvDelimiter; readonly choice: DelimiterChoice };
  if (reading.delimiter !== undefined && reading.delimiter !== 'auto') chosen = { delimiter: reading.delimiter, choice: 'forced' };
  else if (hint?.delimiter !== undefined) chosen = { delimiter: hint.delimiter, choice: 'sep-line' };
  else if (reading.recognises) chosen = detectDelimiter(detectionSample(body), reading.recognises);
  else chosen = { delimiter: ',', choice: 'default' };
  const overLimit = csvLimitProblem(body, file, { delimiter: chosen.delimiter.charCodeAt(0), firstLine });
  if (overLimit) return { rows: [], problems: [overLimit], delimiter: chosen };
  return { ...parseCsvRows(body, file, { delimiter: chosen.delimiter, firstLine }), delimiter: chosen };
}
