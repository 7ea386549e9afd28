/**
 * Property: nothing is silently absorbed. For any single-cell edit of the bundled dataset,
 * `fn-model variance` either refuses the file (exit 2, naming the edited file) or, for a
 * cell that holds money (any figure column, and the headline's amount and unit), its output
 * changes; the output may stay the same only when the new text means the same amount
 * (e.g. `1,065` → ` 1065 `). Text cells (line id, name, description, figure) may be edited
 * without changing the output (a TOTAL row's name is not shown), but never crash it.
 *
 * Runs the built CLI's `main()` in-process (the same code path as bin/fn-model.js) so a few
 * hundred edits take seconds.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/money/index.js';
import { ROOT } from '../support/run-cli.js';

type Run = (args: readonly string[]) => Promise<{ exit: number; stdout: string; stderr: string }>;

const folder = join(mkdtempSync(join(tmpdir(), 'fn-model-edit-')), 'data');
const FILES = ['fn-costs.csv', 'brp-investment.csv', 'brp-savings.csv', 'ncc-investment.csv', 'ncc-savings.csv', 'all-costs.csv', 'all-savings.csv', 'headline.csv'];
const original = new Map<string, string>();
let runInProcess: Run;
let baseline: string;

beforeAll(async () => {
  cpSync(join(ROOT, 'data', 'march-2021'), folder, { recursive: true });
  for (const file of FILES) original.set(file, readFileSync(join(folder, file), 'utf8'));
  ({ runInProcess } = (await import(pathToFileURL(join(ROOT, 'dist', 'scripts', 'fuzz', 'in-process.js')).href)) as { runInProcess: Run });
  process.env.NO_COLOR = '1';
  const clean = await runInProcess(['variance', '--data', folder, '--format', 'json']);
  expect(clean.exit).toBe(0);
  baseline = clean.stdout;
});
afterAll(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

/** The [start, end) of every cell of one line of CSV (quote-aware; the bundled files have no line breaks in cells). */
function cellSpans(line: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index <= line.length; index += 1) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    if (index === line.length || (!quoted && char === ',')) {
      spans.push([start, index]);
      start = index + 1;
    }
  }
  return spans;
}

/** A cell's text from its CSV form. */
function unquote(raw: string): string {
  return raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1).replace(/""/g, '"') : raw;
}

/** Whether `after` means the same as `before` in a money cell: the same amount, both blank, or the same text once trimmed (a unit). */
function sameMeaning(before: string, after: string): boolean {
  const a = parseAmount(before);
  const b = parseAmount(after);
  if (a.kind === 'amount' && b.kind === 'amount') return a.value.eq(b.value);
  if (a.kind === 'blank' && b.kind === 'blank') return true;
  return before.trim() === after.trim();
}

/** A new cell text: an amount in any accepted style, a near-miss, or anything at all. */
const newText = fc.oneof(
  fc.integer({ min: -100_000, max: 100_000 }).chain((n) =>
    fc.constantFrom(String(n), n.toLocaleString('en-GB'), n < 0 ? `(${(-n).toLocaleString('en-GB')})` : `£${n.toLocaleString('en-GB')}`, n < 0 ? `\u2212${-n}` : ` ${n} `, `${n}.5`),
  ),
  fc.constantFrom('', '-', '1,23', '1e3', 'NaN', 'Infinity', '0', '-0', 'TOTAL', '£m', '£000', 'outturn', '2021-03-31', '0.454', '1.342'),
  fc.string({ maxLength: 12 }),
);

describe('any single-cell edit is refused or changes the output', () => {
  it('holds for 300 random edits of data cells', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), fc.nat(), fc.nat(), newText, async (file, rowPick, columnPick, text) => {
        const lines = (original.get(file) as string).split('\n');
        const dataRows = lines.map((_, index) => index).filter((index) => index > 0 && (lines[index] as string).trim() !== '');
        const rowIndex = dataRows[rowPick % dataRows.length] as number;
        const line = lines[rowIndex] as string;
        const spans = cellSpans(line);
        const [start, end] = spans[columnPick % spans.length] as readonly [number, number];
        const before = unquote(line.slice(start, end));
        const heading = unquote((cellSpans(lines[0] as string).map(([from, to]) => (lines[0] as string).slice(from, to))[columnPick % spans.length]) ?? '');
        const holdsMoney = !['line', 'name', 'figure', 'description'].includes(heading);
        const edited = [...lines];
        edited[rowIndex] = `${line.slice(0, start)}"${text.replace(/"/g, '""')}"${line.slice(end)}`;
        writeFileSync(join(folder, file), edited.join('\n'));
        try {
          const run = await runInProcess(['variance', '--data', folder, '--format', 'json']);
          if (run.exit === 2) {
            expect(run.stderr).toContain(`${join(folder, file)}`);
            expect(run.stdout).toBe('');
            return;
          }
          expect(run.exit).toBe(0);
          if (holdsMoney && !sameMeaning(before, text)) expect(run.stdout, `${file} row ${rowIndex + 1}: ${JSON.stringify(before)} → ${JSON.stringify(text)} was absorbed`).not.toBe(baseline);
        } finally {
          writeFileSync(join(folder, file), original.get(file) as string);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
  }, 120_000);
});
