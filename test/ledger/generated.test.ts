import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLedgerMap, resolveLine } from '../../src/ledger/map.js';
import { readLedgerActuals } from '../../src/ledger/read.js';
import { penceToPoundsText } from '../../src/money/index.js';
import { temporaryFolder } from '../support/temp-folders.js';

beforeAll(() => {
  const built = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(built.stdout + built.stderr);
}, 120_000);

describe('actuals equal csv-parse + decimal.js on generated ledgers', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}, 20,000 rows, small chunks`, async () => {
      const dir = temporaryFolder('fn-model-gen-');
      const mapPath = join(dir, 'map.csv');
      const generated = spawnSync('node', ['dist/scripts/gen-ledger.js', '--rows', '20000', '--seed', String(seed), '--map', mapPath], { encoding: 'buffer', maxBuffer: 1 << 26 });
      expect(generated.status).toBe(0);
      const ledgerPath = join(dir, 'ledger.csv');
      writeFileSync(ledgerPath, generated.stdout);
      const map = await readLedgerMap(mapPath);
      const actuals = await readLedgerActuals(ledgerPath, map, { chunkBytes: 4096 });

      const rows = parse(readFileSync(ledgerPath), { columns: true, bom: true }) as Record<string, string>[];
      const expected = new Map<string, Decimal>();
      let unmapped = new Decimal(0);
      let total = new Decimal(0);
      for (const row of rows) {
        const amount = new Decimal(row.amount!);
        total = total.plus(amount);
        const target = resolveLine(map, row.cost_centre!, row.account!, 'x', 0);
        if (!target) unmapped = unmapped.plus(amount);
        else {
          const key = `${target.table}|${target.line}`;
          expected.set(key, (expected.get(key) ?? new Decimal(0)).plus(amount));
        }
      }
      for (const line of actuals.lines) {
        expect(penceToPoundsText(line.amount), `${line.table} ${line.line}`).toBe((expected.get(`${line.table}|${line.line}`) ?? new Decimal(0)).toFixed(2));
      }
      expect(penceToPoundsText(actuals.unmapped.amount)).toBe(unmapped.toFixed(2));
      expect(penceToPoundsText(actuals.total)).toBe(total.toFixed(2));
      expect(actuals.rows).toBe(rows.length);
    }, 60_000);
  }
});
