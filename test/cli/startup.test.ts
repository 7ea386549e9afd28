/**
 * Start-up cost, guarded without timing: run the built CLI under a preload that records
 * every module the process resolves (test/support/record-imports.mjs), and check that
 * `variance` on the bundled CSVs loads none of the heavy packages other commands need.
 * The CLI runs from the esbuild bundle (dist/bundle/): the recorder turns each chunk it
 * loads into the sources esbuild built it from (the bundle's metafile), so a module or
 * package counts as loaded when a loaded chunk holds it. A static import of a loader,
 * engine or renderer barrel in a command file, in `cli.ts`, or in a module on the variance
 * path puts it in a chunk `variance` loads, and makes this fail.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../support/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'fn-model-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PRELOAD = join(ROOT, 'test', 'support', 'record-imports.mjs');

/** Packages `variance` on the bundled CSVs must never load (whatever the format). */
const NEVER = ['exceljs', 'vega', 'vega-lite', 'yaml', 'zod', 'pure-rand', 'cli-progress', 'playwright-core', 'iconv-lite', 'yauzl'];

/** Run `fn-model ...args` under the recording preload; the exit code, the bundle chunks, and the packages and dist modules it loaded. */
function loadedBy(args: readonly string[], name: string): { status: number | null; stderr: string; chunks: Set<string>; packages: Set<string>; modules: Set<string> } {
  const record = join(work, `${name}.txt`);
  const result = spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', RECORD_IMPORTS: record },
    encoding: 'utf8',
  });
  const lines = readFileSync(record, 'utf8').split('\n').filter(Boolean).map((line) => line.replaceAll('\\', '/'));
  const chunks = new Set<string>();
  const packages = new Set<string>();
  const modules = new Set<string>();
  for (const line of lines) {
    const chunk = /\/dist\/bundle\/([^/]+\.js)$/.exec(line);
    if (chunk) chunks.add(chunk[1] as string);
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(line);
    if (match) packages.add(match[1] as string);
    const own = /\/dist\/src\/(.+)$/.exec(line);
    if (own) modules.add(own[1] as string);
  }
  return { status: result.status, stderr: result.stderr, chunks, packages, modules };
}

describe('start-up: what `fn-model variance` loads', () => {
  it('the recorder works (the CLI runs from the bundle; the CSV reader and commander are seen in its chunks)', () => {
    const run = loadedBy(['variance', '--format', 'json'], 'sanity');
    expect(run.status, run.stderr).toBe(0);
    expect(run.chunks).toContain('cli.js');
    expect(run.packages).toContain('commander');
    expect(run.packages).toContain('csv-parse');
    expect(run.modules).toContain('engine/variance.js');
  });

  it('--format json on the bundled CSVs loads none of the heavy packages, nor cli-table3', () => {
    const run = loadedBy(['variance', '--format', 'json'], 'json');
    expect(run.status, run.stderr).toBe(0);
    expect([...run.packages].filter((name) => [...NEVER, 'cli-table3', 'chalk', 'csv-stringify'].includes(name))).toEqual([]);
  });

  it('the table (default) format, piped, loads the box renderer but not chalk (colour is for a terminal) nor cli-table3 (≈60 ms of start-up), and none of the heavy packages', () => {
    const run = loadedBy(['variance'], 'table');
    expect(run.status, run.stderr).toBe(0);
    expect(run.packages).not.toContain('chalk');
    expect(run.modules).toContain('render/text-styles.js');
    expect(run.modules).toContain('render/box-table.js');
    expect([...run.packages].filter((name) => [...NEVER, 'cli-table3', 'string-width', '@colors/colors'].includes(name))).toEqual([]);
  });

  it('loads no scenario, simulation, report, formula, reconcile or ledger modules, and no barrels', () => {
    const run = loadedBy(['variance', '--format', 'json'], 'modules');
    expect(run.status, run.stderr).toBe(0);
    const unwanted = [...run.modules].filter((module) =>
      /^(engine\/(index|scenario\/(?!errors)|simulate|random|report|formula|reconcile|explain|movement|trend)|load\/(index|export-workbook|xlsx|zip-guard)|ledger\/(?!limits)|scenarios-file\/|render\/(report|scenario|movement|trend|xlsx)|io\/(progress|chromium))/.test(module));
    expect(unwanted).toEqual([]);
  });

  it('--version loads commander and the option helpers only', () => {
    const run = loadedBy(['--version'], 'version');
    expect(run.status, run.stderr).toBe(0);
    expect([...run.packages].sort()).toEqual(['commander', 'decimal.js']);
  });
});
