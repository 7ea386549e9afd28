/**
 * Reading an exported audit workbook's cells as data for `fn-model reconcile`: every
 * cell of the table sheets, `Headline` and `Checks` (values, text, formulas with their
 * cached values), each labelled in the report's terms, and the `About` sheet's records.
 * Opening goes through {@link openWorkbook}, so the same file checks apply.
 */
import type { Worksheet } from 'exceljs';
import { TABLE_IDS } from '../model/index.js';
import type { CellLabel, WorkbookCell } from '../engine/formula.js';
import type { Problem } from './errors.js';
import { tableColumnOf } from './header.js';
import { amountOfNumberCell, openWorkbook, withCachedResult } from './xlsx.js';

/** What an exported workbook holds besides its figures. */
export interface ExportedCells {
  readonly cells: readonly WorkbookCell[];
  /** The About sheet's records (column A label → column B text), or undefined when there is no About sheet. */
  readonly about: ReadonlyMap<string, string> | undefined;
}

/** Sheets whose cells are read: the table sheets, then these. */
const OTHER_SHEETS = ['Headline', 'Checks'] as const;

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value && Array.isArray((value as { richText: unknown[] }).richText)) {
    return (value as { richText: { text: string }[] }).richText.map((run) => run.text).join('');
  }
  return undefined;
}

/** The header row of a sheet: the first of its first ten rows with at least three text cells. */
function headerOf(worksheet: Worksheet): Map<number, string> {
  for (let row = 1; row <= Math.min(10, worksheet.rowCount); row += 1) {
    const labels = new Map<number, string>();
    worksheet.getRow(row).eachCell((cell, column) => {
      const text = textOf(cell.value);
      if (text !== undefined && text.trim() !== '') labels.set(column, text.trim());
    });
    if (labels.size >= 3) return new Map([...labels, [0, String(row)]]);
  }
  return new Map();
}

function cellsOf(worksheet: Worksheet, isTable: boolean): WorkbookCell[] {
  const header = headerOf(worksheet);
  const headerRow = Number(header.get(0) ?? 0); // number-ok: a row number
  const cells: WorkbookCell[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const rowText = (column: number) => textOf(row.getCell(column).value)?.trim() ?? '';
    const lineOf = () => (isTable || worksheet.name === 'Headline' ? rowText(1) : [rowText(1), rowText(2), rowText(3)].filter((part) => part !== '').join(' '));
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const heading = header.get(column) ?? '';
      const field = isTable ? (tableColumnOf(heading) ?? heading) : heading;
      const label: CellLabel | undefined = rowNumber > headerRow || rowNumber === 2 ? { table: isTable ? worksheet.name : worksheet.name, line: lineOf(), field } : undefined;
      const base = { sheet: worksheet.name, address: cell.address, ...(label ? { label } : {}) };
      const value = withCachedResult(cell.value, cell.result);
      if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
        const formula = cell.formula;
        const result = (value as { result?: unknown }).result;
        const cached = typeof result === 'number' ? amountOfNumberCell(result).amount : undefined;
        cells.push({ ...base, formula, ...(cached !== undefined ? { cached } : {}) });
        return;
      }
      if (typeof value === 'number') {
        const amount = amountOfNumberCell(value).amount;
        cells.push(amount !== undefined ? { ...base, value: amount } : { ...base, text: String(value) });
        return;
      }
      const text = textOf(value);
      if (text !== undefined) cells.push({ ...base, text });
    });
  });
  return cells;
}

/**
 * Read an exported workbook's cells and About records. `file` is the path as the user
 * gave it. Problems: the file cannot be opened as a workbook (see {@link openWorkbook}).
 */
export async function readExportedCells(path: string, file: string): Promise<{ readonly exported?: ExportedCells; readonly problems: readonly Problem[] }> {
  const opened = await openWorkbook(path, file);
  if (!opened.workbook) return { problems: opened.problems };
  const { workbook } = opened;
  const cells: WorkbookCell[] = [];
  for (const id of TABLE_IDS) {
    const worksheet = workbook.sheet(id);
    if (worksheet) for (const cell of cellsOf(worksheet, true)) cells.push(cell);
  }
  for (const name of OTHER_SHEETS) {
    const worksheet = workbook.sheet(name);
    if (worksheet) for (const cell of cellsOf(worksheet, false)) cells.push(cell);
  }
  const aboutSheet = workbook.sheet('About');
  let about: Map<string, string> | undefined;
  if (aboutSheet) {
    about = new Map();
    aboutSheet.eachRow((row) => {
      const label = textOf(row.getCell(1).value)?.trim();
      const value = textOf(row.getCell(2).value)?.trim();
      if (label && value !== undefined) about?.set(label, value);
    });
  }
  return { exported: { cells, about }, problems: [] };
}
