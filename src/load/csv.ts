/**
 * Reading CSV files: decoding bytes to text, then splitting into rows of cells.
 */
import { parse } from 'csv-parse/sync';
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

/**
 * Split CSV text into rows of cells. Row numbers are 1-based physical records (the header
 * of the bundled files is row 1); empty lines are kept as rows so numbering stays true.
 * Records may end in CRLF, LF or CR. Rows of different lengths are returned as they are
 * (the table builder reports ragged rows). A syntax error (unterminated quote, stray quote)
 * becomes one problem located at the record where it starts, quoting the cell and naming
 * its column number.
 */
export function parseCsvRows(text: string, file: string): { readonly rows: readonly GridRow[]; readonly problems: readonly Problem[] } {
  try {
    const records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
    const rows = records.map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => ({ text: cell })) }));
    return { rows, problems: [] };
  } catch (error) {
    const failure = error as { code?: string; records?: number; lines?: number; column?: number | string | null; message?: string };
    const message = (failure.code !== undefined && CSV_ERROR_MESSAGES[failure.code]) || `cannot be read as CSV (${failure.code ?? 'error'}: ${shortReason(String(failure.message ?? error))})`;
    // The failing record is the one after those completed; csv-parse's `lines` is where it gave up
    // (for an unclosed quote, the end of the file), so it is only the fallback.
    const row = typeof failure.records === 'number' ? failure.records + 1 : failure.lines;
    const problem: Problem = typeof row === 'number' ? { file, row, message } : { file, message };
    // quote the cell the error is in (csv-parse's `column` is its 0-based index in the record)
    const cell = typeof row === 'number' && typeof failure.column === 'number' ? csvCellText(text, row, failure.column) : undefined;
    if (cell !== undefined) return { rows: [], problems: [{ ...problem, text: cell, message: `${message} in column ${(failure.column as number) + 1}` }] };
    return { rows: [], problems: [problem] };
  }
}

/** Decode and split a CSV file's bytes (see {@link decodeCsvText} and {@link parseCsvRows}), refusing text over the size limits first ({@link csvLimitProblem}). */
export async function readCsvRows(bytes: Uint8Array, encoding: CsvEncoding, file: string): Promise<{ readonly rows: readonly GridRow[]; readonly problems: readonly Problem[] }> {
  const decoded = await decodeCsvText(bytes, encoding, file);
  if (decoded.text === undefined) return { rows: [], problems: decoded.problem ? [decoded.problem] : [] };
  const overLimit = csvLimitProblem(decoded.text, file);
  if (overLimit) return { rows: [], problems: [overLimit] };
  return parseCsvRows(decoded.text, file);
}
