/**
 * The I/O edge of reading a dataset laid out as published (see `published.ts`): a workbook's
 * sheets, or one CSV file saved from such a sheet, with an optional layout file.
 */
import { basename } from 'node:path';
import type { Worksheet } from 'exceljs';
import type { Programme } from '../model/index.js';
import { readCsvRows, type CsvEncoding } from './csv.js';
import { InputError, type Problem } from './errors.js';
import { columnLetters, readPublished, type PublishedLayout, type PublishedRead, type PublishedSheet } from './published.js';
import type { GridRow } from './table.js';

/** The sheets of a workbook as {@link PublishedSheet}s, or the problems that stop them being read (a sheet over the size limits). */
export async function workbookSheets(file: string, worksheets: readonly Worksheet[]): Promise<{ readonly sheets: readonly PublishedSheet[]; readonly problems: readonly Problem[] }> {
  const { worksheetRows, hiddenRowsAndColumns } = await import('./xlsx.js');
  const sheets: PublishedSheet[] = [];
  const problems: Problem[] = [];
  for (const worksheet of worksheets) {
    const source = { file, sheet: worksheet.name };
    const grid = worksheetRows(worksheet, source);
    problems.push(...grid.problems);
    const hidden = hiddenRowsAndColumns(worksheet, grid.rows.length);
    sheets.push({ source, rows: grid.rows, hiddenRows: hidden.rows, hiddenColumns: hidden.columns });
  }
  return { sheets, problems };
}

/** A CSV file saved from one sheet, as a {@link PublishedSheet}: each cell given the address it had on the sheet (`G14`); nothing is hidden in a CSV. */
export async function csvSheet(file: string, bytes: Uint8Array, encoding: CsvEncoding): Promise<{ readonly sheet?: PublishedSheet; readonly problems: readonly Problem[] }> {
  const grid = await readCsvRows(bytes, { encoding }, file);
  if (grid.problems.length > 0) return { problems: grid.problems };
  const rows: GridRow[] = grid.rows.map((row) => ({ row: row.row, cells: row.cells.map((cell, index) => ({ ...cell, address: `${columnLetters(index)}${row.row}` })) }));
  return { sheet: { source: { file }, rows, hiddenRows: new Set(), hiddenColumns: new Set() }, problems: [] };
}

/**
 * The programme a published read gives, with its notes handed to `note`.
 * @throws InputError with every problem (cells, tables not found or found twice, layout places that match nothing).
 */
export function publishedProgramme(file: string, read: PublishedRead, note: (line: string) => void): Programme {
  for (const line of read.notes) note(line);
  if (read.problems.length > 0 || !read.tables) throw new InputError(read.problems);
  return { name: basename(file).replace(/\.(xlsx|csv)$/i, ''), path: file, tables: read.tables, headline: read.headline };
}

/** Read sheets laid out as published, with an optional layout (see {@link readPublished}); re-exported for `layout init`. */
export function readPublishedSheets(sheets: readonly PublishedSheet[], layout: PublishedLayout | undefined): PublishedRead {
  return readPublished(sheets, layout);
}
