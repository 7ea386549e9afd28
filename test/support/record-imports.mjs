// Preload for `node --import ./test/support/record-imports.mjs …`: records every module the
// process loads into the file named by RECORD_IMPORTS (one URL or path per line), so a test
// can assert what a command does *not* load (test/cli/startup.test.ts).
// - ES modules: a `resolve` hook registered with `module.register()` appends each resolved URL
//   (the hook runs on the loader thread, so it writes the file itself); for a chunk of the
//   esbuild bundle the CLI runs from (dist/bundle/), it also appends the source files the
//   chunk was built from, read from the bundle's metafile (record-imports-hooks.mjs);
// - CommonJS (packages required from CommonJS, which skip the ESM hooks): the CommonJS cache
//   is appended when the process exits.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const file = process.env.RECORD_IMPORTS;
if (file) {
  register('./record-imports-hooks.mjs', import.meta.url, { data: { file } });
  const require = createRequire(import.meta.url);
  const Module = require('node:module');
  process.on('exit', () => {
    const loaded = Object.keys(Module._cache ?? {});
    if (loaded.length > 0) appendFileSync(file, `${loaded.join('\n')}\n`);
  });
}
