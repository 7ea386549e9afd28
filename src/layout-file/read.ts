/**
 * Reading a layout file (`--layout layout.yaml`): the I/O edge for layouts. Parses YAML with
 * the `yaml` library, validates with the zod schema in `schema.ts` and turns it into a
 * {@link PublishedLayout}. Every problem is one line located at the layout file's line
 * (`layout.yaml:7: tables.fn-costs: give exactly one of title, range or below`), raised as an
 * {@link InputError} (exit 2 in `src/cli.ts`).
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { TableId } from '../model/index.js';
import { InputError, fileProblemMessage, type Problem } from '../load/errors.js';
import { tableColumnOf, type TableColumn } from '../load/header.js';
import { parseRange, type PublishedLayout, type TablePlacement } from '../load/published.js';
import { locator, plain, zodProblems, type Parsed } from '../scenarios-file/read.js';
import { layoutFileSchema } from './schema.js';

/** A layout file's place for a key path, as a {@link Problem} location: the file and line. */
function placeAt(parsed: Parsed, path: readonly (string | number)[]): Pick<Problem, 'file' | 'row'> {
  const origin = parsed.at(path);
  return { file: parsed.file, row: origin.line };
}

/**
 * Parse the text of a layout file named `file` (as the user gave it).
 * @throws InputError with one located line: YAML syntax (the first error only),
 *   an empty file, or the first thing the schema refuses (unknown key, unknown table id, a table
 *   with none or two of title/range/below, a bad cell range).
 */
export function parseLayout(file: string, text: string): PublishedLayout {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const first = document.errors[0];
  if (first) throw new InputError([{ file, row: counter.linePos(first.pos[0]).line, message: first.message.split('\n')[0] ?? 'YAML error' }]);
  if (document.contents === null) throw new InputError([{ file, row: 1, message: 'is empty (a layout file has tables:; see docs/published-layout.md)' }]);
  const parsed: Parsed = { file, value: plain(document.contents) ?? {}, at: locator(file, document, counter) };
  const checked = layoutFileSchema.safeParse(parsed.value);
  if (!checked.success) {
    // one cause, one line: later issues (e.g. "give exactly one of title, range or below" after a misspelt key) follow from the first
    const [problem] = zodProblems(checked.error, parsed);
    throw new InputError([{ file, row: problem?.origin.line ?? 1, message: problem?.message ?? 'is not a layout file' }]);
  }
  const tables = new Map<TableId, TablePlacement>();
  for (const [id, entry] of Object.entries(checked.data.tables) as [TableId, NonNullable<(typeof checked.data.tables)[TableId]>][]) {
    const columns = new Map<TableColumn, string>();
    for (const [heading, label] of Object.entries(entry.columns ?? {})) {
      const column = tableColumnOf(heading);
      if (column !== undefined && label !== undefined) columns.set(column, label);
    }
    const range = entry.range !== undefined ? parseRange(entry.range) : undefined;
    tables.set(id, {
      id,
      ...(entry.sheet !== undefined ? { sheet: entry.sheet } : {}),
      ...(entry.title !== undefined ? { title: entry.title } : {}),
      ...(range !== undefined ? { range } : {}),
      ...(entry.below !== undefined ? { below: entry.below } : {}),
      columns,
      at: (key) => placeAt(parsed, key === undefined ? ['tables', id] : key.startsWith('columns.') ? ['tables', id, 'columns', key.slice('columns.'.length)] : ['tables', id, key]),
    });
  }
  const headline = checked.data.headline;
  return {
    file,
    tables,
    ...(headline
      ? { headline: { ...(headline.sheet !== undefined ? { sheet: headline.sheet } : {}), cell: headline.cell, at: () => placeAt(parsed, ['headline', 'cell']) } }
      : {}),
  };
}

/**
 * Read and parse the layout file at `path` (see {@link parseLayout}).
 * @throws InputError when it cannot be read (one line: not found, a folder, …) or is not a valid layout.
 */
export async function readLayout(path: string): Promise<PublishedLayout> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError([{ file: path, message: fileProblemMessage(error) ?? `cannot be read (${String(error)})` }]);
  }
  return parseLayout(path, text);
}
