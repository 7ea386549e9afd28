/**
 * The movement terminal table: aligned columns (cli-table3), brackets for negatives,
 * colour only when asked (the command asks only on a TTY without NO_COLOR).
 */
import { describe, expect, it } from 'vitest';
import { computeMovement } from '../../src/engine/index.js';
import { loadProgramme } from '../../src/load/index.js';
import { movementAsTable } from '../../src/render/movement-table.js';
import { runCli } from '../support/run-cli.js';

const report = computeMovement(await loadProgramme('data/march-2021'), await loadProgramme('test/fixtures/snapshots/april-2021-test'));
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[/;

describe('movement as a terminal table', () => {
  it('has no colour unless asked, and colour when asked', () => {
    expect(movementAsTable(report)).not.toMatch(ANSI);
    expect(movementAsTable(report, { colour: true })).toMatch(ANSI);
  });

  it('right-aligns amounts and brackets negatives', () => {
    const text = movementAsTable(report);
    expect(text).toContain('│ Business Rates Funded Projects - Savings [brp-savings]               │        (350) │           429 │');
    expect(text).toContain('│ ncc-investment │ costs   │       4,250 │     4,250 │      0 │        4,408 │      4,408 │      0 │         (158) │       (158) │      0 │');
  });

  it('the CLI writes no colour into a file or a pipe', () => {
    const result = runCli(['movement', '--from', 'data/march-2021', '--to', 'test/fixtures/snapshots/april-2021-test'], { env: { NO_COLOR: '', FORCE_COLOR: '' } });
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(ANSI);
  });
});
