/**
 * Loading a whole dataset (a folder of CSV files or an .xlsx workbook) into a {@link Programme}.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { TABLE_LAYOUTS, type HeadlineStatement, type Programme, type Table } from '../model/index.js';
import { delimiterName, readCsvRows, type CsvDelimiter, type CsvEncoding, type CsvRows } from './csv.js';
import { fileProblemMessage, InputError, type Problem } from './errors.js';
import { buildHeadline, isHeadlineLabel } from './headline.js';
import { buildTable } from './table.js';
import { tableColumnOf } from './header.js';
import { fileSizeLimitFor, fileSizeMessage, readFileWithin } from './limits.js';
import type { PublishedLayout, PublishedRead, PublishedSheet } from './published.js';

/**
 * How to load a dataset. `encoding`, `delimiter` and `decimalComma` apply to CSV files; workbooks ignore the first two.
 * `layout` is a layout file's path (`--layout`) for a workbook or CSV laid out as published.
 * `note` receives notes about a published layout (hidden rows and columns, figures in no
 * table), one located line each; default: written to stderr as `fn-model: note: …`.
 */
export interface LoadOptions {
  /** CSV text encoding (default `auto`). */
  readonly encoding?: CsvEncoding;
  /** CSV cell delimiter (default `auto`: a `sep=` line, else detected from the header line). */
  readonly delimiter?: CsvDelimiter | 'auto';
  /** Read text amounts with a decimal comma (`1.234,56`, `-2,40`); default false (see `parseAmount`). */
  readonly decimalComma?: boolean;
  /** Told one line per CSV file of how it was read (`--debug`): the delimiter and how it was chosen. */
  readonly onDebug?: (line: string) => void;
  readonly layout?: string;
  readonly note?: (line: string) => void;
}

/** Notes go to stderr unless the caller takes them: progress and notes never mix with data on stdout. */
function noteOf(options: LoadOptions): (line: string) => void {
  return options.note ?? ((line) => process.stderr.write(`fn-model: note: ${line}\n`));
}

/** Whether a workbook is fn-model's own layout (a sheet named by a table id) rather than laid out as published. */
export function isOneSheetPerTable(sheetNames: readonly string[]): boolean {
  return sheetNames.some((name) => TABLE_LAYOUTS.some((layout) => layout.id === name.toLowerCase()));
}

const CHOICE_WORDS = { forced: 'as --delimiter says', 'sep-line': 'from its sep= line', header: 'detected from the header line', default: 'the default (no header line recognised)' } as const;

/** Tell `onDebug` which delimiter a CSV file was read with, and why. */
function reportDelimiter(file: string, read: CsvRows, options: LoadOptions): void {
  if (read.delimiter && options.onDebug) options.onDebug(`${file}: delimiter ${delimiterName(read.delimiter.delimiter)}, ${CHOICE_WORDS[read.delimiter.choice]}`);
}

/** Whether a label names a table column (for detecting a table file's delimiter). */
const isTableLabel = (label: string): boolean => tableColumnOf(label) !== undefined;

/** The name of the headline file in a folder and of the headline sheet in a workbook. */
export const HEADLINE_NAME = 'headline';

/**
 * Load a dataset: `path` is a folder holding `<table-id>.csv` for each of the seven tables
 * (all required) and optionally `headline.csv`, or an `.xlsx` workbook with a sheet per
 * table id (names matched case-insensitively) and optionally a `headline` sheet.
 *
 * All amounts are £000 as published (headline £m is converted to £000). Files and
 * problems are named by the path as given joined with the file name
 * (`data/march-2021/brp-savings.csv`). Every file is read and every problem collected
 * before anything is thrown.
 *
 * @throws InputError with all problems: path not found, a required table file or sheet
 * missing, unreadable files, bad encoding, CSV syntax, header and cell problems.
 */
export async function loadProgramme(path: string, options: LoadOptions = {}): Promise<Programme> {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    throw new InputError([{ file: path, message: fileProblemMessage(error) ?? `cannot be read (${String(error)})` }]);
  }
  if (isFolder) {
    if (options.layout !== undefined) throw new InputError([{ file: path, message: 'is a folder of CSV files, which needs no layout file; --layout is for a workbook (or CSV) laid out as published' }]);
    return loadFolder(path, options);
  }
  if (path.toLowerCase().endsWith('.xlsx')) return loadWorkbook(path, options);
  if (path.toLowerCase().endsWith('.csv')) return loadPublishedCsv(path, options);
  throw new InputError([{ file: path, message: 'is neither a folder of CSV files, an .xlsx workbook, nor a .csv file saved from a sheet laid out as published' }]);
}

/** The layout file named by `options.layout`, read and validated, if any. */
async function layoutOf(options: LoadOptions): Promise<PublishedLayout | undefined> {
  if (options.layout === undefined) return undefined;
  const { readLayout } = await import('../layout-file/read.js');
  return readLayout(options.layout);
}

/**
 * Read a dataset laid out as published, for `fn-model layout init`: what was detected and
 * every problem, without building a programme. `path` is an .xlsx workbook or a .csv file.
 * @throws InputError when the file cannot be read at all, or the layout file is bad.
 */
export async function detectPublished(path: string, options: LoadOptions = {}): Promise<PublishedRead> {
  const { readPublishedSheets } = await import('./published-read.js');
  const sheets = await publishedSheetsOf(path, options);
  return readPublishedSheets(sheets, await layoutOf(options));
}

/** The sheets of a workbook or CSV file, read as published. @throws InputError when unreadable. */
async function publishedSheetsOf(path: string, options: LoadOptions): Promise<readonly PublishedSheet[]> {
  const { workbookSheets, csvSheet } = await import('./published-read.js');
  if (path.toLowerCase().endsWith('.csv')) {
    const read = await readBytes(path, 'not found');
    if (!read.bytes) throw new InputError(read.problem ? [read.problem] : []);
    const csv = await csvSheet(path, read.bytes, options.encoding ?? 'auto');
    if (!csv.sheet) throw new InputError(csv.problems);
    return [csv.sheet];
  }
  const { openWorkbook } = await import('./xlsx.js');
  const opened = await openWorkbook(path, path);
  if (!opened.workbook) throw new InputError(opened.problems);
  const read = await workbookSheets(path, opened.workbook.sheets);
  if (read.problems.length > 0) throw new InputError(read.problems);
  return read.sheets;
}

/** Load one CSV file saved from a sheet laid out as published (see \`published.ts\`). */
async function loadPublishedCsv(file: string, options: LoadOptions): Promise<Programme> {
  const { publishedProgramme, readPublishedSheets } = await import('./published-read.js');
  const sheets = await publishedSheetsOf(file, options);
  return publishedProgramme(file, readPublishedSheets(sheets, await layoutOf(options)), noteOf(options));
}

/** Read a file's bytes, or say why not (`absentMessage` when it does not exist; a file over its size limit is refused unread). */
async function readBytes(path: string, absentMessage: string): Promise<{ readonly bytes?: Buffer; readonly problem?: Problem }> {
  try {
    const read = await readFileWithin(path, fileSizeLimitFor(path));
    if (read.size !== undefined) return { problem: { file: path, message: fileSizeMessage(read.size, fileSizeLimitFor(path)) } };
    return { bytes: read.bytes };
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { problem: { file: path, message: absentMessage } };
    return { problem: { file: path, message: fileProblemMessage(error) ?? `cannot be read (${String(error)})` } };
  }
}

/** Load a folder of CSV files (see {@link loadProgramme}). */
async function loadFolder(folder: string, options: LoadOptions): Promise<Programme> {
  const encoding = options.encoding ?? 'auto';
  const delimiter = options.delimiter ?? 'auto';
  const decimalComma = options.decimalComma ?? false;
  const problems: Problem[] = [];
  const tables: Table[] = [];
  for (const layout of TABLE_LAYOUTS) {
    const file = join(folder, `${layout.id}.csv`);
    const read = await readBytes(file, `not found (the ${layout.id} table is required)`);
    if (!read.bytes) {
      if (read.problem) problems.push(read.problem);
      continue;
    }
    const grid = await readCsvRows(read.bytes, { encoding, delimiter, recognises: isTableLabel }, file);
    reportDelimiter(file, grid, options);
    problems.push(...grid.problems);
    if (grid.problems.length > 0) continue;
    const built = buildTable(layout, grid.rows, { file }, { checkWidth: true, decimalComma, refuseAmbiguous: grid.delimiter?.delimiter === ';' });
    problems.push(...built.problems);
    if (built.table) tables.push(built.table);
  }
  let headline: readonly HeadlineStatement[] = [];
  const headlineFile = join(folder, `${HEADLINE_NAME}.csv`);
  if (existsSync(headlineFile)) {
    const read = await readBytes(headlineFile, 'not found');
    if (read.problem) problems.push(read.problem);
    if (read.bytes) {
      const grid = await readCsvRows(read.bytes, { encoding, delimiter, recognises: isHeadlineLabel }, headlineFile);
      reportDelimiter(headlineFile, grid, options);
      problems.push(...grid.problems);
      if (grid.problems.length === 0) {
        const built = buildHeadline(grid.rows, { file: headlineFile }, { decimalComma, refuseAmbiguous: grid.delimiter?.delimiter === ';' });
        problems.push(...built.problems);
        headline = built.headline ?? [];
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { name: basename(resolve(folder)), path: folder, tables, headline };
}

/**
 * Load an .xlsx workbook (see {@link loadProgramme}): fn-model's own layout when a sheet is
 * named by a table id and no layout file is given ({@link isOneSheetPerTable}), otherwise
 * laid out as published (tables found by title on any sheet, see `published.ts`).
 */
async function loadWorkbook(file: string, options: LoadOptions): Promise<Programme> {
  const decimalComma = options.decimalComma ?? false;
  // Imported here, not at the top: a CSV dataset never needs the workbook reader (nor
  // yauzl), which is ~65 KB of code to compile at start-up.
  const { openWorkbook, worksheetRows } = await import('./xlsx.js');
  const opened = await openWorkbook(file, file);
  if (!opened.workbook) throw new InputError(opened.problems);
  const workbook = opened.workbook;
  if (options.layout !== undefined || !isOneSheetPerTable(workbook.sheets.map((sheet) => sheet.name))) {
    const { workbookSheets, publishedProgramme, readPublishedSheets } = await import('./published-read.js');
    const read = await workbookSheets(file, workbook.sheets);
    if (read.problems.length > 0) throw new InputError(read.problems);
    return publishedProgramme(file, readPublishedSheets(read.sheets, await layoutOf(options)), noteOf(options));
  }
  const problems: Problem[] = [];
  const tables: Table[] = [];
  for (const layout of TABLE_LAYOUTS) {
    const worksheet = workbook.sheet(layout.id);
    if (!worksheet) {
      problems.push({ file, message: `missing sheet ${JSON.stringify(layout.id)} (the ${layout.id} table is required)` });
      continue;
    }
    const source = { file, sheet: worksheet.name };
    const grid = worksheetRows(worksheet, source);
    problems.push(...grid.problems);
    if (grid.rows.length === 0 && grid.problems.length > 0) continue; // refused whole (over the size limits)
    const built = buildTable(layout, grid.rows, source, { checkWidth: false, decimalComma });
    problems.push(...built.problems);
    if (built.table) tables.push(built.table);
  }
  let headline: readonly HeadlineStatement[] = [];
  const headlineSheet = workbook.sheet(HEADLINE_NAME);
  if (headlineSheet) {
    const source = { file, sheet: headlineSheet.name };
    const grid = worksheetRows(headlineSheet, source);
    problems.push(...grid.problems);
    const built = buildHeadline(grid.rows, source, { decimalComma });
    problems.push(...built.problems);
    headline = built.headline ?? [];
  }
  if (problems.length > 0) throw new InputError(problems);
  return { name: basename(file).replace(/\.xlsx$/i, ''), path: file, tables, headline };
}
