/**
 * vitest setup file (vitest.config.ts `setupFiles`), run in every test file: after the
 * file's last test, remove the temporary folders its tests made (test/support/temp-folders.ts).
 */
import { afterAll } from 'vitest';
import { removeTemporaryFolders } from './temp-folders.js';

afterAll(() => removeTemporaryFolders());
