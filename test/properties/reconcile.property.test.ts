/**
 * Property: change any one input cell of an exported workbook by any amount, in the XML
 * (no recalculation), and reconcile names exactly that cell as `edited`, with the old
 * and new values, and nothing else as `edited`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { add, amountOf, equals, toDecimalString, type Amount } from '../../src/money/index.js';
import { INPUT_FIELDS, type Programme } from '../../src/model/index.js';
import { bundledDatasetPath, loadProgramme, readExportedCells } from '../../src/load/index.js';
import { reconcileWorkbook } from '../../src/engine/index.js';
import { runCli } from '../support/run-cli.js';
import { withNumberCell } from '../support/workbook-xml.js';

interface InputCell { sheet: string; cell: string; table: string; line: string; field: string; value: Amount }

const folder = mkdtempSync(join(tmpdir(), 'fn-model-property-'));
const book = join(folder, 'audit.xlsx');
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let bytes: Uint8Array;
let source: Programme;
let inputs: InputCell[];

beforeAll(async () => {
  expect(runCli(['export', '-o', book]).status).toBe(0);
  bytes = readFileSync(book);
  source = await loadProgramme(bundledDatasetPath());
  const exported = await loadProgramme(book);
  inputs = exported.tables.flatMap((table) => table.lines.flatMap((line) => INPUT_FIELDS.flatMap((field) => {
    const value = line.inputs[field];
    const where = line.sources[field];
    return value === undefined || !where?.cell ? [] : [{ sheet: where.sheet!, cell: where.cell, table: table.id, line: line.id, field, value }];
  })));
});

/** A non-zero change: whole £000 or with up to two decimals. */
const change = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).filter((n) => n !== 0).map(String),
  fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 1, max: 99 })).map(([whole, cents]) => `${whole < 0 ? '-' : ''}${Math.abs(whole)}.${String(cents).padStart(2, '0')}`),
);

describe('reconcile names exactly the edited cell', () => {
  it('for a random input cell changed by a random amount', { timeout: 300_000 }, async () => {
    expect(inputs.length).toBeGreaterThan(100);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(), change, async (pick, delta) => {
        const target = inputs[pick % inputs.length]!;
        const now = add(target.value, amountOf(delta));
        fc.pre(!equals(now, target.value));
        const path = join(folder, `edited-${(run += 1)}.xlsx`);
        writeFileSync(path, await withNumberCell(bytes, target.sheet, target.cell, toDecimalString(now)));
        const read = await readExportedCells(path, path);
        const report = reconcileWorkbook({ source, workbook: await loadProgramme(path), cells: read.exported!.cells });
        const edits = report.findings.filter((finding) => finding.kind === 'edited');
        // (`source`, where the figure is in the source dataset, is left out here: the source is the CSV folder)
        expect(edits.map(({ source: _source, ...finding }) => ({ ...finding, was: toDecimalString(finding.was!), now: toDecimalString(finding.now!), difference: toDecimalString(finding.difference!) }))).toEqual([
          { kind: 'edited', sheet: target.sheet, cell: target.cell, table: target.table, line: target.line, field: target.field, was: toDecimalString(target.value), now: toDecimalString(now), difference: toDecimalString(amountOf(delta)) },
        ]);
        expect(report.findings.filter((finding) => finding.kind === 'added' || finding.kind === 'removed')).toEqual([]);
        // every formula the edit made stale is grouped under the edited cell
        const stale = report.findings.filter((finding) => finding.kind === 'stale-formula');
        expect(stale.length).toBeGreaterThan(0);
        expect(stale.map((finding) => finding.dependsOn)).toEqual(stale.map(() => [`${target.sheet}!${target.cell}`]));
      }),
      { numRuns: 40 },
    );
  });
});
