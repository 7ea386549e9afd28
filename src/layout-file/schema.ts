/**
 * The shape of a layout file (`--layout layout.yaml`), as a zod schema: where each table of a
 * workbook laid out as published is, for when detection by title is ambiguous or fails.
 * Reference with examples: docs/published-layout.md.
 */
import { z } from 'zod';
import { FIELD_HEADINGS, TABLE_IDS } from '../model/index.js';

const text = z.string({ error: 'must be text' }).trim().min(1, 'must not be blank');

/** A cell range such as `A5:H12` (top-left to bottom-right, columns A to XFD). */
export const CELL_RANGE = /^([A-Z]{1,3})([1-9][0-9]*):([A-Z]{1,3})([1-9][0-9]*)$/;
/** A cell address such as `A42`. */
export const CELL_ADDRESS = /^([A-Z]{1,3})([1-9][0-9]*)$/;

/** The column names a layout may give labels for: `line`, `name` and the canonical field headings (`outturn`, `delayed_wholly`, …). */
export const LAYOUT_COLUMNS = ['line', 'name', ...Object.values(FIELD_HEADINGS)] as const;

const columns = z.partialRecord(z.enum(LAYOUT_COLUMNS, { error: `must be one of ${LAYOUT_COLUMNS.join(', ')}` }), text);

/**
 * Where one table is: optionally its `sheet`, and exactly one of `title` (the text of a cell
 * on the table's title row), `range` (`A5:H12`, header rows included) or `below` (the table is
 * the one total row directly below another table's total row, as the report prints its
 * cross-table totals). `columns` names the header label of any column detection misses.
 */
export const tablePlacementSchema = z
  .strictObject({
    sheet: text.optional(),
    title: text.optional(),
    range: z.string({ error: 'must be text' }).regex(CELL_RANGE, 'must be a cell range such as A5:H12').optional(),
    below: z.enum(TABLE_IDS, { error: `must be a table id (${TABLE_IDS.join(', ')})` }).optional(),
    columns: columns.optional(),
  })
  .refine((entry) => [entry.title, entry.range, entry.below].filter((value) => value !== undefined).length === 1, {
    error: 'needs exactly one of title, range or below',
  });

/** A layout file. */
export const layoutFileSchema = z.strictObject({
  tables: z.partialRecord(z.enum(TABLE_IDS, { error: `must be a table id (${TABLE_IDS.join(', ')})` }), tablePlacementSchema, { error: 'must map table ids to places' }),
  headline: z
    .strictObject({
      sheet: text.optional(),
      cell: z.string({ error: 'must be text' }).regex(CELL_ADDRESS, 'must be a cell address such as A42'),
    })
    .optional(),
});

/** A layout file as the schema accepts it. */
export type LayoutFileEntry = z.infer<typeof layoutFileSchema>;
/** One table's place as written. */
export type TablePlacementEntry = z.infer<typeof tablePlacementSchema>;
