import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Write text to a fresh temp file and return its path. */
export function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fn-model-ledger-test-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
