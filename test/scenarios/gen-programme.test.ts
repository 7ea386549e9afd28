/**
 * `npm run gen:programme` writes a dataset fn-model can load (acceptance bug: brp-savings.csv
 * had no TOTAL row, so `variance --data DIR` refused it), and `--help` prints usage only.
 * Runs the built script (dist/scripts/gen-programme.js), as `npm run gen:programme` does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const SCRIPT = join(ROOT, 'dist', 'scripts', 'gen-programme.js');
const folder = mkdtempSync(join(tmpdir(), 'fn-model-gen-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function generate(args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('gen:programme', () => {
  it('writes a dataset that loads: variance --data DIR --format json exits 0', () => {
    const out = join(folder, 'programme');
    const result = generate(['--lines', '1000', '--seed', '1', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    const variance = runCli(['variance', '--data', out, '--format', 'json']);
    expect(variance.stderr).toBe('');
    expect(variance.status).toBe(0);
    expect(JSON.parse(variance.stdout)).toBeTypeOf('object');
    const tornado = runCli(['tornado', join(out, 'centre.yaml'), '--data', out, '--format', 'json']);
    expect(tornado.status, tornado.stderr).toBe(0);
  });

  it('--help prints usage and generates nothing', () => {
    const before = readdirSync(folder).length;
    const result = generate(['--help', '--out', join(folder, 'not-written')]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run gen:programme -- \[--lines N\]/);
    expect(existsSync(join(folder, 'not-written'))).toBe(false);
    expect(readdirSync(folder).length).toBe(before);
  });
});
