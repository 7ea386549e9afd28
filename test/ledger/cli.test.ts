import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempFile } from './helpers.js';

const MAP = 'test/ledger/fixtures/small-map.csv';
const HEADER = 'Posting Date,Cost Centre,Account,Description,Amount\n';

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('node', ['bin/fn-model.js', 'actuals', ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('fn-model actuals: each bad-row class is located, exit 2', () => {
  const cases: [string, string, string][] = [
    ['bad amount', '2020-04-01,C1000,1010,x,12.3.4\n', 'bad.csv:2: column "Amount": "12.3.4" is not an amount'],
    ['amount not to the penny', '2020-04-01,C1000,1010,x,1.234\n', 'bad.csv:2: column "Amount": "1.234" is not an amount'],
    ['blank amount', '2020-04-01,C1000,1010,x,\n', 'bad.csv:2: column "Amount": is blank; every row needs an amount'],
    ['ragged row', '2020-04-01,C1000,1010,x,1,2\n', 'bad.csv:2: has 6 fields but the header has 5'],
    ['amount of more than 25 digits of whole pounds', `2020-04-01,C1000,1010,x,${'1'.repeat(26)}.17\n`,
      `bad.csv:2: column "Amount": "${'1'.repeat(26)}.17" is not an amount fn-model reads: more than 25 digits of whole pounds (see docs/robustness.md)`],
    ['bad date', '31/02/2021,C1000,1010,x,1.00\n', 'bad.csv:2: column "Posting Date": "31/02/2021" is not a date (expected YYYY-MM-DD or DD/MM/YYYY)'],
    ['unterminated quote at EOF', '2020-04-01,C1000,1010,x,1.00\n2020-04-01,C1000,1010,"open,1.00\n', 'bad.csv:3: column "Description": "\\"open,1.00\\n" opens a quote that is not closed before the end of the file'],
    ['quote inside an unquoted field', '2020-04-01,C1000,1010,ab"c,1.00\n', 'bad.csv:2: column "Description": "ab\\"c" has a quote (") inside an unquoted field; quote the whole field and double the quote ("")'],
    ['text after a closing quote, named at the row the quote opens', '2020-04-01,C1000,1010,"two\nlines"x,1.00\n', 'bad.csv:2: column "Description": "\\"two\\nlines\\"x" has text after its closing quote (which is on line 3); a quote inside a field must be doubled ("")'],
    ['text after a closing quote, the whole field quoted', '2020-04-01,C1000,1010,"Smith" and sons,1.00\n', 'bad.csv:2: column "Description": "\\"Smith\\" and sons" has text after its closing quote; a quote inside a field must be doubled ("")'],
  ];
  for (const [name, rows, message] of cases) {
    it(name, () => {
      const file = tempFile('bad.csv', HEADER + rows);
      const result = run(file, '--map', MAP);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`fn-model: ${file.replace(/bad\.csv$/, '')}${message}\n`);
      expect(result.stdout).toBe('');
    });
  }

  it('a quote left open early in a large ledger is located at its row at once, not after reading the file', () => {
    const rows = '2020-04-01,C1000,1010,x,1.00\n'.repeat(200_000); // ~5.8 MB after the open quote
    const file = tempFile('open.csv', `${HEADER}2020-04-01,C1000,1010,"oops,1.00\n${rows}`);
    const result = run(file, '--map', MAP);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fn-model: ${file}:2: starts a record that runs past 4 MiB without ending (is a quote left open?); see docs/robustness.md\n`);
  });

  it('a long but closed description (3 MB) is read', () => {
    const file = tempFile('long.csv', `${HEADER}2020-04-01,C1000,1010,"${'b'.repeat(3_000_000)}",1.00\n`);
    const result = run(file, '--map', MAP, '--format', 'csv');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('(total),,1,1.00,0.001');
  });

  it('a UTF-16 ledger is refused in one line that says so, not as missing columns', () => {
    const file = tempFile('u16.csv', '');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}2020-04-01,C1000,1010,x,1.00\n`, 'utf16le')]));
    const result = run(file, '--map', MAP);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fn-model: ${file}:1: is UTF-16 text (it starts with a UTF-16 byte-order mark); save the ledger as CSV UTF-8\n`);
  });

  it('a UTF-16 map is refused in one line that says so', () => {
    const file = tempFile('ok.csv', `${HEADER}2020-04-01,C1000,1010,x,1.00\n`);
    const map = tempFile('map16.csv', '');
    writeFileSync(map, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(MAP, 'utf8'), 'utf16le')]));
    const result = run(file, '--map', map);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fn-model: ${map}:1: is UTF-16 text (it starts with a UTF-16 byte-order mark); save the map as CSV UTF-8\n`);
  });

  it('amounts with a Unicode minus sign (U+2212) are credits, as in the dataset', () => {
    const file = tempFile('minus.csv', `${HEADER}2020-04-01,C1000,1010,x,\u22123.50\n2020-04-01,C1000,1010,y,10.00\n`);
    const result = run(file, '--map', MAP, '--format', 'csv');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('(total),,2,6.50,0.0065');
  });

  it('missing column', () => {
    const file = tempFile('bad.csv', 'Posting Date,Cost Centre,Description,Amount\n2020-04-01,C1000,x,1.00\n');
    const result = run(file, '--map', MAP);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fn-model: ${file}:1: has no account column (looked for "account", "subjective", "nominal", "account code", "subjective code", "nominal code")\n`);
  });

  it('--max-errors N collects N located problems, then stops', () => {
    const file = tempFile('bad.csv', HEADER + Array.from({ length: 5 }, (_, i) => `2020-04-01,C1000,1010,x,bad${i}\n`).join(''));
    const result = run(file, '--map', MAP, '--max-errors', '3');
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      `fn-model: ${file}:2: column "Amount": "bad0" is not an amount`,
      `fn-model: ${file}:3: column "Amount": "bad1" is not an amount`,
      `fn-model: ${file}:4: column "Amount": "bad2" is not an amount`,
      'fn-model: stopped after 3 problems (--max-errors 3); there may be more',
    ]);
  });

  it('amounts up to 25 digits of whole pounds are exact, in £ and in £000', () => {
    const file = tempFile('big.csv', `${HEADER}2020-04-01,C1000,1010,x,${'1'.repeat(25)}.17\n2020-04-01,C1000,1010,x,${'1'.repeat(25)}.17\n`);
    const result = run(file, '--map', MAP, '--format', 'csv');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe(`(total),,2,${'2'.repeat(25)}.34,${'2'.repeat(22)}.22234`);
  });

  it('a code that is not UTF-8 (a Windows-1252 export) is located once per code, not merged with others as U+FFFD', () => {
    const file = tempFile('cp1252.csv', '');
    writeFileSync(file, Buffer.concat([Buffer.from(HEADER), Buffer.from('2020-04-01,C\xe9,1010,x,1.00\n2020-04-01,C\xe8,1010,x,1.00\n2020-04-01,C\xe9,1010,x,1.00\n', 'latin1')]));
    const result = run(file, '--map', MAP);
    expect(result.status).toBe(2);
    const problem = 'is not UTF-8 text (is the ledger saved as Windows-1252 or another code page?); save it as CSV UTF-8';
    expect(result.stderr.trim().split('\n')).toEqual([
      `fn-model: ${file}:2: column "Cost Centre": "C\ufffd" (bytes 43 E9) ${problem}`,
      `fn-model: ${file}:3: column "Cost Centre": "C\ufffd" (bytes 43 E8) ${problem}`,
    ]);
  });

  it('--strict reports an unmapped pair once however its codes are padded with spaces', () => {
    const file = tempFile('padded.csv', `${HEADER}2020-04-01,C9000,1010,x,1.00\n2020-04-01," C9000",1010,x,1.00\n2020-04-01,"C9000 ", 1010 ,x,1.00\n`);
    const result = run(file, '--map', MAP, '--strict');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fn-model: ${file}:2: cost centre "C9000" account "1010" is not in the map ${MAP} (--strict)\n`);
  });

  it('--strict makes unmapped rows an error, located at the first row of each pair', () => {
    const result = run('test/ledger/fixtures/small-ledger.csv', '--map', MAP, '--strict');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`fn-model: test/ledger/fixtures/small-ledger.csv:6: cost centre "C9000" account "1010" is not in the map ${MAP} (--strict)\n`);
  });
});

describe('fn-model actuals output', () => {
  it('JSON carries money as decimal strings; -o writes the file', () => {
    const out = tempFile('out.json', '');
    const result = run('test/ledger/fixtures/small-ledger.csv', '--map', MAP, '--format', 'json', '-o', out, '--force'); // tempFile created it: replacing needs --force
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.total).toEqual({ pounds: '152.30', thousands: '0.1523' });
    expect(report.lines[0]).toEqual({ table: 'fn-costs', line: 'Staff Costs', rows: 1, pounds: '1000.10', thousands: '1.0001' });
    expect(report.unmapped).toMatchObject({ rows: 2, codes: 1, pounds: '90.00' });
  });

  it('the bundled sample runs', () => {
    const result = run('data/ledger-sample/ledger.csv', '--map', 'data/ledger-sample/map.csv', '--format', 'csv');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('table,line,rows,pounds,thousands');
    expect(result.stdout).toContain('(total),,300,');
  });
});
