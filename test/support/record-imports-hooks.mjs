// Module customisation hooks for record-imports.mjs: append each resolved URL to a file.
import { appendFileSync } from 'node:fs';

let file;

/** Receive the file to append to (from `register(…, { data })`). */
export function initialize(data) {
  file = data.file;
}

/** Resolve as usual, then record the URL. */
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (file) appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}
