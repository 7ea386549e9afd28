/**
 * Reading the headline statements (the report's "Combined Impact" sentence) from
 * `headline.csv` or a workbook's `headline` sheet: columns `figure,description,amount,unit`.
 */
import { millionsToThousands } from '../money/index.js';
import { HEADLINE_FIGURES, type HeadlineFigure, type HeadlineStatement, type SourceCell } from '../model/index.js';
import type { Problem } from './errors.js';
import { findHeader, isComputedLabel, normaliseLabel, type HeaderVocabulary } from './header.js';
import { isBlankRow, lineOfCell, textAmount, type GridRow, type GridSource } from './table.js';

/** A column of the headline file. */
export type HeadlineColumn = 'figure' | 'description' | 'amount' | 'unit';

const HEADLINE_COLUMNS: readonly HeadlineColumn[] = ['figure', 'description', 'amount', 'unit'];

/** Whether a label names a headline column (for detecting the headline file's delimiter). */
export function isHeadlineLabel(label: string): boolean {
  return HEADLINE_COLUMNS.some((column) => column === normaliseLabel(label));
}

const HEADLINE_VOCABULARY: HeaderVocabulary<HeadlineColumn> = {
  columnOf: (label) => HEADLINE_COLUMNS.find((column) => column === normaliseLabel(label)),
  anchor: 'figure',
  required: HEADLINE_COLUMNS,
  heading: (column) => column,
  ignores: isComputedLabel,
};

/**
 * Build the headline statements from rows.
 *
 * Columns and rows labelled `… (computed)` (an exported workbook's formulas) are skipped.
 * Each other non-blank row after the header states one figure: `figure` must be one of
 * {@link HEADLINE_FIGURES} and appear at most once; `amount` is parsed with `parseAmount`
 * (blank or invalid is an error); `unit` is `£m` (amount × 1000 into £000, exactly) or
 * `£000` (as is); anything else is an error. Figures that are not given are simply absent;
 * the result is in {@link HEADLINE_FIGURES} order. Text amounts are read by `textAmount`
 * (`style.decimalComma` for `--decimal-comma`, `style.refuseAmbiguous` for a `;`-separated file). Returns the statements, or every problem.
 */
export function buildHeadline(rows: readonly GridRow[], source: GridSource, style: { readonly decimalComma?: boolean; readonly refuseAmbiguous?: boolean } = {}): { readonly headline?: readonly HeadlineStatement[]; readonly problems: readonly Problem[] } {
  const place: GridSource = source.sheet === undefined ? { file: source.file } : { file: source.file, sheet: source.sheet };
  const nonBlank = rows.filter((row) => !isBlankRow(row));
  if (nonBlank.length === 0) return { problems: [{ ...place, message: 'file is empty' }] };
  const found = findHeader(nonBlank.map((row) => ({ row: row.row, texts: row.cells.map((cell) => cell.text) })), HEADLINE_VOCABULARY, place);
  const problems: Problem[] = [...found.problems];
  const header = found.header;
  if (!header || problems.length > 0) return { problems };

  const statements = new Map<HeadlineFigure, HeadlineStatement>();
  const firstRow = new Map<string, number>();
  for (const gridRow of nonBlank) {
    if (gridRow.row <= header.row) continue;
    const at = { ...place, row: gridRow.row };
    const cellOf = (column: HeadlineColumn) => gridRow.cells[header.columns.get(column) ?? 0] ?? { text: '' };
    const figureText = cellOf('figure').text.trim();
    // a computed-only row of an exported workbook ("cost-underspend (computed)")
    if (isComputedLabel(figureText)) continue;
    const figure = HEADLINE_FIGURES.find((known) => known === figureText.toLowerCase());
    if (figure === undefined) {
      problems.push({ ...at, column: 'figure', text: figureText, message: `is not a headline figure (expected one of ${HEADLINE_FIGURES.join(', ')})` });
      continue;
    }
    const first = firstRow.get(figure);
    if (first !== undefined) {
      problems.push({ ...at, column: 'figure', message: `duplicate figure ${JSON.stringify(figure)} (first at row ${first})` });
      continue;
    }
    firstRow.set(figure, gridRow.row);

    const amountCell = cellOf('amount');
    if (amountCell.unreadable) continue;
    const statedText = amountCell.text.trim();
    let amount = amountCell.amount;
    if (amount === undefined) {
      const read = textAmount(amountCell.text, style.decimalComma, style.refuseAmbiguous);
      if (read.blank) problems.push({ ...at, ...lineOfCell(amountCell), column: 'amount', message: 'is blank' });
      else if (read.amount === undefined) problems.push({ ...at, ...lineOfCell(amountCell), column: 'amount', text: amountCell.text, message: read.message ?? 'is not an amount' });
      else amount = read.amount;
    }
    const unitText = cellOf('unit').text.trim();
    const unit = unitText === '£m' || unitText === '£000' ? unitText : undefined;
    if (unit === undefined) problems.push({ ...at, ...lineOfCell(cellOf('unit')), column: 'unit', text: unitText, message: 'is not a unit (expected £m or £000)' });
    if (amount === undefined || unit === undefined) continue;

    const sourceCell: SourceCell = {
      ...place,
      row: gridRow.row,
      column: 'amount',
      ...(amountCell.address !== undefined ? { cell: amountCell.address } : {}),
    };
    statements.set(figure, {
      figure,
      description: cellOf('description').text.trim(),
      amount: unit === '£m' ? millionsToThousands(amount) : amount,
      statedText,
      unit,
      source: sourceCell,
    });
  }
  if (problems.length > 0) return { problems };
  const headline = HEADLINE_FIGURES.flatMap((figure) => {
    const statement = statements.get(figure);
    return statement ? [statement] : [];
  });
  return { headline, problems };
}
