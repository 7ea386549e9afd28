// `npm run build`, second step: bundle the compiled CLI (dist/src/cli.js, from tsc) with
// esbuild into dist/bundle/, which bin/fn-model.js runs. Why: start-up is mostly Node's ESM
// loader opening, reading and closing each module file (~100 of them); a few chunks load
// faster. Code splitting keeps each command's dynamic `import()` a separate chunk, so a run
// of one command still loads only that command's code (one big bundle was slower: all of it
// compiled at every start). dist/src/ stays: tests, dist/scripts/ and the benches use it.
//
// Packages with their own assets or dynamic requires stay external (loaded from
// node_modules at run time); every other package is bundled. The metafile
// (dist/bundle/meta.json) says which sources each chunk holds: test/cli/startup.test.ts
// reads it to tell which modules and packages a run loaded.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

/** Packages left out of the bundle: they read their own files or `require` by computed name. */
const EXTERNAL = ['exceljs', 'vega', 'vega-lite', 'playwright-core'];

rmSync(outdir, { recursive: true, force: true }); // chunk names carry a hash: drop the last build's
const result = await build({
  absWorkingDir: root,
  entryPoints: ['dist/src/cli.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // CommonJS packages bundled into ES modules call `require` for Node's built-ins.
  banner: { js: "import { createRequire as __fnModelCreateRequire } from 'node:module'; const require = __fnModelCreateRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile, null, 1));
