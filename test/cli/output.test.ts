import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { colourWanted } from '../../src/io/output.js';
import { NO_STYLES, textStyles } from '../../src/render/text-styles.js';
import { ROOT, runCli } from '../support/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'fn-model-out-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('-o FILE', () => {
  it('writes exactly what stdout would have shown, and nothing to stdout', () => {
    for (const [format, extension] of [['table', 'txt'], ['json', 'json'], ['csv', 'csv'], ['markdown', 'md']]) {
      const file = join(work, `report.${extension}`);
      const written = runCli(['variance', '--format', format, '-o', file]);
      expect(written.status).toBe(0);
      expect(written.stdout).toBe('');
      expect(readFileSync(file, 'utf8')).toBe(runCli(['variance', '--format', format]).stdout);
    }
    expect(readdirSync(work).filter((name) => name.startsWith('.fn-model-tmp-'))).toEqual([]);
  });

  it('replaces an existing file whole, with --force', () => {
    const file = join(work, 'replace.json');
    writeFileSync(file, 'old contents that are longer than nothing');
    expect(runCli(['variance', '--format', 'json', '-o', file, '--force']).status).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).combined.computed).toBe('908');
  });

  it('a folder that does not exist is one line and exit 2, with no stack trace', () => {
    const target = join(work, 'missing', 'report.txt');
    const result = runCli(['variance', '-o', target]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fn-model: ${target}: cannot be written (ENOENT: the folder does not exist)\n`);
  });
});

describe('colour', () => {
  const saved = process.env.NO_COLOR;
  afterEach(() => {
    if (saved === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved;
  });

  it('only on a TTY, never with NO_COLOR, never into a file', () => {
    delete process.env.NO_COLOR;
    const tty = { isTTY: true } as NodeJS.WriteStream;
    const pipe = { isTTY: false } as NodeJS.WriteStream;
    expect(colourWanted(undefined, tty)).toBe(true);
    expect(colourWanted(undefined, pipe)).toBe(false);
    expect(colourWanted('report.txt', tty)).toBe(false);
    process.env.NO_COLOR = '1';
    expect(colourWanted(undefined, tty)).toBe(false);
  });

  it('textStyles: ANSI bold, bold red and cyan with colour (chalk, loaded then); the text unchanged without', async () => {
    const coloured = await textStyles(true);
    expect(coloured.bold('TOTAL')).toBe('\u001b[1mTOTAL\u001b[22m');
    expect(coloured.red.bold('1,065')).toBe('\u001b[31m\u001b[1m1,065\u001b[22m\u001b[39m');
    expect(coloured.cyan('x')).toBe('\u001b[36mx\u001b[39m');
    const plain = await textStyles(false);
    expect(plain).toBe(NO_STYLES);
    expect([plain.bold('TOTAL'), plain.red.bold('1,065'), plain.cyan('x')]).toEqual(['TOTAL', '1,065', 'x']);
  });

  it('piped output has no escape codes', () => {
    const result = runCli(['variance'], { env: { NO_COLOR: '' } });
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('control characters in input never reach the terminal or a spreadsheet as controls', () => {
  it('an ESC in a line name is shown as ␛ in table, Markdown and CSV output', () => {
    const folder = join(work, 'controls');
    cpSync(join(ROOT, 'data', 'march-2021'), folder, { recursive: true });
    const file = join(folder, 'brp-savings.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('BRR06,CFN', 'BRR06,\u001b[31mCFN'));
    for (const format of ['table', 'markdown', 'csv']) {
      const result = runCli(['variance', '--data', folder, '--format', format]);
      expect(result.status).toBe(0);
      expect(result.stdout).not.toContain('\u001b');
      expect(result.stdout).toContain('\u241b[31mCFN');
    }
  });
});
