/**
 * A boxed text table for the terminal, drawn exactly as cli-table3 draws the tables
 * fn-model prints (`style: { compact: true }`, a heading row, no row separators; a cell
 * with line breaks makes its row that many lines tall): a light box-drawing frame, one space of padding each side, columns as
 * wide as their widest cell, each column left- or right-aligned (headings too).
 *
 * Why not cli-table3 here: `variance` prints its report through this on every run, and
 * loading and laying out cli-table3 (with string-width, emoji-regex and @colors/colors)
 * cost about 60 ms, a third of the command's start-up (docs/performance.md). This module
 * is the subset the report needs; the golden tests pin the output byte for byte.
 * Cells may hold ANSI colour codes (chalk); widths are measured without them.
 */
import { largest } from '../extent.js';

/** A column's alignment. */
export type BoxAlign = 'left' | 'right';

/** What {@link boxTable} draws: headings, rows of cell text, and each column's alignment (default left). */
export interface BoxTableInput {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly align?: readonly BoxAlign[];
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Printable ASCII only: one column per character (the common case, measured without a loop). */
const PLAIN_ASCII = /^[\u0020-\u007e]*$/;

/** Combining diacritical marks and zero-width code points (the ranges terminals draw in no column). */
function isZeroWidth(code: number): boolean {
  return (code >= 0x0300 && code <= 0x036f) || (code >= 0x1ab0 && code <= 0x1aff) || (code >= 0x1dc0 && code <= 0x1dff)
    || (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe20 && code <= 0xfe2f) || (code >= 0x200b && code <= 0x200f)
    || code === 0x2060 || code === 0xfeff;
}

/**
 * Whether a code point takes two terminal columns: East Asian Wide and Fullwidth ranges
 * (CJK, Hangul, kana, fullwidth forms) and the emoji blocks.
 */
function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0x303e) || (code >= 0x3041 && code <= 0x33ff)
    || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xa000 && code <= 0xa4cf)
    || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f)
    || (code >= 0xff00 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1f64f)
    || (code >= 0x1f900 && code <= 0x1f9ff) || (code >= 0x20000 && code <= 0x3fffd);
}

/** How many terminal columns `text` takes: ANSI colour codes take none, wide characters two. */
export function displayWidth(text: string): number {
  const visible = text.includes('\u001b') ? text.replace(ANSI, '') : text;
  if (PLAIN_ASCII.test(visible)) return visible.length;
  let width = 0;
  for (const char of visible) {
    const code = char.codePointAt(0) as number;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || isZeroWidth(code)) continue;
    width += isWide(code) ? 2 : 1;
  }
  return width;
}

/** The table as text, lines joined by newlines, no newline at the end (as cli-table3's `toString()`); no heading row when `head` is empty, no rule under it when there are no rows. */
export function boxTable(input: BoxTableInput): string {
  const columns = largest(input.rows.map((row) => row.length), input.head.length);
  // A cell may hold several lines (a wrapped heading or name): each line is measured, and
  // the row is as tall as its tallest cell, top-aligned, as cli-table3 draws it.
  const widest = (text: string): number => (text.includes('\n') ? Math.max(...text.split('\n').map(displayWidth)) : displayWidth(text));
  const widths = Array.from({ length: columns }, (_, column) =>
    Math.max(widest(input.head[column] ?? ''), ...input.rows.map((row) => widest(row[column] ?? ''))));
  const row = (cells: readonly string[]): string[] => {
    if (!cells.some((cell) => cell.includes('\n'))) return [line(cells)];
    const split = widths.map((_, column) => (cells[column] ?? '').split('\n'));
    const height = Math.max(...split.map((parts) => parts.length));
    return Array.from({ length: height }, (_, index) => line(split.map((parts) => parts[index] ?? '')));
  };
  const line = (cells: readonly string[]) => {
    const padded = widths.map((width, column) => {
      const text = cells[column] ?? '';
      const room = ' '.repeat(width - displayWidth(text));
      return input.align?.[column] === 'right' ? `${room}${text}` : `${text}${room}`;
    });
    return `│ ${padded.join(' │ ')} │`;
  };
  const rule = (left: string, middle: string, right: string) => `${left}${widths.map((width) => '─'.repeat(width + 2)).join(middle)}${right}`;
  const head = input.head.length === 0 ? [] : input.rows.length === 0 ? row(input.head) : [...row(input.head), rule('├', '┼', '┤')];
  return [rule('┌', '┬', '┐'), ...head, ...input.rows.flatMap(row), rule('└', '┴', '┘')].join('\n');
}
