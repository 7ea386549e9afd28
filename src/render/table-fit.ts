/**
 * Fit a display grid to a terminal width (issue 15: `variance` printed 181-column lines
 * and every box wrapped in an 80-column terminal). Pure: a grid and a width in, grids out;
 * the terminal renderer draws them (cli-table3: each column takes its text width + 2
 * padding, plus one border character per column and one more).
 *
 * Steps, each only when the previous one is not enough:
 * 1. the grid as it is, when it fits;
 * 2. headings wrap at spaces onto two or more lines (`total (computed)` → `total` /
 *    `(computed)`), and text columns narrow: names marked `truncate` are cut with `…`
 *    (the full text is in `--format markdown` and `json`), other text wraps at spaces
 *    (a word longer than the column is split);
 * 3. the columns are split into several tables, each repeating the first `repeat`
 *    columns (the line id), titled `(continued)`.
 *
 * A numeric cell is never cut, wrapped or dropped: a table whose numbers alone are wider
 * than the terminal is drawn wider than the terminal.
 */
import type { GridCell, GridTable } from './variance-grid.js';
import { largest } from '../extent.js';

/** How to fit one grid. */
export interface FitPlan {
  /** The terminal width in columns (characters). */
  readonly width: number;
  /** Indices of text columns cut with `…` rather than wrapped (e.g. line names). */
  readonly truncate?: readonly number[];
  /** Leading columns repeated in each continuation table (default 1: the line id). */
  readonly repeat?: number;
  /** Narrowest a text column is made (default 10 characters, or its natural width when less). */
  readonly minimumText?: number;
}

type Kind = 'number' | 'wrap' | 'truncate';

/** Display width of a text: its widest line, counted in code points (the report's text is single-width). */
export function displayWidth(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => [...line].length));
}

/** The width cli-table3 draws for columns of these text widths. */
export function tableWidth(widths: readonly number[]): number {
  return widths.reduce((total, width) => total + width + 3, 1);
}

/**
 * `text` laid out in lines of at most `width`: breaks at spaces, or after a `-` or `/`
 * inside a word (`combined-` / `adverse-` / `movement`, `data/` / `march-2021/`); a piece
 * still longer than the width is split.
 */
export function wrapText(text: string, width: number): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    const place = (piece: string, spaced: boolean): void => {
      const joined = line === '' ? piece : `${line}${spaced ? ' ' : ''}${piece}`;
      if ([...joined].length <= width) {
        line = joined;
        return;
      }
      if (line !== '') lines.push(line);
      let rest = [...piece];
      while (rest.length > width) {
        lines.push(rest.slice(0, width).join(''));
        rest = rest.slice(width);
      }
      line = rest.join('');
    };
    for (const word of paragraph.split(' ')) {
      const pieces = word.match(/[^/-]*[/-]|[^/-]+$/g) ?? [word];
      pieces.forEach((piece, index) => place(piece, index === 0));
    }
    lines.push(line);
  }
  return lines.join('\n');
}

function truncateText(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[ \n]/).map((word) => [...word].length));
}

interface Measured {
  readonly kinds: readonly Kind[];
  /** Widest cell (not heading) per column. */
  readonly cells: readonly number[];
  /** Natural width per column: widest of heading and cells. */
  readonly natural: readonly number[];
  /** Narrowest allowed per column. */
  readonly minimum: readonly number[];
}

function measure(grid: GridTable, plan: FitPlan): Measured {
  const count = grid.head.length;
  const truncate = new Set(plan.truncate ?? []);
  const minimumText = plan.minimumText ?? 10;
  const kinds: Kind[] = [];
  const cells: number[] = [];
  const natural: number[] = [];
  const minimum: number[] = [];
  for (let column = 0; column < count; column++) {
    const column_cells = grid.rows.map((row) => row.cells[column]).filter((cell): cell is GridCell => cell !== undefined);
    const kind: Kind = column_cells.some((cell) => cell.numeric) ? 'number' : truncate.has(column) ? 'truncate' : 'wrap';
    const widest = largest(column_cells.map((cell) => displayWidth(cell.text)), 0);
    const head = grid.head[column] ?? '';
    kinds.push(kind);
    cells.push(widest);
    natural.push(Math.max(widest, displayWidth(head)));
    // Numbers keep their width; a heading never goes narrower than its longest word.
    minimum.push(kind === 'number' ? Math.max(widest, longestWord(head)) : Math.max(Math.min(natural[column]!, minimumText), Math.min(longestWord(head), minimumText)));
  }
  return { kinds, cells, natural, minimum };
}

/** Narrow text columns (widest first) until the table fits or every column is at its minimum. */
function narrow(measured: Measured, width: number): number[] {
  const widths = measured.natural.map((natural, column) => (measured.kinds[column] === 'number' ? measured.minimum[column]! : natural));
  while (tableWidth(widths) > width) {
    let chosen = -1;
    for (let column = 0; column < widths.length; column++) {
      if (measured.kinds[column] === 'number' || widths[column]! <= measured.minimum[column]!) continue;
      if (chosen < 0 || widths[column]! > widths[chosen]!) chosen = column;
    }
    if (chosen < 0) break;
    widths[chosen] = widths[chosen]! - 1;
  }
  return widths;
}

/** The grid with every heading and cell laid out in its column's width. */
function laidOut(grid: GridTable, measured: Measured, widths: readonly number[]): GridTable {
  const cell = (text: string, column: number): string => {
    const width = widths[column]!;
    if (displayWidth(text) <= width) return text;
    return measured.kinds[column] === 'truncate' ? truncateText(text, width) : wrapText(text, width);
  };
  return {
    ...grid,
    head: grid.head.map((text, column) => (displayWidth(text) <= widths[column]! ? text : wrapText(text, widths[column]!))),
    rows: grid.rows.map((row) => ({ ...row, cells: row.cells.map((item, column) => (item.numeric ? item : { ...item, text: cell(item.text, column) })) })),
  };
}

/** The grid restricted to some columns, in order. */
function columnsOf(grid: GridTable, columns: readonly number[], title: string): GridTable {
  return {
    ...grid,
    title,
    head: columns.map((column) => grid.head[column] ?? ''),
    rows: grid.rows.map((row) => ({ ...row, cells: columns.map((column) => row.cells[column] ?? { text: '' }) })),
  };
}

/** Fit without splitting: undefined when the grid cannot fit in one table. */
function fitOne(grid: GridTable, plan: FitPlan): GridTable | undefined {
  const measured = measure(grid, plan);
  if (tableWidth(measured.natural) <= plan.width) return grid;
  const widths = narrow(measured, plan.width);
  return tableWidth(widths) <= plan.width ? laidOut(grid, measured, widths) : undefined;
}

/**
 * Fit `grid` to `plan.width` (see the module comment): one grid when it fits (laid out
 * narrower if need be), else several, each repeating the first `plan.repeat` columns.
 * The note (if any) goes with the last table.
 */
export function fitGrid(grid: GridTable, plan: FitPlan): GridTable[] {
  const single = fitOne(grid, plan);
  if (single) return [single];
  const measured = measure(grid, plan);
  const repeat = Math.min(plan.repeat ?? 1, grid.head.length);
  const repeated = Array.from({ length: repeat }, (_, column) => column);
  const blocks: number[][] = [];
  let block: number[] = [...repeated];
  for (let column = repeat; column < grid.head.length; column++) {
    const candidate = [...block, column];
    const fits = tableWidth(candidate.map((index) => measured.minimum[index]!)) <= plan.width;
    if (!fits && block.length > repeat) {
      blocks.push(block);
      block = [...repeated, column];
    } else {
      block = candidate;
    }
  }
  blocks.push(block);
  const { note, ...rest } = grid;
  return blocks.map((columns, index) => {
    const part = columnsOf(index === blocks.length - 1 && note !== undefined ? grid : rest, columns, index === 0 ? grid.title : `${grid.title} (continued)`);
    return fitOne(part, plan) ?? laidOut(part, measure(part, plan), narrow(measure(part, plan), plan.width));
  });
}

/** Prose (a title or a sentence) wrapped at spaces to the terminal width. */
export function fitProse(text: string, width: number): string {
  return text.split('\n').map((line) => (displayWidth(line) <= width ? line : wrapText(line, width))).join('\n');
}
