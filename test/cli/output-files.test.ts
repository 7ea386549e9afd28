/**
 * One rule for every command that writes a file (docs/output-files.md), through the real
 * CLI: the extension of `-o` picks the format or is refused (exit 2, one line naming the
 * extensions allowed); an existing file is never replaced without `--force`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'fn-model-output-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every command that writes a file, with arguments that make it run, and an extension it writes. */
const COMMANDS: readonly (readonly [string, readonly string[], string])[] = [
  ['variance', ['variance'], 'txt'],
  ['actuals', ['actuals', 'data/ledger-sample/ledger.csv', '--map', 'data/ledger-sample/map.csv'], 'txt'],
  ['scenario run', ['scenario', 'run', 'scenarios/adults-slip-25.yaml'], 'txt'],
  ['sweep', ['sweep', 'scenarios/adults-slip-25.yaml', '--vary', 'adults-slip', '--from', '0%', '--to', '100%', '--steps', '4'], 'txt'],
  ['tornado', ['tornado', 'scenarios/adults-slip-25.yaml'], 'txt'],
  ['simulate', ['simulate', 'scenarios/delivery-risk.yaml', '--runs', '100'], 'txt'],
  ['movement', ['movement', '--from', 'test/fixtures/snapshots/april-2021-test'], 'txt'],
  ['reconcile', ['reconcile', 'never-read.xlsx'], 'txt'],
  ['report', ['report'], 'html'],
  ['export', ['export'], 'xlsx'],
  ['goal-seek', ['goal-seek', 'scenarios/adults-slip-25.yaml', '--vary', 'adults-slip', '--target', '1,500'], 'txt'],
  ['returns', ['returns'], 'txt'],
  ['trend', ['trend', 'data/trend/2021-02', 'data/march-2021'], 'txt'],
];

describe('an existing file is never replaced without --force (every command)', () => {
  for (const [name, args, extension] of COMMANDS) {
    it(name, () => {
      const file = join(work, `existing-${name.replace(' ', '-')}.${extension}`);
      writeFileSync(file, 'signed-off contents\n');
      const result = runCli([...args, '-o', file]);
      expect(result).toEqual({ status: 2, stdout: '', stderr: `fn-model: ${file}: already exists (use --force to overwrite)\n` });
      expect(readFileSync(file, 'utf8')).toBe('signed-off contents\n');
    });
  }

  it('with --force the file is replaced whole (variance, report, export)', () => {
    for (const [args, extension, starts] of [[['variance'], 'txt', 'Dataset: march-2021'], [['report'], 'html', '<!DOCTYPE html>'], [['export'], 'xlsx', 'PK']] as const) {
      const file = join(work, `forced.${extension}`);
      writeFileSync(file, 'old');
      expect(runCli([...args, '-o', file, '--force'])).toMatchObject({ status: 0, stderr: '' });
      expect(readFileSync(file, 'latin1').startsWith(starts)).toBe(true);
    }
  });
});

describe('an extension the command does not write is refused: exit 2, one line, nothing written', () => {
  const allowed: Record<string, string> = {
    report: '.html/.htm (html), .pdf (pdf) or .json (json)',
    export: '.xlsx (xlsx); --format csv writes a folder',
    actuals: '.txt (table), .json (json) or .csv (csv)',
    reconcile: '.txt (table), .json (json) or .csv (csv)',
  };
  for (const [name, args] of COMMANDS) {
    it(name, () => {
      const file = join(work, `wrong-${name.replace(' ', '-')}.docx`);
      const result = runCli([...args, '-o', file]);
      const words = name.split(' ');
      const list = allowed[name] ?? '.txt (table), .json (json), .csv (csv) or .md/.markdown (markdown)';
      expect(result).toEqual({ status: 2, stdout: '', stderr: `fn-model: ${file}: ${words[words.length - 1]} -o does not write .docx files; the extension picks the format: ${list}\n` });
      expect(existsSync(file)).toBe(false);
    });
  }

  it('report -o r.docx and export -o x.csv (both wrote the wrong format with exit 0 before)', () => {
    expect(runCli(['report', '-o', join(work, 'r.docx')]).status).toBe(2);
    const result = runCli(['export', '-o', join(work, 'x.csv')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--format csv writes a folder');
    expect(existsSync(join(work, 'x.csv'))).toBe(false);
  });

  it('an extension that contradicts --format is refused', () => {
    const file = join(work, 'contradicts.md');
    expect(runCli(['variance', '--format', 'json', '-o', file])).toEqual({ status: 2, stdout: '', stderr: `fn-model: ${file}: --format json is written to a .json file, not .md\n` });
    expect(runCli(['report', '--format', 'pdf', '-o', join(work, 'r.html')]).stderr).toBe(`fn-model: ${join(work, 'r.html')}: --format pdf is written to a .pdf file, not .html\n`);
    expect(existsSync(file)).toBe(false);
  });
});

describe('without --format, the extension picks the format', () => {
  it('variance -o v.md is Markdown, -o v.json JSON, -o v.csv CSV, -o v.txt the table', () => {
    for (const [extension, format] of [['md', 'markdown'], ['markdown', 'markdown'], ['json', 'json'], ['csv', 'csv'], ['txt', 'table']]) {
      const file = join(work, `picked.${extension}`);
      expect(runCli(['variance', '-o', file])).toMatchObject({ status: 0, stdout: '', stderr: '' });
      expect(readFileSync(file, 'utf8')).toBe(runCli(['variance', '--format', format!]).stdout);
    }
  });

  it('simulate -o s.csv is the CSV; report -o r.JSON (any case) is JSON', () => {
    const csv = join(work, 's.csv');
    expect(runCli(['simulate', 'scenarios/delivery-risk.yaml', '--runs', '100', '-o', csv]).status).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\n')[0]).toBe('figure,statistic,value,runs,seed,prng');
    const json = join(work, 'r.JSON');
    expect(runCli(['report', '-o', json]).status).toBe(0);
    expect(JSON.parse(readFileSync(json, 'utf8')).report).toBe('fn-model committee report');
  });

  it('a name without an extension takes --format or the default', () => {
    const file = join(work, 'no-extension');
    expect(runCli(['variance', '-o', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(runCli(['variance']).stdout);
  });
});
