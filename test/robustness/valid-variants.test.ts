/**
 * Valid inputs in every form finance data arrives in must give exactly the clean file's
 * report (JSON, paths aside): encodings (UTF-8 BOM, CRLF, Windows-1252 `£`, UTF-16 LE/BE with
 * BOM), every accepted amount style (`1,234`, `(1,234)`, `-1,234`, `£1,234`, padded, the
 * Unicode minus), and workbooks with amounts stored as text or as formulas with cached values.
 * Runs the built CLI's `main()` in-process.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/money/index.js';
import { ROOT } from '../support/run-cli.js';

type Run = (args: readonly string[]) => Promise<{ exit: number; stdout: string; stderr: string }>;
let runInProcess: Run;
const work = mkdtempSync(join(tmpdir(), 'fn-model-valid-'));
const BUNDLED = join(ROOT, 'data', 'march-2021');
const WORKBOOK = join(ROOT, 'data', 'march-2021.xlsx');
let cleanFolderReport: string;
let cleanWorkbookReport: string;

/** The JSON report for `path`, with the dataset's path and name replaced so reports of copies compare. */
async function report(path: string, options: readonly string[] = []): Promise<string> {
  const run = await runInProcess(['variance', '--data', path, '--format', 'json', ...options]);
  expect(run.stderr).toBe('');
  expect(run.exit).toBe(0);
  return run.stdout.split(JSON.stringify(path).slice(1, -1)).join('<path>').replace(/"name": "[^"]*"/, '"name": "<name>"');
}

beforeAll(async () => {
  ({ runInProcess } = (await import(pathToFileURL(join(ROOT, 'dist', 'scripts', 'fuzz', 'in-process.js')).href)) as { runInProcess: Run });
  process.env.NO_COLOR = '1';
  cleanFolderReport = await report(copyOf('clean', (text) => Buffer.from(text)));
  cleanWorkbookReport = await report(WORKBOOK);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the bundled folder with every CSV rewritten by `encode`. */
function copyOf(name: string, encode: (text: string, file: string) => Uint8Array): string {
  const folder = join(work, name, 'data');
  cpSync(BUNDLED, folder, { recursive: true });
  for (const file of readdirSync(folder).filter((entry) => entry.endsWith('.csv'))) writeFileSync(join(folder, file), encode(readFileSync(join(BUNDLED, file), 'utf8'), file));
  return folder;
}

/** Rewrite every amount cell of the table CSVs (not the headline) in one style; nil `-` and blanks stay. */
function restyled(style: (digits: string, negative: boolean) => string) {
  return (text: string, file: string): Uint8Array => {
    if (file === 'headline.csv') return Buffer.from(text);
    const lines = text.split('\n').map((line, index) => {
      if (index === 0 || line === '') return line;
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? [];
      return cells
        .map((cell, column) => {
          const separator = cell.endsWith(',') ? ',' : '';
          const raw = separator ? cell.slice(0, -1) : cell;
          const value = raw.startsWith('"') ? raw.slice(1, -1) : raw;
          const parsed = parseAmount(value);
          if (column < 2 || parsed.kind !== 'amount' || value.trim() === '-') return cell;
          const restyledCell = style(parsed.value.abs().toFixed(), parsed.value.isNegative());
          return `"${restyledCell}"${separator}`;
        })
        .join('')
        .replace(/,$/, line.endsWith(',') ? ',' : '');
    });
    return Buffer.from(lines.join('\n'));
  };
}

const grouped = (digits: string) => Number.parseInt(digits, 10).toLocaleString('en-GB');

describe('valid variants give the clean report', () => {
  it.each([
    ['UTF-8 with BOM', (text: string) => Buffer.from(`\ufeff${text}`)],
    ['CRLF line endings', (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'))],
    ['Windows-1252 (Excel "CSV" on Windows)', (text: string) => iconv.encode(text, 'windows-1252')],
    ['UTF-16LE with BOM (Excel "Unicode text")', (text: string) => iconv.encode(text, 'utf16le', { addBOM: true })],
    ['UTF-16BE with BOM', (text: string) => iconv.encode(text, 'utf16be', { addBOM: true })],
  ])('%s', async (name, encode) => {
    expect(await report(copyOf(name.replace(/\W+/g, '-'), encode))).toBe(cleanFolderReport);
  });

  it('Windows-1252 named with --encoding', async () => {
    expect(await report(copyOf('cp1252-named', (text) => iconv.encode(text, 'windows-1252')), ['--encoding', 'windows-1252'])).toBe(cleanFolderReport);
  });

  it.each([
    ['plain 1234 and -1234', (digits: string, negative: boolean) => `${negative ? '-' : ''}${digits}`],
    ['grouped 1,234 and -1,234', (digits: string, negative: boolean) => `${negative ? '-' : ''}${grouped(digits)}`],
    ['brackets (1,234)', (digits: string, negative: boolean) => (negative ? `(${grouped(digits)})` : grouped(digits))],
    ['pound £1,234 and -£1,234', (digits: string, negative: boolean) => `${negative ? '-' : ''}£${grouped(digits)}`],
    ['padded cells', (digits: string, negative: boolean) => `  ${negative ? `(${grouped(digits)})` : grouped(digits)} \u00a0`],
    ['Unicode minus −158', (digits: string, negative: boolean) => `${negative ? '\u2212' : ''}${digits}`],
  ])('amounts written %s', async (name, style) => {
    const folder = copyOf(name.replace(/\W+/g, '-'), restyled(style));
    expect(readFileSync(join(folder, 'brp-savings.csv'), 'utf8')).not.toBe(readFileSync(join(BUNDLED, 'brp-savings.csv'), 'utf8'));
    expect(await report(folder)).toBe(cleanFolderReport);
  });

  it('an .xlsx with amounts stored as text and as formulas with cached values', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(WORKBOOK);
    let asText = 0;
    let asFormula = 0;
    workbook.eachSheet((sheet) => {
      if (sheet.name === 'headline') return;
      sheet.eachRow((row, rowNumber) => {
        row.eachCell((cell, columnNumber) => {
          if (typeof cell.value !== 'number' || columnNumber < 3) return;
          const value = cell.value;
          if ((rowNumber + columnNumber) % 2 === 0) {
            cell.value = value < 0 ? `(${(-value).toLocaleString('en-GB')})` : value.toLocaleString('en-GB');
            asText += 1;
          } else {
            cell.value = { formula: `${value}+0`, result: value };
            asFormula += 1;
          }
        });
      });
    });
    expect(asText).toBeGreaterThan(20);
    expect(asFormula).toBeGreaterThan(20);
    const path = join(work, 'text-and-formulas.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(await report(path)).toBe(cleanWorkbookReport);
  });
});
