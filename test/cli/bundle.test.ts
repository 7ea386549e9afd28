/**
 * The esbuild bundle the CLI runs (dist/bundle/, scripts/bundle.mjs) behaves as the tsc
 * output does where the two can differ. In a split bundle, a chunk holding a CommonJS
 * package exports only `default` (evanw/esbuild#3245), while Node also gives the package's
 * named exports: `const { A } = await import('pkg')` works in `dist/src/` and in tests,
 * and gives `undefined` in the bundle. Most of the suite runs the bundle through the CLI,
 * but not the code that only runs on a terminal (the progress bars).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';

interface Metafile {
  readonly inputs: Record<string, { readonly format?: string; readonly imports: readonly { readonly path: string; readonly kind: string; readonly external?: boolean; readonly original?: string }[] }>;
  readonly outputs: Record<string, { readonly entryPoint?: string; readonly exports: readonly string[] }>;
}

const meta = JSON.parse(readFileSync(join(ROOT, 'dist', 'bundle', 'meta.json'), 'utf8')) as Metafile;

/** The bundle file whose entry point is the tsc output `source` (e.g. `dist/src/io/progress.js`). */
function chunkFor(source: string): string {
  const output = Object.entries(meta.outputs).find(([, chunk]) => chunk.entryPoint === source);
  if (output === undefined) throw new Error(`no chunk of dist/bundle has the entry point ${source}`);
  return join(ROOT, output[0]);
}

describe('the bundle', () => {
  it('reads every CommonJS package it loads with import() through `default`', () => {
    const dynamic = Object.entries(meta.inputs).flatMap(([importer, input]) => input.imports
      .filter((record) => record.kind === 'dynamic-import' && !record.external && meta.inputs[record.path]?.format === 'cjs')
      .map((record) => ({ importer, specifier: record.original as string })));
    expect(dynamic.map(({ specifier }) => specifier)).toContain('cli-progress');
    for (const { importer, specifier } of dynamic) {
      const source = readFileSync(join(ROOT, importer), 'utf8');
      const uses = source.split(`import('${specifier}')`).length - 1;
      const throughDefault = source.split(`(await import('${specifier}')).default`).length - 1;
      expect({ importer, specifier, uses, throughDefault }).toEqual({ importer, specifier, uses, throughDefault: uses });
    }
  });

  it('draws a progress bar (cli-progress) on a terminal', () => {
    const script = `
      import { Writable } from 'node:stream';
      const { progressOnTty } = await import(process.argv[1]);
      let text = '';
      const terminal = Object.assign(new Writable({ write(chunk, _encoding, done) { text += chunk; done(); } }), { isTTY: true, columns: 100 });
      const bar = await progressOnTty('simulate', terminal);
      bar.update(1, 2);
      bar.stop();
      process.stdout.write(text);
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(chunkFor('dist/src/io/progress.js')).href], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('simulate [');
    expect(run.stdout).toContain('1/2 runs');
  });
});
