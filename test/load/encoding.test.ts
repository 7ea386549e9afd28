import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from '../../src/money/index.js';
import type { Programme } from '../../src/model/index.js';
import { bundledDatasetPath, loadProgramme, type LoadOptions } from '../../src/load/index.js';
import { datasetWith, problemsOf } from './dataset-fixture.js';

/** Every figure of a programme, with its source row, as text. */
function figures(programme: Programme): string[] {
  return programme.tables.flatMap((table) => [
    ...table.lines.flatMap((line) =>
      Object.entries({ ...line.inputs, ...line.stated }).map(([field, amount]) => `${table.id}/${line.id}/${line.name}/${field}=${toDecimalString(amount!)}@${line.row}`),
    ),
    ...Object.entries(table.stated).map(([field, amount]) => `${table.id}/TOTAL/${field}=${toDecimalString(amount!)}`),
  ]).concat(programme.headline.map((statement) => `${statement.figure}=${toDecimalString(statement.amount)} ${statement.unit} ${statement.description}`));
}

const clean = figures(await loadProgramme(bundledDatasetPath()));
const NAMES = readdirSync(bundledDatasetPath()).filter((name) => name.endsWith('.csv'));

/** A copy of the dataset with every CSV (headline.csv has £) re-encoded. */
async function reencoded(encode: (text: string) => Uint8Array, options?: LoadOptions): Promise<string[]> {
  const files = Object.fromEntries(NAMES.map((name) => [name, encode(readFileSync(join(bundledDatasetPath(), name), 'utf8'))]));
  return figures(await loadProgramme(datasetWith(files), options));
}

describe('encodings and line endings give the same figures as the clean file', () => {
  it('UTF-8 with a BOM', async () => {
    expect(await reencoded((text) => Buffer.from(`\ufeff${text}`, 'utf8'))).toEqual(clean);
  });
  it('CRLF line endings', async () => {
    expect(await reencoded((text) => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'))).toEqual(clean);
  });
  it('Windows-1252 (£ is byte A3), detected automatically and when named', async () => {
    const encode = (text: string) => iconv.encode(text, 'windows-1252');
    expect(encode('£')).toEqual(Buffer.from([0xa3]));
    expect(await reencoded(encode)).toEqual(clean);
    expect(await reencoded(encode, { encoding: 'windows-1252' })).toEqual(clean);
  });
  it('UTF-16LE and UTF-16BE with a BOM', async () => {
    expect(await reencoded((text) => iconv.encode(text, 'utf16le', { addBOM: true }))).toEqual(clean);
    expect(await reencoded((text) => iconv.encode(text, 'utf16le', { addBOM: true }), { encoding: 'utf16le' })).toEqual(clean);
    expect(await reencoded((text) => iconv.encode(text, 'utf16be', { addBOM: true }))).toEqual(clean);
  });
  it('UTF-16 without a BOM is refused under auto, and read when named', async () => {
    const encode = (text: string) => iconv.encode(text, 'utf16le');
    const folder = datasetWith({ 'headline.csv': encode(readFileSync(join(bundledDatasetPath(), 'headline.csv'), 'utf8')) });
    expect(await problemsOf(folder)).toEqual([`${join(folder, 'headline.csv')}: has NUL bytes and no byte-order mark: probably UTF-16; name the encoding (utf16le or utf16be)`]);
    expect(await reencoded(encode, { encoding: 'utf16le' })).toEqual(clean);
  });
  it('named utf8 refuses bytes that are not UTF-8', async () => {
    const folder = datasetWith({ 'headline.csv': iconv.encode(readFileSync(join(bundledDatasetPath(), 'headline.csv'), 'utf8'), 'windows-1252') });
    expect(await problemsOf(folder, { encoding: 'utf8' })).toEqual([`${join(folder, 'headline.csv')}: is not valid UTF-8 (try the encoding windows-1252)`]);
  });
});
