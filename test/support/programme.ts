/**
 * Build small in-memory programmes for engine tests, from rows of decimal strings.
 */
import { amountOf, type Amount } from '../../src/money/index.js';
import { TABLE_LAYOUTS, type Field, type Line, type Programme, type Table, type TableId } from '../../src/model/index.js';

/** A line as test text: id and the table's fields in order ('' = absent). */
export type LineRow = readonly [id: string, ...values: string[]];

/** Build a programme with the standard seven tables; tables not given have no lines and nothing stated. */
export function programmeOf(spec: Partial<Record<TableId, { lines?: readonly LineRow[]; total?: readonly string[] }>>): Programme {
  const tables: Table[] = TABLE_LAYOUTS.map((layout) => {
    const given = spec[layout.id] ?? {};
    const file = `${layout.id}.csv`;
    const lines: Line[] = (given.lines ?? []).map(([id, ...values], index) => {
      const inputs: Partial<Record<Field, Amount>> = {};
      const stated: Partial<Record<Field, Amount>> = {};
      layout.fields.forEach((field, column) => {
        const text = values[column];
        if (text === undefined || text === '') return;
        if (field === 'total' || field === 'variance') stated[field] = amountOf(text);
        else inputs[field] = amountOf(text);
      });
      return { id, name: id, inputs, stated, sources: {}, row: index + 2 };
    });
    const stated: Partial<Record<Field, Amount>> = {};
    layout.fields.forEach((field, column) => {
      const text = given.total?.[column];
      if (text !== undefined && text !== '') stated[field] = amountOf(text);
    });
    return { ...layout, lines, stated, statedSources: {}, source: { file } };
  });
  return { name: 'test', path: 'test', tables, headline: [] };
}
