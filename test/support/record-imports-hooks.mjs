// Module customisation hooks for record-imports.mjs: append each resolved URL to a file.
// The CLI runs from an esbuild bundle (dist/bundle/, see scripts/bundle.mjs), where our own
// modules and the bundled packages live inside chunks. So for a chunk, the hook also
// appends the source files esbuild put in it (`outputs[chunk].inputs` in the bundle's
// metafile, meta.json beside the chunks), as file URLs such as
// `file:///…/dist/src/engine/variance.js` and `file:///…/node_modules/csv-parse/…`: a
// test then reads packages and modules from the record as if nothing were bundled.
// Inputs esbuild tree-shook to nothing (barrels of re-exports) are recorded too: the
// record says what a chunk was built from, so it errs towards "loaded".
import { existsSync, appendFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let file;
/** Parsed metafiles, by path. */
const metafiles = new Map();

/** Receive the file to append to (from `register(…, { data })`). */
export function initialize(data) {
  file = data.file;
}

/**
 * The source files bundled into the chunk at `url` (file URLs), or `[]` when `url` is not
 * a chunk of a bundle (no meta.json beside it). Throws when meta.json exists but does not
 * name the chunk (a stale build), so a test cannot pass on a record that misses modules.
 */
function chunkInputs(url) {
  if (!url.startsWith('file:') || !url.endsWith('.js')) return [];
  const path = fileURLToPath(url);
  const metaPath = join(dirname(path), 'meta.json');
  if (!metafiles.has(metaPath)) metafiles.set(metaPath, existsSync(metaPath) ? JSON.parse(readFileSync(metaPath, 'utf8')) : undefined);
  const meta = metafiles.get(metaPath);
  if (meta === undefined) return [];
  // Output and input paths are relative to the directory esbuild ran in (the repository root).
  const normalised = path.replaceAll('\\', '/');
  const output = Object.keys(meta.outputs).find((key) => normalised.endsWith(`/${key}`));
  if (output === undefined) throw new Error(`record-imports: ${path} is not in ${metaPath} (rebuild: npm run build)`);
  const root = normalised.slice(0, -output.length);
  return Object.keys(meta.outputs[output].inputs).map((input) => pathToFileURL(root + input).href);
}

/** Resolve as usual, then record the URL (and, for a bundle chunk, the sources in it). */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (file) appendFileSync(file, [resolved.url, ...chunkInputs(resolved.url)].map((line) => `${line}\n`).join(''));
  return resolved;
}
