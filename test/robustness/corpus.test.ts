/**
 * The bad-input corpus, through the real CLI: every case must give exit 2, nothing on
 * stdout, exactly the stderr in its `expected.txt` (one located line per problem) and no
 * stack trace.
 *
 * Committed cases: `test/fixtures/bad/<case>/` holds `data/` (a dataset folder) or
 * `book.xlsx`, `expected.txt`, and optionally `args.txt` (extra options). Cases too big or
 * too hostile to commit (zip bombs, entity expansion, a 100 MB cell, a million columns, an
 * oversized file) are generated into a temporary folder when the test runs, with their
 * expected lines below.
 *
 * To cover a new command, add it to COMMANDS: every case then runs through it too (a
 * command-specific `expected.<command>.txt` overrides `expected.txt`).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync, cpSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';
import { runCliAsync } from '../support/run-cli-async.js';
import { unzipParts, zipParts, type ZipPart } from '../../scripts/fuzz/zip.js';
import { workbookZipProblems } from '../../src/load/zip-guard.js';

/** The commands that load a dataset, and how each is given one. */
const COMMANDS: readonly { readonly name: string; readonly argv: (data: string) => readonly string[] }[] = [
  { name: 'variance', argv: (data) => ['variance', '--data', data] },
  { name: 'explain', argv: (data) => ['explain', 'all-savings.TOTAL.outturn', '--data', data] },
  { name: 'export', argv: (data) => ['export', '--data', data, '-o', 'never-written.xlsx'] },
  { name: 'movement', argv: (data) => ['movement', '--from', join(ROOT, 'data', 'march-2021'), '--to', data] },
  { name: 'report', argv: (data) => ['report', '--data', data, '-o', 'never-written.html'] },
  { name: 'trend', argv: (data) => ['trend', join(ROOT, 'data', 'march-2021'), data, '--label', '2021-03', '--label', '2021-04'] },
];

const BAD = join(ROOT, 'test', 'fixtures', 'bad');

/** Run `command` on the case in `folder` and check it against `expected`. */
async function expectRefused(folder: string, command: (typeof COMMANDS)[number], expected: string): Promise<void> {
  const data = existsSync(join(folder, 'book.xlsx')) ? 'book.xlsx' : 'data';
  const extra = existsSync(join(folder, 'args.txt')) ? readFileSync(join(folder, 'args.txt'), 'utf8').trim().split(/\s+/) : [];
  const result = await runCliAsync([...command.argv(data), ...extra], { cwd: folder });
  expect(result.stderr).toBe(expected);
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at \S/);
  for (const line of result.stderr.trimEnd().split('\n')) expect(line).toMatch(/^fn-model: (data\/[a-z0-9-]+\.csv|book\.xlsx)/);
  // commands that write (export, report) write nothing when the input is refused
  expect(readdirSync(folder).filter((name) => name.startsWith('never-written') || name.startsWith('.fn-model-tmp-'))).toEqual([]);
}

const committed = readdirSync(BAD).filter((name) => existsSync(join(BAD, name, 'expected.txt'))).sort();

describe.each(COMMANDS)('bad-input corpus through `fn-model $name`', (command) => {
  it('has at least 25 committed cases', async () => {
    expect(committed.length).toBeGreaterThanOrEqual(25);
  });

  it.each(committed)('%s', async (name) => {
    const folder = join(BAD, name);
    const specific = join(folder, `expected.${command.name}.txt`);
    await expectRefused(folder, command, readFileSync(existsSync(specific) ? specific : join(folder, 'expected.txt'), 'utf8'));
  });
});

// ---- generated cases -------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'fn-model-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let bundledParts: ZipPart[] = [];
beforeAll(async () => {
  bundledParts = await unzipParts(readFileSync(join(ROOT, 'data', 'march-2021.xlsx')));
});

/** A case folder holding a copy of the bundled dataset with `file` replaced by `content`. */
function folderCase(name: string, file: string, content: string | Buffer | ((path: string) => void)): string {
  const folder = join(work, name);
  cpSync(join(ROOT, 'data', 'march-2021'), join(folder, 'data'), { recursive: true });
  const path = join(folder, 'data', file);
  if (typeof content === 'function') content(path);
  else writeFileSync(path, content);
  return folder;
}

/** A case folder holding the bundled workbook as `book.xlsx`, with parts replaced or added. */
function workbookCase(name: string, change: (parts: ZipPart[]) => ZipPart[], level?: number): string {
  const folder = join(work, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'book.xlsx'), zipParts(change([...bundledParts]), 'deflate', level));
  return folder;
}

/** The parts with `name`'s XML text edited. */
function editPart(parts: ZipPart[], name: string, edit: (xml: string) => string): ZipPart[] {
  const found = parts.find((part) => part.name === name);
  if (!found) throw new Error(`no part ${name}`);
  const edited = edit(Buffer.from(found.data).toString('utf8'));
  if (edited === Buffer.from(found.data).toString('utf8')) throw new Error(`edit of ${name} changed nothing`);
  return parts.map((part) => (part === found ? { name, data: Buffer.from(edited) } : part));
}

const MIB = 1024 * 1024;
const HEADER = 'line,name,2019/20,2020/21,2021/24,total,outturn,variance\n';

describe.each(COMMANDS)('generated hostile inputs through `fn-model $name`', (command) => {
  it('a 100 MB single cell is refused at its row and column, without reading it into rows', async () => {
    const folder = folderCase('huge-cell', 'brp-investment.csv', `${HEADER}BRR04,CFN Improving Fostering,16,120,334,470,${'9'.repeat(100_000_000)},(119)\nTOTAL,Total,16,120,334,470,239,(119)\n`);
    await expectRefused(folder, command, `fn-model: data/brp-investment.csv:2: "${'9'.repeat(60)}…" is in column 7 and has about 100,000,000 characters; cells over 32,767 characters (Excel's maximum) are refused\n`);
  });

  it('a row of more than a million columns is refused at the first cell over 16,384', async () => {
    const folder = folderCase('million-columns', 'fn-costs.csv', `${HEADER}Staff Costs,Staff,${'1,'.repeat(1_100_000)}1\n`);
    await expectRefused(folder, command, `fn-model: data/fn-costs.csv:2: "1" is cell 16,385 of the row; rows of more than 16,384 cells (Excel's maximum) are refused\n`);
  });

  it('a 10 MB cell in a workbook (incompressible, so under the zip limits) is refused at its sheet, row and cell', async () => {
    const huge = randomBytes(7_500_000).toString('base64');
    const folder = workbookCase('huge-xlsx-cell', (parts) => editPart(parts, 'xl/worksheets/sheet2.xml', (xml) => xml.replace('<c r="G4" s="3"><v>297</v></c>', `<c r="G4" t="inlineStr"><is><t>${huge}</t></is></c>`)), 1);
    await expectRefused(folder, command, `fn-model: book.xlsx[brp-investment]:4: ${JSON.stringify(`${huge.slice(0, 60)}…`)} in cell G4 has 10,000,000 characters; cells over 32,767 characters (Excel's maximum) are refused\n`);
  });

  it('a CSV over 128 MiB is refused unread', async () => {
    const folder = folderCase('huge-file', 'ncc-savings.csv', (path) => {
      writeFileSync(path, '');
      truncateSync(path, 200 * MIB); // sparse: costs no disk and no time
    });
    await expectRefused(folder, command, `fn-model: data/ncc-savings.csv: is 200 MiB (209,715,200 bytes); files over 128 MiB are refused (see docs/robustness.md)\n`);
  });

  it('an .xlsx over 100 MiB is refused unread', async () => {
    const folder = join(work, 'huge-workbook');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'book.xlsx'), '');
    truncateSync(join(folder, 'book.xlsx'), 101 * MIB);
    await expectRefused(folder, command, `fn-model: book.xlsx: is 101 MiB (105,906,176 bytes); files over 100 MiB are refused (see docs/robustness.md)\n`);
  });

  it('a zip bomb (unpacks to over 200 MiB) is refused from its directory, unopened', async () => {
    const folder = workbookCase('zip-bomb', (parts) => [...parts, { name: 'xl/media/image1.png', data: Buffer.alloc(300 * MIB) }], 1);
    await expectRefused(folder, command, 'fn-model: book.xlsx: would unpack to 301 MiB; workbooks that unpack to more than 200 MiB are refused unopened (zip bomb guard, see docs/robustness.md)\n');
  });

  it('a part compressed more than 200:1 to over 10 MiB is refused unopened', async () => {
    const folder = workbookCase('zip-ratio', (parts) => editPart(parts, 'xl/sharedStrings.xml', (xml) => xml.replace('</sst>', `<!--${' '.repeat(20 * MIB)}--></sst>`)));
    const result = await runCliAsync(command.argv('book.xlsx'), { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^fn-model: book\.xlsx: "xl\/sharedStrings\.xml" is a zip part compressed [\d,]+:1 to 21 MiB; parts over 10 MiB compressed more than 200:1 are refused unopened \(zip bomb guard, see docs\/robustness\.md\)\n$/);
  });

  it('a part whose zip directory understates its size (a disguised bomb) is stopped while inflating', async () => {
    const folder = workbookCase('lying-directory', (parts) => [...parts, { name: 'xl/media/image1.png', data: Buffer.alloc(30 * MIB) }], 1);
    const path = join(folder, 'book.xlsx');
    const bytes = readFileSync(path);
    // declare 1 MiB instead of 30 MiB in the local header and the central directory entry of the last part
    const central = bytes.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'));
    const local = bytes.readUInt32LE(central + 42);
    expect(bytes.readUInt32LE(central + 24)).toBe(30 * MIB);
    bytes.writeUInt32LE(MIB, central + 24);
    bytes.writeUInt32LE(MIB, local + 22);
    writeFileSync(path, bytes);
    // the guard itself stops it (exceljs would refuse this file too, so the CLI line alone cannot tell)
    expect(await workbookZipProblems(bytes, 'book.xlsx')).toEqual([{ file: 'book.xlsx', message: 'is not an .xlsx workbook' }]);
    await expectRefused(folder, command, 'fn-model: book.xlsx: is not an .xlsx workbook\n');
  });

  it('an external entity (XXE) in a sheet is refused unopened', async () => {
    const folder = workbookCase('xxe', (parts) =>
      editPart(parts, 'xl/worksheets/sheet2.xml', (xml) => xml.replace(/^(<\?xml[^>]*\?>)/, '$1\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')),
    );
    await expectRefused(folder, command, 'fn-model: book.xlsx: "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \\"file:///etc/passwd…" is in zip part xl/worksheets/sheet2.xml line 2: a DTD declaration (external entity or entity expansion); a workbook never needs one, so it is refused unopened\n');
  });

  it('entity expansion ("billion laughs") in the shared strings is refused unopened', async () => {
    const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n === 0 ? '' : n};`.repeat(10)}">`)].join('');
    const folder = workbookCase('billion-laughs', (parts) => editPart(parts, 'xl/sharedStrings.xml', (xml) => xml.replace(/^(<\?xml[^>]*\?>)/, `$1\n<!DOCTYPE lolz [${laughs}]>`).replace(/<t>[^<]*<\/t>/, '<t>&lol9;</t>')));
    await expectRefused(folder, command, 'fn-model: book.xlsx: "<!DOCTYPE lolz [<!ENTITY lol \\"lol\\"><!ENTITY lol1 \\"&lol;&lol;…" is in zip part xl/sharedStrings.xml line 2: a DTD declaration (external entity or entity expansion); a workbook never needs one, so it is refused unopened\n');
  });

  it('a sheet whose last cell is XFD1048576 is refused before its cells are walked', async () => {
    const folder = workbookCase('far-cell', (parts) => editPart(parts, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')));
    const result = await runCliAsync(command.argv('book.xlsx'), { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^fn-model: book\.xlsx\[[a-z-]+\]:1048576: "XFD1048576" is the last cell of the sheet: 1,048,576 rows × 16,384 columns; sheets over 1,048,576 rows, 16,384 columns or 2,000,000 cells are refused \(delete the far-away cells\)\n$/);
  });
});
