/**
 * Build `data/march-2021-published.xlsx` and `data/march-2021-published.csv` from the bundled
 * CSV folder `data/march-2021/`: the March 2021 "Benefits Realisation" tables laid out as the
 * report publishes them (shared/seeds/004_fb9c27c9afcf816b.txt, lines 130–198), on one sheet
 * "Benefits Realisation", for `--data book.xlsx` to read as published (docs/published-layout.md).
 *
 * The sheet: the report's heading block ("FUTURE NORTHANTS", Programme Name, Enabler, …);
 * then each table: a bold title row merged across the table ("Future Northants Programme
 * Costs"), a two-row header ("Ref" and "Description" merged down; "Investment / Costs" or
 * "Savings" merged over the period columns; "Year End Outturn Projection" over "2020/21 £000";
 * for NCC savings "Further analysis of 2020/21 variance" merged over the delayed columns),
 * the lines (a Ref column holds the line id), the FN costs block's empty "Sub Total" row, the
 * bold total row (no Ref, "Total FN Programme Costs"), the cross-table totals directly below
 * the NCC blocks ("Total", "Total savings"), a notes row and a blank row; last, the
 * "Combined Impact: …" sentence. Figures are numbers in the report's format
 * `#,##0;(#,##0);"-"` ("-" kept as text where the CSV has it). The CSV is the same sheet as
 * Excel saves it: each cell's shown text, a merged range's text in its first cell only.
 *
 * The blocks are exported so tests can lay them out in another order with other gaps.
 * Deterministic and atomic, like `build-workbook.ts`.
 *
 * Usage: `npm run build:published` (or `node dist/scripts/build-published.js [folder] [out-stem]`).
 */
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { toDecimalString, type Amount } from '../src/money/index.js';
import type { Field, Programme, Table, TableId } from '../src/model/index.js';
import { bundledDatasetPath, loadProgramme } from '../src/load/index.js';
import { columnLetters } from '../src/load/published.js';
import { REPORT_NUMBER_FORMAT, csvTexts, fixZipEntryTimes, writeAtomically } from './build-workbook.js';

/** One cell of the published sheet: text, a whole £000 figure, or empty. */
export type PublishedCell = string | number | null;

/** A run of rows (a table, the heading block, a note) with its merged ranges (rows relative to the block's first row, columns 0-based) and bold rows. */
export interface PublishedBlock {
  readonly name: string;
  readonly rows: readonly (readonly PublishedCell[])[];
  readonly merges: readonly (readonly [number, number, number, number])[];
  readonly bold: readonly number[];
}

/** The published sheet's name. */
export const PUBLISHED_SHEET = 'Benefits Realisation';

/** The fixed date stamped on the workbook so rebuilds are identical. */
const WORKBOOK_DATE = new Date('2021-03-31T00:00:00Z');

/** The published labels of the second header row, by field. */
const LOWER_LABELS: Readonly<Record<Field, string>> = {
  '2019/20': '2019/20 £000',
  '2020/21': '2020/21 £000',
  '2021/24': '2021/24 £000',
  total: 'Total £000',
  outturn: '2020/21 £000',
  variance: '2020/21 £000',
  delayedWholly: 'Delayed but wholly deliverable in 2021/22 £000',
  delayedPartly: 'Delayed but partly deliverable in 2021/22 £000',
};

/** The first header row's labels over single columns. */
const UPPER_LABELS: Readonly<Partial<Record<Field, string>>> = {
  outturn: 'Year End Outturn Projection',
  variance: 'Variance Under / (Over)',
};

/** A whole £000 amount as a number, else its exact text. */
function figureOf(amount: Amount | undefined, text: string): PublishedCell {
  if (amount === undefined) return null;
  if (text.trim() === '-') return '-';
  const decimal = toDecimalString(amount);
  const value = Number(decimal);
  return Number.isSafeInteger(value) && String(value) === decimal ? value : decimal;
}

/** The report's title for each table block as published. */
const BLOCK_TITLES: Readonly<Partial<Record<TableId, string>>> = {
  'fn-costs': 'Future Northants Programme Costs',
  'brp-investment': 'Business Rates Funded Projects - Investment / Costs',
  'brp-savings': 'Business Rates Funded Projects - Savings',
  'ncc-investment': 'NCC Transformation - Investment/Costs',
  'ncc-savings': 'NCC Transformation - Savings',
};

/** The cross-table total printed directly below each NCC block. */
const FOLLOWERS: Readonly<Partial<Record<TableId, TableId>>> = { 'ncc-investment': 'all-costs', 'ncc-savings': 'all-savings' };

/** A table's block: title, two-row header, lines, total, and the cross-table total below it (if any). */
async function tableBlock(programme: Programme, folder: string, table: Table): Promise<PublishedBlock> {
  const width = 2 + table.fields.length;
  const pad = (cells: PublishedCell[]): PublishedCell[] => [...cells, ...Array<PublishedCell>(Math.max(0, width - cells.length)).fill(null)];
  const rows: PublishedCell[][] = [];
  const merges: [number, number, number, number][] = [];
  rows.push(pad([BLOCK_TITLES[table.id] ?? table.title]));
  merges.push([0, 0, 0, width - 1]);
  const upper: PublishedCell[] = pad(['Ref', 'Description', table.kind === 'costs' ? 'Investment / Costs' : 'Savings']);
  const lower: PublishedCell[] = pad([null, null]);
  table.fields.forEach((field, index) => {
    lower[index + 2] = LOWER_LABELS[field];
    if (UPPER_LABELS[field] !== undefined) upper[index + 2] = UPPER_LABELS[field] ?? null;
  });
  merges.push([1, 0, 2, 0], [1, 1, 2, 1], [1, 2, 1, 5]);
  if (table.fields.includes('delayedWholly')) {
    upper[table.fields.indexOf('delayedWholly') + 2] = 'Further analysis of 2020/21 variance';
    merges.push([1, table.fields.indexOf('delayedWholly') + 2, 1, table.fields.indexOf('delayedPartly') + 2]);
  }
  rows.push(upper, lower);
  const bold = [0, 1, 2];
  const figures = async (of: Table, row: number, values: Readonly<Partial<Record<Field, Amount>>>): Promise<PublishedCell[]> => {
    const textAt = await csvTexts(join(folder, `${of.id}.csv`), of.id);
    return table.fields.map((field) => figureOf(values[field], textAt(row, field)));
  };
  for (const line of table.lines) rows.push([line.id, line.name, ...(await figures(table, line.row, { ...line.inputs, ...line.stated }))]);
  if (table.id === 'fn-costs') rows.push(pad([null, 'Sub Total'])); // printed empty in the report
  const totalRow = Object.values(table.statedSources)[0]?.row ?? 0;
  rows.push([null, table.totalName ?? 'Total', ...(await figures(table, totalRow, table.stated))]);
  bold.push(rows.length - 1);
  const followerId = FOLLOWERS[table.id];
  const follower = programme.tables.find((candidate) => candidate.id === followerId);
  if (follower) {
    const followerRow = Object.values(follower.statedSources)[0]?.row ?? 0;
    rows.push([null, follower.totalName ?? 'Total', ...(await figures(follower, followerRow, follower.stated))]);
    bold.push(rows.length - 1);
  }
  return { name: table.id, rows, merges, bold };
}

/** The report's heading block (above the tables). */
export function headingBlock(): PublishedBlock {
  return {
    name: 'heading',
    rows: [['FUTURE NORTHANTS'], ['Programme Name', 'Benefits Realisation'], ['Enabler', 'Audra Statham'], ['Date approved by Programme Lead', 'March 2021'], ['Document Author', 'Jeff Abbott']],
    merges: [[0, 0, 0, 3]],
    bold: [0],
  };
}

/** The "Combined Impact" sentence, in the words of the headline. */
export function headlineBlock(programme: Programme): PublishedBlock {
  const phrase = (figure: string): string => programme.headline.find((statement) => statement.figure === figure)?.description ?? '';
  const sentence = `Combined Impact: ${phrase('cost-underspend')} offsetting a ${phrase('savings-shortfall')} provides ${phrase('combined-adverse-movement')}`;
  return { name: 'headline', rows: [[sentence]], merges: [[0, 0, 0, 9]], bold: [] };
}

/** A notes row, as officers put between tables. */
export function noteBlock(text: string): PublishedBlock {
  return { name: 'note', rows: [[text]], merges: [], bold: [] };
}

/** The five table blocks in the report's order (the cross-table totals inside the NCC blocks). */
export async function tableBlocks(programme: Programme, folder: string): Promise<PublishedBlock[]> {
  const blocks: PublishedBlock[] = [];
  for (const table of programme.tables) if (BLOCK_TITLES[table.id] !== undefined) blocks.push(await tableBlock(programme, folder, table));
  return blocks;
}

/** The sheet as published: heading, then each table followed by a note and a blank row, then the headline. */
export async function publishedBlocks(programme: Programme, folder: string): Promise<PublishedBlock[]> {
  const notes: Readonly<Partial<Record<string, string>>> = {
    'fn-costs': 'Staff costs cover NCC Transformation and LG Transformation.',
    'brp-savings': 'Savings rows are the projects above, in the same order.',
    'ncc-savings': 'Delayed savings are analysed further in the narrative.',
  };
  const blocks: PublishedBlock[] = [headingBlock(), noteBlock('')];
  for (const block of await tableBlocks(programme, folder)) {
    blocks.push(block);
    const note = notes[block.name];
    if (note !== undefined) blocks.push(noteBlock(`Note: ${note}`));
    blocks.push(noteBlock(''));
  }
  blocks.push(headlineBlock(programme));
  return blocks;
}

/** Lay blocks out on a worksheet from row 1, one after another. */
export function writeBlocks(sheet: ExcelJS.Worksheet, blocks: readonly PublishedBlock[]): void {
  let top = 1;
  for (const block of blocks) {
    block.rows.forEach((cells, offset) => {
      const row = sheet.getRow(top + offset);
      cells.forEach((value, index) => {
        if (value === null || value === '') return;
        const cell = row.getCell(index + 1);
        cell.value = value;
        if (typeof value === 'number' || value === '-') {
          cell.numFmt = REPORT_NUMBER_FORMAT;
          cell.alignment = { horizontal: 'right' };
        }
      });
      if (block.bold.includes(offset)) row.font = { bold: true };
    });
    for (const [r1, c1, r2, c2] of block.merges) sheet.mergeCells(`${columnLetters(c1)}${top + r1}:${columnLetters(c2)}${top + r2}`);
    top += Math.max(1, block.rows.length);
  }
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 55;
  for (let column = 3; column <= 10; column += 1) sheet.getColumn(column).width = 16;
}

/** A whole £000 figure as the report's number format shows it: `1,234`, `(158)`, `-` for zero. */
function shownText(value: PublishedCell): string {
  if (value === null) return '';
  if (typeof value !== 'number') return value;
  const grouped = String(Math.abs(value)).replace(/\B(?=([0-9]{3})+(?![0-9]))/g, ','); // number-ok: a whole £000 spreadsheet number, shown as text
  return value === 0 ? '-' : value < 0 ? `(${grouped})` : grouped;
}

/** The blocks as Excel saves the sheet as CSV: shown text, ten columns a row. */
export function blocksCsv(blocks: readonly PublishedBlock[]): string {
  const records = blocks.flatMap((block) => (block.rows.length === 0 ? [[]] : block.rows)).map((cells) => {
    const texts = cells.map(shownText);
    return [...texts, ...Array<string>(Math.max(0, 10 - texts.length)).fill('')];
  });
  return stringify(records, { record_delimiter: '\r\n' });
}

/** A workbook of one sheet holding the blocks. */
export function blocksWorkbook(blocks: readonly PublishedBlock[], sheetName = PUBLISHED_SHEET): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'fn-model';
  workbook.lastModifiedBy = 'fn-model';
  workbook.created = WORKBOOK_DATE;
  workbook.modified = WORKBOOK_DATE;
  writeBlocks(workbook.addWorksheet(sheetName), blocks);
  return workbook;
}

/** Load `folder` and write `<stem>.xlsx` and `<stem>.csv` laid out as published. @throws InputError if the CSVs do not load. */
export async function writePublishedDataset(folder: string, stem: string): Promise<void> {
  const programme = await loadProgramme(folder);
  const blocks = await publishedBlocks(programme, folder);
  const bytes = await blocksWorkbook(blocks).xlsx.writeBuffer();
  await writeAtomically(`${stem}.xlsx`, fixZipEntryTimes(new Uint8Array(bytes as ArrayBuffer)));
  await writeAtomically(`${stem}.csv`, Buffer.from(blocksCsv(blocks), 'utf8'));
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(basename(process.argv[1]));
if (isMain) {
  const folder = process.argv[2] ?? bundledDatasetPath();
  const stem = process.argv[3] ?? join(dirname(folder), `${basename(folder)}-published`);
  writePublishedDataset(folder, stem).then(
    () => process.stdout.write(`wrote ${stem}.xlsx and ${stem}.csv\n`),
    (error: unknown) => {
      process.stderr.write(`build-published: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
