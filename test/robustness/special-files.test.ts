/**
 * Devices, pipes and symlinks, as input and as output: never read forever, never replaced.
 */
import { cpSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'fn-model-special-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const NOT_REGULAR = 'is not a regular file (a device, pipe or socket: its size cannot be known, so it is not read)';

describe('special files as input are refused at once (exit 2), not read forever', () => {
  it('a table file that is a symlink to /dev/zero', () => {
    const folder = join(work, 'zero');
    cpSync(join(ROOT, 'data', 'march-2021'), folder, { recursive: true });
    rmSync(join(folder, 'fn-costs.csv'));
    symlinkSync('/dev/zero', join(folder, 'fn-costs.csv'));
    const result = runCli(['variance', '--data', folder]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fn-model: ${join(folder, 'fn-costs.csv')}: ${NOT_REGULAR}\n`);
  });

  it('a FIFO named as a workbook, a ledger, a map and a scenario file', () => {
    const fifo = join(work, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    for (const [args, role] of [
      [['variance', '--data', fifo], ''],
      [['reconcile', fifo], ''],
      [['actuals', fifo, '--map', join(ROOT, 'data', 'ledger-sample', 'map.csv')], ' (the ledger)'],
      [['actuals', join(ROOT, 'data', 'ledger-sample', 'ledger.csv'), '--map', fifo], ' (the map)'],
      [['scenario', 'run', fifo], ''],
    ] as const) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toBe(`fn-model: ${fifo}: ${NOT_REGULAR}${role}\n`);
    }
  });
});

describe('-o never replaces a device, and writes through a symlink', () => {
  it('-o /dev/full is refused and the device stays a device', () => {
    const result = runCli(['variance', '-o', '/dev/full']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('fn-model: /dev/full: cannot be written (ENOTREG: it is a device, pipe or socket, not a file)\n');
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('-o LINK replaces the file the link points to and keeps the link', () => {
    writeFileSync(join(work, 'real.json'), 'old');
    symlinkSync('real.json', join(work, 'link.json'));
    expect(runCli(['variance', '--format', 'json', '-o', join(work, 'link.json'), '--force']).status).toBe(0);
    expect(lstatSync(join(work, 'link.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(work, 'real.json'), 'utf8')).combined.computed).toBe('908');
  });
});

describe('a workbook saved by LibreOffice after deleting a row', () => {
  it('an empty <row r="1048576"> and a dimension to match are not "a sheet over the limits"', async () => {
    const { unzipParts, zipParts } = await import('../../scripts/fuzz/zip.js');
    const parts = await unzipParts(readFileSync(join(ROOT, 'data', 'march-2021.xlsx')));
    const edited = parts.map((part) => {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part.name)) return part;
      const xml = Buffer.from(part.data).toString('utf8')
        .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:J1048576"/>')
        .replace('</sheetData>', '<row r="1048576" customFormat="false" ht="12.8" hidden="false"/></sheetData>');
      return { name: part.name, data: Buffer.from(xml) };
    });
    writeFileSync(join(work, 'libreoffice.xlsx'), await zipParts(edited));
    const fromBook = runCli(['variance', '--format', 'json', '--data', join(work, 'libreoffice.xlsx')]);
    expect(fromBook.stderr).toBe('');
    expect(fromBook.status).toBe(0);
    expect(JSON.parse(fromBook.stdout).combined).toEqual({ computed: '908', published: '888' });
  });
});
