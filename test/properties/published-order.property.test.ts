/**
 * Property: a workbook laid out as published gives the same report whatever the order of its
 * tables and however many blank or notes rows sit between them (and wherever the heading
 * block and the "Combined Impact" sentence are), as a CSV saved from the sheet and as an
 * .xlsx workbook (the tables spread over sheets); and the layout file `layout init` writes for
 * any such arrangement round-trips. The report compared is the variance JSON without what
 * names the source.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledDatasetPath, detectPublished, loadProgramme } from '../../src/load/index.js';
import { renderLayout } from '../../src/layout-file/write.js';
import { computeVariance } from '../../src/engine/index.js';
import { renderVariance } from '../../src/render/variance.js';
import type { Programme } from '../../src/model/index.js';
import { blocksCsv, blocksWorkbook, headingBlock, headlineBlock, noteBlock, tableBlocks, writeBlocks, type PublishedBlock } from '../../scripts/build-published.js';

const work = mkdtempSync(join(tmpdir(), 'fn-model-published-property-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Notes officers leave between tables: none names a table, starts a total or holds a figure. */
const NOTES = [
  '',
  'Note: figures are £000 as reported to the programme board.',
  'Source: finance monitoring, month 12 (31/03/2021).',
  'Totals may not add due to rounding in the narrative.',
  'See the risk register for mitigations.',
] as const;

/** The variance report as JSON without what names the source (dataset, source cells). */
async function reportOf(programme: Programme): Promise<unknown> {
  const json = await renderVariance(computeVariance(programme), 'json', false);
  return JSON.parse(json, (key, value: unknown) => (key === 'dataset' || key === 'source' || key === 'statedSource' ? undefined : value));
}

let expected: unknown;
let tables: PublishedBlock[];
let heading: PublishedBlock;
let headline: PublishedBlock;

beforeAll(async () => {
  const programme = await loadProgramme(bundledDatasetPath());
  expected = await reportOf(programme);
  tables = await tableBlocks(programme, bundledDatasetPath());
  heading = headingBlock();
  headline = headlineBlock(programme);
});

/** An arrangement: the table blocks and the headline in some order, each followed by 0–4 gap rows (blank or a note), after the heading. */
const arrangement = fc.record({
  order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
  gaps: fc.array(fc.array(fc.constantFrom(...NOTES), { maxLength: 4 }), { minLength: 7, maxLength: 7 }),
});

function layOut(value: { order: number[]; gaps: (typeof NOTES[number])[][] }): PublishedBlock[] {
  const blocks: PublishedBlock[] = [heading, ...(value.gaps[6] ?? []).map(noteBlock)];
  value.order.forEach((which, position) => {
    blocks.push(which === 5 ? headline : tables[which]!);
    blocks.push(...(value.gaps[position] ?? []).map(noteBlock));
  });
  return blocks;
}

describe('published layout: table order and rows between tables do not change the report', () => {
  it('as a CSV saved from the sheet', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(arrangement, async (value) => {
        const file = join(work, `book-${run += 1}.csv`);
        writeFileSync(file, blocksCsv(layOut(value)));
        const programme = await loadProgramme(file, { note: (line) => { throw new Error(`unexpected note: ${line}`); } });
        expect(await reportOf(programme)).toEqual(expected);
        rmSync(file);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('as an .xlsx workbook (merged titles and headers), the blocks spread over one to three sheets', async () => {
    let run = 0;
    const spread = fc.record({ value: arrangement, sheets: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }) });
    await fc.assert(
      fc.asyncProperty(spread, async ({ value, sheets }) => {
        const file = join(work, `book-${run += 1}.xlsx`);
        // block i of the arrangement (with its gap rows) goes to sheet sheets[i]; the heading stays on the first sheet
        const workbook = blocksWorkbook([]);
        const extra = [workbook.addWorksheet('Savings'), workbook.addWorksheet('Notes')];
        const onSheet: PublishedBlock[][] = [[], [], []];
        value.order.forEach((which, position) => {
          onSheet[sheets[position] ?? 0]!.push(which === 5 ? headline : tables[which]!, ...(value.gaps[position] ?? []).map(noteBlock));
        });
        writeBlocks(workbook.worksheets[0]!, [heading, ...(value.gaps[6] ?? []).map(noteBlock), ...onSheet[0]!]);
        extra.forEach((sheet, index) => writeBlocks(sheet, onSheet[index + 1]!));
        await workbook.xlsx.writeFile(file);
        const programme = await loadProgramme(file, { note: (line) => { throw new Error(`unexpected note: ${line}`); } });
        expect(await reportOf(programme)).toEqual(expected);
        rmSync(file);
      }),
      { numRuns: 15 },
    );
  }, 180_000);

  it('the layout file layout init writes for any arrangement round-trips (same report; written back unchanged)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(arrangement, async (value) => {
        const file = join(work, `init-${run += 1}.csv`);
        const layout = join(work, `init-${run}.yaml`);
        writeFileSync(file, blocksCsv(layOut(value)));
        const text = renderLayout(await detectPublished(file), file);
        writeFileSync(layout, text);
        expect(await reportOf(await loadProgramme(file, { layout }))).toEqual(expected);
        expect(renderLayout(await detectPublished(file, { layout }), file)).toBe(text);
        rmSync(file);
        rmSync(layout);
      }),
      { numRuns: 30 },
    );
  }, 120_000);

  it('fails when a table is left out (the property can fail)', async () => {
    const file = join(work, 'short.csv');
    writeFileSync(file, blocksCsv([heading, ...tables.slice(1), headline]));
    await expect(loadProgramme(file)).rejects.toThrow(/table fn-costs not found/);
    rmSync(file);
  });
});
