import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryFolder } from '../support/temp-folders.js';

/** Write text to a fresh temp file and return its path. */
export function tempFile(name: string, text: string): string {
  const dir = temporaryFolder('fn-model-ledger-test-');
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A small map for the pair-lookup tests: run-together codes (`C1`/`C11`), an escaped code (`C"3`), prefixes and `*`. */
export const SMALL_MAP = `cost_centre,account,table,line
C1,*,fn-costs,Staff Costs
C2,1*,brp-investment,BRR04
C2,2*,brp-savings,BRR04
"C""3",*,brp-investment,BRR06
C11,*,brp-savings,BRR06
`;

/** A CSV cell: quoted when it must be (a quote, comma or line break in it) or when asked, with `""` for each quote. */
export function cell(text: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
