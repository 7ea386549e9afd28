/**
 * The committed series `data/trend/` is exactly what `scripts/gen-trend.ts` writes: the
 * script is run into a temporary folder and every file compared byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';

const out = mkdtempSync(join(tmpdir(), 'fn-model-gen-trend-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('data/trend', () => {
  it('is the output of scripts/gen-trend.ts, file for file', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'scripts', 'gen-trend.js'), out], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const committed = join(ROOT, 'data', 'trend');
    expect(readdirSync(out).sort()).toEqual(readdirSync(committed).sort());
    for (const month of readdirSync(committed).filter((name) => name !== 'README.md')) {
      expect(readdirSync(join(out, month)).sort()).toEqual(readdirSync(join(committed, month)).sort());
      for (const file of readdirSync(join(committed, month))) {
        expect(readFileSync(join(out, month, file), 'utf8'), `${month}/${file}`).toBe(readFileSync(join(committed, month, file), 'utf8'));
      }
    }
    expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe(readFileSync(join(committed, 'README.md'), 'utf8'));
  });
});
