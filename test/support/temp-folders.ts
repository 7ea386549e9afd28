/**
 * Temporary folders for tests, removed when the test file finishes: every folder made by
 * {@link temporaryFolder} is removed by the `afterAll` hook that test/support/cleanup.ts
 * registers in every test file (vitest `setupFiles`), so a test run leaves nothing in the
 * system temp directory. Count before and after with `ls "$TMPDIR" | wc -l` around `npm test`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

/** A fresh folder `<tmpdir>/<prefix>XXXXXX`, removed after the test file's last test. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  made.push(folder);
  return folder;
}

/** Remove every folder {@link temporaryFolder} made so far (and forget them). */
export function removeTemporaryFolders(): void {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
}
