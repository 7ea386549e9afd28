// TEMPORARY STUB (replaced by the loader branch)
import { readFileSync, existsSync } from 'node:fs';
import { join, basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { parseAmount, millionsToThousands, type Amount } from '../money/index.js';
import { TABLE_LAYOUTS, FIELD_HEADINGS, type Programme, type Table, type Line, type Field, type SourceCell, type HeadlineStatement, type HeadlineFigure } from '../model/index.js';
import { InputError } from './errors.js';
export interface LoadOptions { readonly encoding?: string }
export function bundledDatasetPath(): string { return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'march-2021'); }
export async function loadProgramme(path: string, _o?: LoadOptions): Promise<Programme> {
  if (!existsSync(path)) throw new InputError([{ file: path, message: 'not found' }]);
  const tables: Table[] = TABLE_LAYOUTS.map((layout) => {
    const file = join(path, `${layout.id}.csv`);
    const rows: string[][] = parse(readFileSync(file, 'utf8'), { bom: true });
    const head = rows[0]!;
    const col = (f: string) => head.indexOf(f);
    const lines: Line[] = []; const stated: Partial<Record<Field, Amount>> = {}; const statedSources: Partial<Record<Field, SourceCell>> = {};
    rows.slice(1).forEach((r, i) => {
      const row = i + 2;
      const get = (f: Field) => { const p = parseAmount(r[col(FIELD_HEADINGS[f])] ?? ''); return p.kind === 'amount' ? p.value : undefined; };
      if (r[0] === 'TOTAL') { for (const f of layout.fields) { const v = get(f); if (v) { stated[f] = v; statedSources[f] = { file, row, column: f }; } } return; }
      const inputs: Partial<Record<Field, Amount>> = {}; const st: Partial<Record<Field, Amount>> = {}; const sources: Partial<Record<Field, SourceCell>> = {};
      for (const f of layout.fields) { const v = get(f)!; (f === 'total' || f === 'variance' ? st : inputs)[f] = v; sources[f] = { file, row, column: f }; }
      lines.push({ id: r[0]!, name: r[1]!, inputs, stated: st, sources, row });
    });
    return { id: layout.id, title: layout.title, kind: layout.kind, fields: layout.fields, covers: layout.covers, lines, stated, statedSources, source: { file } };
  });
  const headline: HeadlineStatement[] = [];
  const hf = join(path, 'headline.csv');
  if (existsSync(hf)) parse(readFileSync(hf, 'utf8'), { bom: true }).slice(1).forEach((r: string[], i: number) => {
    const p = parseAmount(r[2]!); if (p.kind !== 'amount') return;
    headline.push({ figure: r[0] as HeadlineFigure, description: r[1]!, amount: millionsToThousands(p.value), statedText: r[2]!, unit: '£m', source: { file: hf, row: i + 2, column: 'amount' } });
  });
  return { name: basename(path), path, tables, headline };
}
