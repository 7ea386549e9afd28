/**
 * Live formulas: recalculate an exported workbook with LibreOffice headless and check that
 * every formula's recalculated value equals the value fn-model computed and cached.
 * To be sure LibreOffice really recalculates, every cached value is first overwritten
 * with 0 and LibreOffice is told to always recalculate OOXML files on load.
 * Skipped, with a message, only when `soffice` is not installed (`.ci/run` installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { withCachedValues } from '../support/workbook-xml.js';
import { amountOfNumberCell } from '../../src/load/index.js';
import { temporaryFolder } from '../support/temp-folders.js';

const soffice = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
if (!soffice) console.warn('SKIPPED live-formula test: LibreOffice (soffice) is not installed; install Debian\'s libreoffice-calc (.ci/run does)');

const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

describe.skipIf(!soffice)('LibreOffice recalculates the exported workbook to fn-model\'s values', () => {
  it('every formula, after a full recalculation, equals its cached value', { timeout: 180_000 }, async () => {
    const folder = temporaryFolder('fn-model-lo-');
    const book = join(folder, 'audit.xlsx');
    expect(runCli(['export', '-o', book]).status).toBe(0);
    const zeroed = join(folder, 'zeroed.xlsx');
    writeFileSync(zeroed, await withCachedValues(readFileSync(book), '0'));
    const profile = join(folder, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
    const out = join(folder, 'out');
    const converted = spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${profile}`, '--convert-to', 'xlsx', '--outdir', out, zeroed], { encoding: 'utf8', timeout: 170_000 });
    expect(converted.status, converted.stderr).toBe(0);

    const ours = new ExcelJS.Workbook();
    await ours.xlsx.readFile(book);
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.readFile(join(out, 'zeroed.xlsx'));
    const mismatches: string[] = [];
    let formulas = 0;
    ours.eachSheet((sheet) => {
      const recalculated = theirs.getWorksheet(sheet.name);
      sheet.eachRow((row) => row.eachCell((cell) => {
        if (!cell.formula) return;
        formulas += 1;
        const mine = amountOfNumberCell(cell.result as number).amount;
        const value = recalculated?.getCell(cell.address).result;
        const lo = typeof value === 'number' ? amountOfNumberCell(value).amount : undefined;
        if (mine === undefined || lo === undefined || !mine.eq(lo)) mismatches.push(`${sheet.name}!${cell.address} =${cell.formula}: fn-model ${String(cell.result)}, LibreOffice ${String(value)}`);
      }));
    });
    expect(formulas).toBeGreaterThan(500);
    expect(mismatches).toEqual([]);
  });
});
