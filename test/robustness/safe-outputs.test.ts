/**
 * Safe outputs, through the real CLI: CSV exports neutralise formula-like text cells
 * (OWASP CSV injection: `=`, `+`, `-`, `@`, tab, CR) and leave money, negatives included,
 * as numbers; and paths given by the user are only ever file names, never run by a shell.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';
import { isFormulaLike, neutraliseFormula } from '../../src/render/csv-safety.js';
import { runCliAsync } from '../support/run-cli-async.js';

const work = mkdtempSync(join(tmpdir(), 'fn-model-safe-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// names are trimmed on loading, so a leading tab or CR cannot reach the export from a name; see the unit test below
const HOSTILE_NAMES = ['=HYPERLINK("http://x.example","click")', '+cmd|/C calc!A0', '-2+3', '@SUM(A1:A9)', '=1+1', '-cmd'];

describe('CSV export neutralises formula injection', () => {
  it('prefixes every formula-like name and line id with a quote and leaves amounts alone', async () => {
    const folder = join(work, 'inject', 'data');
    cpSync(join(ROOT, 'data', 'march-2021'), folder, { recursive: true });
    const file = join(folder, 'brp-savings.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    // rows 2..7 are the lines BRR04 … BRR18; give each a hostile id and name
    for (let index = 0; index < HOSTILE_NAMES.length; index += 1) {
      const cells = (lines[index + 1] as string).split(',');
      const hostile = `"${(HOSTILE_NAMES[index] as string).replace(/"/g, '""')}"`;
      lines[index + 1] = [hostile, hostile, ...cells.slice(2)].join(',');
    }
    writeFileSync(file, lines.join('\n'));
    const result = await runCliAsync(['variance', '--data', folder, '--format', 'csv']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    const injected = rows.filter((row) => row.table === 'brp-savings' && row.line.startsWith("'"));
    expect(new Set(injected.map((row) => row.line))).toEqual(new Set(HOSTILE_NAMES.map((name) => `'${name}`)));
    expect(new Set(injected.map((row) => row.name))).toEqual(new Set(HOSTILE_NAMES.map((name) => `'${name}`)));
    // every text cell of the whole export is safe
    for (const row of rows) for (const column of ['line', 'name', 'file', 'sheet']) expect(row[column]).not.toMatch(/^[=+\-@\t\r]/);
    // money keeps its sign and stays a number
    const brr09Variance = injected.find((row) => row.name === `'${HOSTILE_NAMES[3]}` && row.field === 'variance'); // was BRR09, (270)
    expect(brr09Variance?.stated).toBe('-270');
    expect(rows.filter((row) => row.stated?.startsWith('-')).length).toBeGreaterThan(5);
    for (const row of rows) for (const column of ['stated', 'computed', 'difference']) expect(row[column]).toMatch(/^(-?\d+(\.\d+)?)?$/);
  });
});

describe('the neutraliser', () => {
  it.each(['=1', '+1', '-x', '@x', '\tx', '\rx'])('quotes %j', (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });
  it.each(['Adults', '', ' =1', "'=1", '£5', '(158)'])('leaves %j', (text) => {
    expect(isFormulaLike(text)).toBe(false);
    expect(neutraliseFormula(text)).toBe(text);
  });
  it('a dataset folder whose name starts with = is quoted in the file column', async () => {
    const folder = join(work, 'pathy');
    cpSync(join(ROOT, 'data', 'march-2021'), join(folder, '=cmd'), { recursive: true });
    const result = await runCliAsync(['variance', '--data', '=cmd', '--format', 'csv'], { cwd: folder });
    expect(result.status).toBe(0);
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.filter((row) => row.file !== '').every((row) => row.file?.startsWith("'=cmd/"))).toBe(true);
  });
});

describe('user paths are data, never shell commands', () => {
  it('shell metacharacters in --data and -o are used as plain names', async () => {
    const folder = join(work, 'shell');
    mkdirSync(folder, { recursive: true });
    const strange = '$(touch pwned) `touch pwned2`; touch pwned3 | x & "q" \'s\'';
    cpSync(join(ROOT, 'data', 'march-2021'), join(folder, strange), { recursive: true });
    const output = `${strange}.json`;
    const result = await runCliAsync(['variance', '--data', strange, '--format', 'json', '-o', output], { cwd: folder });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(join(folder, output), 'utf8')).combined.computed).toBe('908');
    expect(readdirSync(folder).filter((name) => name.startsWith('pwned'))).toEqual([]);
    expect(existsSync(join(ROOT, 'pwned'))).toBe(false);
  });

  it('no source file can start a process (no child_process, no shell)', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.ts')) sources.push(join(dir, entry.name));
      }
    };
    walk(join(ROOT, 'src'));
    expect(sources.length).toBeGreaterThan(20);
    for (const source of sources) expect(readFileSync(source, 'utf8'), source).not.toMatch(/child_process|\bexecSync\b|\bspawn\(|shell:\s*true/);
  });
});
