// `npm run bench`: runs every benchmark module in bench/ (each exports `run()`), in name
// order, or only those named on the command line: `npm run bench -- variance-startup`.
// Ratios are measured side by side in one run; the machine is shared and noisy, so
// compare ratios, not absolute times.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const modules = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== 'run.mjs')
  .filter((name) => wanted.length === 0 || wanted.includes(name.replace(/\.mjs$/, '')))
  .sort();
for (const name of modules) {
  const module = await import(pathToFileURL(join(here, name)).href);
  if (typeof module.run !== 'function') continue;
  console.log(`\n## ${name.replace(/\.mjs$/, '')}\n`);
  await module.run();
}
