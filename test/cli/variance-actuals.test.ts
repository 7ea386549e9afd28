/**
 * `fn-model variance --actuals LEDGER --map MAP`: ledger actuals replace the outturn of
 * the lines the map names, exactly, and the report says so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'fn-model-actuals-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// BRR09's savings delivered as two credits totalling £1,085,000.00 (1,085 £000), plus one
// unmapped row: if BRR09's outturn were 1,085 the published BRP savings totals would agree.
writeFileSync(join(work, 'ledger.csv'), [
  'posting_date,cost_centre,account,description,amount',
  '2020-06-30,C2009,9100,"Review of TOM, first tranche",-600000.00',
  '2021-03-31,C2009,9100,Review of TOM second tranche,-485000.00',
  '2021-03-31,C9999,1000,"Unmapped, stray posting",12.34',
  '',
].join('\n'));
writeFileSync(join(work, 'map.csv'), 'cost_centre,account,table,line\nC2009,9*,brp-savings,BRR09\n');

describe('variance --actuals', () => {
  const result = runCli(['variance', '--format', 'json', '--actuals', 'ledger.csv', '--map', 'map.csv', '--data', join(process.cwd(), 'data', 'march-2021')], { cwd: work });
  const report = JSON.parse(result.stdout);

  it('takes BRR09 savings outturn from the ledger, negating the credits (1,085 £000)', () => {
    expect(result.status).toBe(0);
    const brp = report.tables.find((table: { id: string }) => table.id === 'brp-savings');
    const brr09 = brp.lines.find((line: { line: string }) => line.line === 'BRR09');
    expect(brr09.outturn).toBe('1085');
    expect(brr09.variance).toBe('-270');
    expect(brp.computed.outturn).toBe('1402');
  });

  it('labels the outturn as ledger actuals and accounts for the unmapped row', () => {
    expect(report.outturn.source).toBe('ledger actuals');
    expect(report.outturn.lines).toEqual(['brp-savings.BRR09']);
    expect(report.outturn.unmappedLines).toHaveLength(33);
    expect(report.outturn.unmappedRows).toBe(1);
    expect(report.outturn.unmappedAmount).toBe('0.01234');
  });

  it('says in the table which lines the ledger replaced and which keep the published outturn, in English', () => {
    const table = runCli(['variance', '--actuals', 'ledger.csv', '--map', 'map.csv', '--data', join(process.cwd(), 'data', 'march-2021')], { cwd: work, env: { NO_COLOR: '1' } });
    expect(table.status).toBe(0);
    const note = table.stdout.split('\n').find((line) => line.startsWith('Outturn: '));
    expect(note).toMatch(/^Outturn: ledger actuals from ledger\.csv via map\.csv \(1 line; 33 lines the map does not name keep the dataset's outturn \(.*\)\); 1 ledger row unmapped, totalling 0\.01234 £000\.$/);
  });

  it('reconciles the stated figures against the new outturn: only the all-savings 2021/24 and outturn remain', () => {
    expect(report.discrepancies.map((item: { table: string; line: string; field: string; difference: string }) => `${item.table}.${item.line}.${item.field} ${item.difference}`))
      .toEqual(['all-savings.TOTAL.2021/24 600', 'all-savings.TOTAL.outturn 60']);
    expect(report.combined).toEqual({ computed: '888', published: '888' });
  });

  it('a map naming a line the dataset lacks is one located line, exit 2', () => {
    writeFileSync(join(work, 'bad-map.csv'), 'cost_centre,account,table,line\nC2009,9*,brp-savings,BRR99\n');
    const bad = runCli(['variance', '--actuals', 'ledger.csv', '--map', 'bad-map.csv'], { cwd: work });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^fn-model: bad-map\.csv:2: column "line": "BRR99" is not a line of table brp-savings in the dataset .*march-2021\n$/);
  });

  it('`actuals` alone also refuses a map line the dataset lacks, located in the map', () => {
    writeFileSync(join(work, 'typo-map.csv'), 'cost_centre,account,table,line\nC2009,9*,ncc-savings,Adultz\n');
    const bad = runCli(['actuals', 'ledger.csv', '--map', 'typo-map.csv'], { cwd: work });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^fn-model: typo-map\.csv:2: column "line": "Adultz" is not a line of table ncc-savings in the dataset .*march-2021\n$/);
  });

  it('`actuals` reads the dataset while the ledger streams, but its verdict still comes first', () => {
    // The dataset check overlaps the scan; a map line the dataset lacks is still the one
    // reported when the ledger is bad too, and a missing --data folder is reported as such.
    writeFileSync(join(work, 'typo-map2.csv'), 'cost_centre,account,table,line\nC2009,9*,ncc-savings,Adultz\n');
    writeFileSync(join(work, 'bad-ledger.csv'), 'posting_date,cost_centre,account,description,amount\n2020-05-01,C2009,9100,x,12.3.4\n');
    const both = runCli(['actuals', 'bad-ledger.csv', '--map', 'typo-map2.csv'], { cwd: work });
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/^fn-model: typo-map2\.csv:2: column "line": "Adultz" is not a line of table ncc-savings in the dataset .*march-2021\n$/);
    const ledgerOnly = runCli(['actuals', 'bad-ledger.csv', '--map', 'map.csv'], { cwd: work });
    expect(ledgerOnly.status).toBe(2);
    expect(ledgerOnly.stderr).toBe('fn-model: bad-ledger.csv:2: column "amount": "12.3.4" is not an amount\n');
    const noData = runCli(['actuals', 'ledger.csv', '--map', 'map.csv', '--data', 'no-such-folder'], { cwd: work });
    expect(noData.status).toBe(2);
    expect(noData.stderr).toMatch(/^fn-model: no-such-folder/);
    expect(noData.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a map line differing from the dataset only in case is refused by both commands, located, with a hint', () => {
    writeFileSync(join(work, 'case-map.csv'), 'cost_centre,account,table,line\nC2009,9*,brp-savings,brr09\n');
    const hint = /^fn-model: case-map\.csv:2: column "line": "brr09" is not a line of table brp-savings in the dataset .*march-2021 \(line ids must match exactly: did you mean "BRR09"\?\)\n$/;
    const alone = runCli(['actuals', 'ledger.csv', '--map', 'case-map.csv'], { cwd: work });
    expect(alone.status).toBe(2);
    expect(alone.stderr).toMatch(hint);
    const inVariance = runCli(['variance', '--actuals', 'ledger.csv', '--map', 'case-map.csv'], { cwd: work });
    expect(inVariance.status).toBe(2);
    expect(inVariance.stderr).toMatch(hint);
  });

  it('a ledger or map that cannot be read is named, with its role, in one line', () => {
    for (const [args, expected] of [
      [['actuals', 'no-such.csv', '--map', 'map.csv'], 'fn-model: no-such.csv: not found (the ledger)\n'],
      [['actuals', 'ledger.csv', '--map', 'no-such.csv'], 'fn-model: no-such.csv: not found (the map)\n'],
      [['actuals', '.', '--map', 'map.csv'], 'fn-model: .: is a folder, not a file (the ledger)\n'],
      [['actuals', 'ledger.csv', '--map', '.'], 'fn-model: .: is a folder, not a file (the map)\n'],
      [['variance', '--actuals', '.', '--map', 'map.csv'], 'fn-model: .: is a folder, not a file (the ledger)\n'],
    ] as const) {
      const result = runCli(args, { cwd: work });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toBe(expected);
    }
  });

  it('--actuals without --map is a usage error', () => {
    const bad = runCli(['variance', '--actuals', 'ledger.csv'], { cwd: work });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('fn-model: --actuals and --map go together: give both or neither\n');
  });
});
