/**
 * fn-model's own version, read from its package.json. The module that asks may run from
 * `src/` (tests), `dist/src/` (tsc output) or `dist/bundle/` (the esbuild bundle the CLI
 * runs), so package.json is looked for at each place it can be relative to this module.
 */
import { readFileSync } from 'node:fs';

/** Where package.json can be, relative to this module: from `src/`, then from `dist/src/` or `dist/bundle/`. */
const CANDIDATES = ['../package.json', '../../package.json'];

/**
 * The `version` field of fn-model's package.json (e.g. `"0.1.0"`), from the first
 * candidate file that exists and whose `name` is `"fn-model"` (so another package's
 * package.json is never taken for ours).
 *
 * Errors: throws an `Error` naming the places looked at when none is fn-model's
 * package.json with a string `version`, and a `SyntaxError` when a candidate is not valid
 * JSON: either means a broken install (an internal error, exit 3).
 */
export function packageVersion(): string {
  for (const candidate of CANDIDATES) {
    const url = new URL(candidate, import.meta.url);
    let text: string;
    try {
      text = readFileSync(url, 'utf8');
    } catch {
      continue;
    }
    const manifest = JSON.parse(text) as { name?: unknown; version?: unknown };
    if (manifest.name === 'fn-model' && typeof manifest.version === 'string') return manifest.version;
  }
  throw new Error(`fn-model's package.json was not found (looked at ${CANDIDATES.map((candidate) => new URL(candidate, import.meta.url).pathname).join(', ')})`);
}
