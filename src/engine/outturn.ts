/**
 * Replacing the outturn column of a programme with actuals from elsewhere (the ledger),
 * line by line. Pure: takes the programme and the replacement figures, gives a new
 * programme; stated figures are untouched, so every stated variance is then reconciled
 * against the new outturn.
 */
import type { Amount } from '../money/index.js';
import { FIELDS, type Line, type OutturnSource, type Programme, type SourceCell, type Table, type TableId } from '../model/index.js';

/** One replacement outturn, £000, and where it came from. */
export interface ReplacementOutturn {
  readonly table: TableId;
  readonly line: string;
  readonly outturn: Amount;
  readonly source: SourceCell;
}

/**
 * A copy of `programme` whose lines take their outturn from `replacements` (matched by
 * table id and line id). Lines with no replacement keep the dataset's outturn and are
 * listed in `outturnSource.unmappedLines`. Replacements naming a line that is not in the
 * programme are returned in `unknown` for the caller to report.
 */
export function replaceOutturn(
  programme: Programme,
  replacements: readonly ReplacementOutturn[],
  source: Omit<OutturnSource, 'lines' | 'unmappedLines'>,
): { readonly programme: Programme; readonly unknown: readonly ReplacementOutturn[] } {
  const byLine = new Map(replacements.map((item) => [`${item.table}\u0000${item.line}`, item]));
  const used = new Set<string>();
  const lines: string[] = [];
  const unmappedLines: string[] = [];
  const tables: Table[] = programme.tables.map((table) => ({
    ...table,
    lines: table.lines.map((line): Line => {
      const key = `${table.id}\u0000${line.id}`;
      const replacement = byLine.get(key);
      if (!replacement) {
        unmappedLines.push(`${table.id}.${line.id}`);
        return line;
      }
      used.add(key);
      lines.push(`${table.id}.${line.id}`);
      return {
        ...line,
        inputs: { ...line.inputs, outturn: replacement.outturn },
        // by field: a loaded line's sources are getters, which a spread would not copy
        sources: Object.fromEntries(FIELDS.flatMap((field) => {
          const source = field === 'outturn' ? replacement.source : line.sources[field];
          return source === undefined ? [] : [[field, source]];
        })),
      };
    }),
  }));
  const unknown = replacements.filter((item) => !used.has(`${item.table}\u0000${item.line}`));
  return { programme: { ...programme, tables, outturnSource: { ...source, lines, unmappedLines } }, unknown };
}
