// Runs every benchmark module in bench/ (each exports `run()`), in name order.
// `npm run bench` builds first. Benchmarks print figures; they are not timed tests.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
for (const file of readdirSync(here).filter((name) => name.endsWith('.mjs') && name !== 'run.mjs').sort()) {
  const module = await import(pathToFileURL(join(here, file)).href);
  if (typeof module.run === 'function') await module.run();
}
