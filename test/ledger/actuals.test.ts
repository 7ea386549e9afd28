import { describe, expect, it } from 'vitest';
import { readLedgerMap, parseLedgerMap, resolveLine } from '../../src/ledger/map.js';
import { readLedgerActuals } from '../../src/ledger/read.js';
import { outturnFromActuals, ledgerOutturnOf } from '../../src/ledger/outturn.js';
import { toDecimalString } from '../../src/money/index.js';
import { tempFile } from './helpers.js';

const LEDGER = 'test/ledger/fixtures/small-ledger.csv';
const MAP = 'test/ledger/fixtures/small-map.csv';

describe('actuals on a small hand-summed ledger', () => {
  it('totals each line exactly to the penny', async () => {
    const actuals = await readLedgerActuals(LEDGER, await readLedgerMap(MAP));
    const byLine = Object.fromEntries(actuals.lines.map((l) => [`${l.table} ${l.line}`, l.amount]));
    // Staff Costs: C1000/1010 1000.10; Other: C1000/2050 250.05
    expect(byLine['fn-costs Staff Costs']).toBe(100010n);
    expect(byLine['fn-costs Other Programme Costs']).toBe(25005n);
    // BRR04 investment: C1100/3000 -0.15; savings: C1100/8100 (1,200.00)
    expect(byLine['brp-investment BRR04']).toBe(-15n);
    expect(byLine['brp-savings BRR04']).toBe(-120000n);
    // BRR06 by prefix C11*: C1101/5000 12.3
    expect(byLine['brp-investment BRR06']).toBe(1230n);
    // unmapped: C9000/1010 99.99 - 9.99
    expect(actuals.unmapped).toEqual({ rows: 2, amount: 9000n, codes: 1, top: [{ costCentre: 'C9000', account: '1010', rows: 2, amount: 9000n, firstRow: 6 }] });
    // grand total = file sum: 1000.10+250.05-0.15-1200+99.99-9.99+12.30 = 152.30
    expect(actuals.total).toBe(15230n);
    expect(actuals.rows).toBe(7);
    expect(actuals.firstPosting).toBe('2020-04-01');
    expect(actuals.lastPosting).toBe('2020-08-01');
  });

  it('gives £000 outturn per line, savings as positive savings', async () => {
    const outturn = outturnFromActuals(await readLedgerActuals(LEDGER, await readLedgerMap(MAP)));
    expect(outturn.label).toBe('ledger actuals');
    expect(toDecimalString(ledgerOutturnOf(outturn, 'fn-costs', 'Staff Costs')!)).toBe('1.0001');
    expect(toDecimalString(ledgerOutturnOf(outturn, 'brp-savings', 'BRR04')!)).toBe('1.2');
    expect(toDecimalString(outturn.unmapped)).toBe('0.09');
    expect(outturn.unmappedRows).toBe(2);
  });

  it('reads debit and credit columns as debit − credit', async () => {
    const ledger = tempFile('dc.csv', 'date,cc,nominal,narrative,debit,credit\r\n2021-03-31,C1000,1010,x,10.00,\r\n2021-03-31,C1000,1010,y,,2.50\r\n2021-03-31,C1000,1010,z,1.00,0.25\r\n');
    const actuals = await readLedgerActuals(ledger, await readLedgerMap(MAP));
    expect(actuals.lines.find((l) => l.line === 'Staff Costs')!.amount).toBe(825n);
  });
});

describe('map precedence', () => {
  const map = parseLedgerMap(
    Buffer.from('cost_centre,account,table,line\n*,*,fn-costs,Wild\n5*,*,fn-costs,Prefix5\n51*,*,fn-costs,Prefix51\n5000-5999,*,fn-costs,Range\n5100-5199,*,fn-costs,Narrow\n5150,*,fn-costs,Exact\n5150,4*,fn-costs,ExactAcc\n7000-7999,*,fn-costs,A\n7500-8499,*,fn-costs,B\n'),
    'map.csv',
  );
  const line = (cc: string, account = '1000'): string | undefined => resolveLine(map, cc, account, 'l.csv', 2)?.line;
  it('exact beats range beats prefix beats wildcard, then most specific', () => {
    expect(line('5150')).toBe('Exact');
    expect(line('5150', '4100')).toBe('ExactAcc');
    expect(line('5151')).toBe('Narrow');
    expect(line('5200')).toBe('Range');
    expect(line('51')).toBe('Prefix51');
    expect(line('5')).toBe('Prefix5');
    expect(line('X')).toBe('Wild');
  });
  it('of two overlapping ranges the narrower wins, for letter codes as for digits', () => {
    const lettered = parseLedgerMap(Buffer.from('cost_centre,account,table,line\nC2001-C2100,*,fn-costs,Wide\nC2000-C2050,*,fn-costs,Narrower\n'), 'm.csv');
    expect(resolveLine(lettered, 'C2010', '1', 'l.csv', 2)?.line).toBe('Narrower');
    expect(resolveLine(lettered, 'C2060', '1', 'l.csv', 2)?.line).toBe('Wide');
  });
  it('overlapping ranges of the same width that disagree are an error naming the rules', () => {
    expect(() => line('7600')).toThrow(/tie and disagree: map.csv:9 .*; map.csv:10/);
  });
  it('bad map rows are located', () => {
    expect(() => parseLedgerMap(Buffer.from('cost_centre,account,table,line\n5999-5000,*,fn-costs,X\n1,*,all-costs,Y\n'), 'm.csv')).toThrow(
      'm.csv:2: column "cost_centre": "5999-5000" is not a code range: 5999 comes after 5000\nm.csv:3: column "table": "all-costs" is not a table with lines',
    );
  });
});

describe('unmapped accounting', () => {
  it('lists the top 10 unmapped codes by absolute amount and never drops a row', async () => {
    let text = 'posting date,cost centre,account,description,amount\n';
    let expected = 0n;
    for (let i = 0; i < 15; i++) {
      const pounds = (i % 2 ? -1 : 1) * (i + 1);
      text += `2021-01-01,Z${i},9999,unmapped ${i},${pounds}.01\n`;
      expected += BigInt(pounds) * 100n + (pounds < 0 ? -1n : 1n);
    }
    text += '2021-01-01,C1000,1010,mapped,5.00\n';
    const actuals = await readLedgerActuals(tempFile('u.csv', text), await readLedgerMap(MAP));
    expect(actuals.unmapped.rows).toBe(15);
    expect(actuals.unmapped.codes).toBe(15);
    expect(actuals.unmapped.amount).toBe(expected);
    expect(actuals.unmapped.top.map((c) => c.costCentre)).toEqual(['Z14', 'Z13', 'Z12', 'Z11', 'Z10', 'Z9', 'Z8', 'Z7', 'Z6', 'Z5']);
    expect(actuals.total).toBe(expected + 500n);
  });
});
