/**
 * fn-model's version comes from its package.json wherever the code runs from: `src/`
 * (this test), or the built CLI (`--version`, which runs the bundle in `dist/bundle/`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageVersion } from '../../src/version.js';
import { ROOT, runCli } from '../support/run-cli.js';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('fn-model version', () => {
  it('is package.json\'s version when read from src/', () => {
    expect(packageVersion()).toBe(manifest.version);
  });

  it('is what `fn-model --version` prints', () => {
    const run = runCli(['--version']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${manifest.version}\n`);
  });
});
