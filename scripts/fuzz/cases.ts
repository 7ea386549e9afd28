/**
 * The fuzzer's cases: seeded mutations of the bundled dataset (every CSV of
 * `data/march-2021/` and the workbook `data/march-2021.xlsx`). A case is a pure function of
 * (seed, index), so any case can be rebuilt and saved from its two numbers alone.
 *
 * Mutations: byte flips, byte insertions from a hostile alphabet, cell swaps, cell
 * replacements from a dictionary of hostile amounts, truncation, row duplication and
 * deletion, and encoding damage (UTF-16 with and without BOM, Windows-1252, stray UTF-8
 * bytes, BOMs, line-ending changes). Workbook cases mutate one XML part (the same text
 * mutations plus duplicated `<row>`s, swapped `<v>`s and moved cell addresses) and re-zip,
 * or damage the zip bytes themselves.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { unzipParts, zipParts, type ZipPart } from './zip.js';

/** The unmutated inputs: the bundled CSVs by file name, and the bundled workbook and its parts. */
export interface FuzzCorpus {
  readonly csvFiles: ReadonlyMap<string, Buffer>;
  readonly workbook: Buffer;
  readonly workbookParts: readonly ZipPart[];
}

/** One fuzz case: the mutated file, where it goes, and the command-line options to run with. */
export interface FuzzCase {
  readonly seed: number;
  readonly index: number;
  /** `csv`: `file` replaces that file in a copy of the dataset folder; `xlsx`: `bytes` is the whole workbook. */
  readonly kind: 'csv' | 'xlsx';
  readonly file: string;
  readonly bytes: Buffer;
  /** The command run (one of {@link FUZZ_COMMANDS}). */
  readonly command: string;
  /** Options after `<command> --data PATH`. */
  readonly options: readonly string[];
  /** The mutations applied, in order, for the report. */
  readonly mutations: readonly string[];
}

/** The repository root, from `scripts/fuzz/` (source) or `dist/scripts/fuzz/` (built). */
export function repositoryRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../..'), resolve(here, '../../..')];
  return candidates.find((candidate) => existsSync(join(candidate, 'data', 'march-2021'))) ?? (candidates[0] as string);
}

/** Read the bundled dataset the mutations start from. */
export async function loadCorpus(root = repositoryRoot()): Promise<FuzzCorpus> {
  const folder = join(root, 'data', 'march-2021');
  const csvFiles = new Map<string, Buffer>();
  for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.csv')).sort()) csvFiles.set(name, readFileSync(join(folder, name)));
  const workbook = readFileSync(join(root, 'data', 'march-2021.xlsx'));
  return { csvFiles, workbook, workbookParts: await unzipParts(workbook) };
}

/** A seeded source of choices. */
export class Choices {
  constructor(private readonly rng: RandomGenerator) {}
  /** An integer in [from, to]. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }
  /** One of `items`. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }
  /** True with probability `p` (to 1/1000). */
  chance(p: number): boolean {
    return this.int(0, 999) < p * 1000;
  }
}

/** Cell texts that have broken, or could break, an amount parser. */
const HOSTILE_CELLS: readonly string[] = [
  '', ' ', '-', '--', '—', '()', '(', ')', '1,23', '1,2345', ',123', '123,', '1..2', '.5', '5.', '1e3', '1E-3', '1e309', '-1e309',
  'NaN', 'Infinity', '-Infinity', '0x10', '0b1', '+5', '−158', '(−158)', '(-158)', '£', '£-5', '-£5', '£(5)', '1 234', '1\u00a0234',
  '١٢٣', '１２３', '99999999999999999999999999999999999999999999', '0.000000000000000000000000000000000000000000001',
  '9'.repeat(400), '=SUM(A1:A9)', '+cmd|/C calc!A0', '@SUM(1)', '\t5', '\r5', 'TOTAL', 'total', 'Total', '"', '""', 'null', 'undefined',
  '__proto__', 'constructor', 'toString', '2021-03-31', '31/03/2021', '#REF!', '#DIV/0!', 'TRUE', '\u0000', '\ufeff5', '5\ufeff', '\u202e5',
];

/** Bytes worth inserting into a CSV or XML: delimiters, quotes, line breaks, NUL, BOM halves, `£` in two encodings. */
const HOSTILE_BYTES: readonly number[] = [0x2c, 0x22, 0x0a, 0x0d, 0x00, 0x28, 0x29, 0x2d, 0xa3, 0xc2, 0xe2, 0x88, 0x92, 0x65, 0x2e, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0x3c, 0x3e, 0x26, 0x3b, 0x20, 0x09];

type Mutation = (bytes: Buffer, choices: Choices) => { readonly bytes: Buffer; readonly name: string };

const flipBytes: Mutation = (bytes, choices) => {
  const out = Buffer.from(bytes);
  const count = choices.int(1, 8);
  for (let n = 0; n < count && out.length > 0; n += 1) {
    const at = choices.int(0, out.length - 1);
    out[at] = (out[at] as number) ^ (1 << choices.int(0, 7));
  }
  return { bytes: out, name: `flip ${count} bit(s)` };
};

const insertBytes: Mutation = (bytes, choices) => {
  const at = choices.int(0, bytes.length);
  const inserted = Buffer.from(Array.from({ length: choices.int(1, 4) }, () => (choices.chance(0.8) ? choices.pick(HOSTILE_BYTES) : choices.int(0, 255))));
  return { bytes: Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]), name: `insert ${inserted.toString('hex')} at ${at}` };
};

const truncate: Mutation = (bytes, choices) => {
  const at = choices.int(0, bytes.length);
  return { bytes: bytes.subarray(0, at), name: `truncate at ${at}` };
};

/** Split into lines keeping their endings, so rejoining gives the same bytes. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const duplicateRow: Mutation = (bytes, choices) => {
  const lines = linesOf(bytes.toString('latin1'));
  if (lines.length === 0) return { bytes, name: 'duplicate row (none)' };
  const from = choices.int(0, lines.length - 1);
  const to = choices.int(0, lines.length);
  lines.splice(to, 0, lines[from] as string);
  return { bytes: Buffer.from(lines.join(''), 'latin1'), name: `duplicate line ${from + 1} at ${to + 1}` };
};

const deleteRow: Mutation = (bytes, choices) => {
  const lines = linesOf(bytes.toString('latin1'));
  if (lines.length === 0) return { bytes, name: 'delete row (none)' };
  const at = choices.int(0, lines.length - 1);
  lines.splice(at, 1);
  return { bytes: Buffer.from(lines.join(''), 'latin1'), name: `delete line ${at + 1}` };
};

/** The cells of CSV text as [line, start, end] spans (naive: commas outside quotes). */
function cellSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index <= text.length; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    if (index === text.length || (!quoted && (char === ',' || char === '\n' || char === '\r'))) {
      spans.push([start, index]);
      start = index + 1;
    }
  }
  return spans;
}

const swapCells: Mutation = (bytes, choices) => {
  const text = bytes.toString('latin1');
  const spans = cellSpans(text);
  if (spans.length < 2) return { bytes, name: 'swap cells (none)' };
  let [a, b] = [choices.int(0, spans.length - 1), choices.int(0, spans.length - 1)];
  if (a > b) [a, b] = [b, a];
  const [as, ae] = spans[a] as readonly [number, number];
  const [bs, be] = spans[b] as readonly [number, number];
  if (a === b) return { bytes, name: 'swap cells (same)' };
  const swapped = text.slice(0, as) + text.slice(bs, be) + text.slice(ae, bs) + text.slice(as, ae) + text.slice(be);
  return { bytes: Buffer.from(swapped, 'latin1'), name: `swap cells ${a} and ${b}` };
};

const replaceCell: Mutation = (bytes, choices) => {
  const text = bytes.toString('utf8');
  const spans = cellSpans(text);
  if (spans.length === 0) return { bytes, name: 'replace cell (none)' };
  const at = choices.int(0, spans.length - 1);
  const [start, end] = spans[at] as readonly [number, number];
  const value = choices.pick(HOSTILE_CELLS);
  const cell = choices.chance(0.5) ? `"${value.replace(/"/g, '""')}"` : value;
  return { bytes: Buffer.from(text.slice(0, start) + cell + text.slice(end), 'utf8'), name: `replace cell ${at} with ${JSON.stringify(cell)}` };
};

const damageEncoding: Mutation = (bytes, choices) => {
  const text = bytes.toString('utf8');
  switch (choices.int(0, 8)) {
    case 0:
      return { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]), name: 'UTF-16LE with BOM' };
    case 1:
      return { bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]), name: 'UTF-16BE with BOM' };
    case 2:
      return { bytes: iconv.encode(text, 'utf16le'), name: 'UTF-16LE without BOM' };
    case 3:
      return { bytes: iconv.encode(text, 'windows-1252'), name: 'Windows-1252' };
    case 4:
      return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), name: 'UTF-8 BOM' };
    case 5:
      return { bytes: Buffer.from(text.replace(/\r?\n/g, '\r\n')), name: 'CRLF' };
    case 6:
      return { bytes: Buffer.from(text.replace(/\r?\n/g, '\r')), name: 'CR only' };
    case 7: {
      const at = choices.int(0, bytes.length);
      return { bytes: Buffer.concat([bytes.subarray(0, at), Buffer.from([choices.pick([0xc3, 0xe2, 0x80, 0xa3, 0xf0])]), bytes.subarray(at)]), name: `stray UTF-8 byte at ${at}` };
    }
    default: {
      const half = iconv.encode(text, 'utf16le');
      return { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), half.subarray(0, half.length - 1)]), name: 'UTF-16LE with BOM, odd length' };
    }
  }
};

const TEXT_MUTATIONS: readonly Mutation[] = [flipBytes, insertBytes, truncate, duplicateRow, deleteRow, swapCells, replaceCell, replaceCell, damageEncoding];

/** XML-aware mutations of a worksheet or shared-strings part. */
const XML_MUTATIONS: readonly Mutation[] = [
  flipBytes,
  insertBytes,
  truncate,
  (bytes, choices) => {
    const text = bytes.toString('utf8');
    const rows = text.match(/<row\b[\s\S]*?<\/row>/g) ?? [];
    if (rows.length === 0) return { bytes, name: 'duplicate <row> (none)' };
    const row = choices.pick(rows);
    return { bytes: Buffer.from(text.replace(row, row + row)), name: 'duplicate a <row>' };
  },
  (bytes, choices) => {
    const text = bytes.toString('utf8');
    const values = text.match(/<v>[^<]*<\/v>/g) ?? [];
    if (values.length < 2) return { bytes, name: 'swap <v> (none)' };
    const [a, b] = [choices.pick(values), choices.pick(values)];
    return { bytes: Buffer.from(text.replace(a, '\u0000A').replace(b, a).replace('\u0000A', b)), name: `swap ${a} and ${b}` };
  },
  (bytes, choices) => {
    const text = bytes.toString('utf8');
    const values = text.match(/<v>[^<]*<\/v>/g) ?? [];
    if (values.length === 0) return { bytes, name: 'replace <v> (none)' };
    const value = choices.pick(['', '-1', '1e309', 'NaN', '0.30000000000000004', '9007199254740993', '99999999', '-0', '1E+20', 'abc', '999999']);
    return { bytes: Buffer.from(text.replace(choices.pick(values), `<v>${value}</v>`)), name: `replace a <v> with ${JSON.stringify(value)}` };
  },
  (bytes, choices) => {
    const text = bytes.toString('utf8');
    const addresses = text.match(/ r="[A-Z]+\d+"/g) ?? [];
    if (addresses.length === 0) return { bytes, name: 'move cell (none)' };
    const address = choices.pick(['A1', 'XFD1', 'A1048576', 'XFD1048576', 'AAA7', 'ZZZZ1', 'A0', 'B99999999', 'H3']);
    return { bytes: Buffer.from(text.replace(choices.pick(addresses), ` r="${address}"`)), name: `move a cell to ${address}` };
  },
  (bytes, choices) => {
    const text = bytes.toString('utf8');
    const attribute = choices.pick([' t="s"', ' t="str"', ' t="b"', ' t="e"', ' t="inlineStr"', ' t="d"', ' s="999"']);
    return { bytes: Buffer.from(text.replace(/<c (r="[A-Z]+\d+")/, `<c $1${attribute}`)), name: `add${attribute} to the first cell` };
  },
];

/** The options a `variance` case runs with after `variance --data PATH`. */
function varianceOptions(choices: Choices): string[] {
  const options = ['--format', choices.pick(['table', 'json', 'csv', 'markdown'])];
  if (choices.chance(0.3)) options.push('--strict');
  if (choices.chance(0.1)) options.push('--tolerance', choices.pick(['0', '0.5', '20', '-1', '1e3']));
  return options;
}

/** The options an `explain` case runs with after `explain --data PATH`: a target, and a format. */
function explainOptions(choices: Choices): string[] {
  const target = choices.pick(['all-savings.TOTAL.outturn', 'brp-savings.BRR09.variance', 'ncc-savings.TOTAL.delayedPartly', 'headline.combined-adverse-movement.amount', 'fn-costs.Staff Costs.total', 'nope.TOTAL.total']);
  return [target, '--format', choices.pick(['table', 'json'])];
}

/**
 * The commands the fuzzer runs on each mutated dataset, with the options each may be given.
 * A later command that loads a dataset is fuzzed by adding it here.
 */
export const FUZZ_COMMANDS: readonly { readonly name: string; readonly options: (choices: Choices) => string[] }[] = [
  { name: 'variance', options: varianceOptions },
  { name: 'explain', options: explainOptions },
];

/** One of {@link FUZZ_COMMANDS} and its options. */
function commandFor(choices: Choices): { readonly command: string; readonly options: string[] } {
  const chosen = choices.pick(FUZZ_COMMANDS);
  return { command: chosen.name, options: chosen.options(choices) };
}

/** Build case `index` of seed `seed` from `corpus`. */
export function fuzzCase(corpus: FuzzCorpus, seed: number, index: number): FuzzCase {
  const choices = new Choices(xoroshiro128plus((Math.imul(seed, 0x9e3779b1) ^ index) | 0));
  const csvNames = [...corpus.csvFiles.keys()];
  const target = choices.int(0, csvNames.length); // one chance in (CSV files + 1) for the workbook
  const mutations: string[] = [];
  const count = choices.pick([1, 1, 1, 2, 2, 3]);
  if (target < csvNames.length) {
    const file = csvNames[target] as string;
    let bytes = corpus.csvFiles.get(file) as Buffer;
    for (let n = 0; n < count; n += 1) {
      const applied = choices.pick(TEXT_MUTATIONS)(bytes, choices);
      bytes = applied.bytes;
      mutations.push(applied.name);
    }
    const { command, options } = commandFor(choices);
    if (mutations.some((name) => name.startsWith('UTF-16')) && choices.chance(0.5)) options.push('--encoding', choices.pick(['utf16le', 'utf16be', 'utf8', 'windows-1252']));
    return { seed, index, kind: 'csv', file, bytes, command, options, mutations };
  }
  if (choices.chance(0.15)) {
    const applied = choices.pick([flipBytes, truncate, insertBytes])(corpus.workbook, choices);
    return { seed, index, kind: 'xlsx', file: 'book.xlsx', bytes: applied.bytes, ...commandFor(choices), mutations: [`zip: ${applied.name}`] };
  }
  const xmlParts = corpus.workbookParts.filter((part) => /^xl\/(worksheets\/sheet\d+|sharedStrings|workbook|styles)\.xml$/.test(part.name));
  const part = choices.pick(xmlParts);
  let data: Buffer = Buffer.from(part.data);
  for (let n = 0; n < count; n += 1) {
    const applied = choices.pick(XML_MUTATIONS)(data, choices);
    data = applied.bytes;
    mutations.push(`${part.name}: ${applied.name}`);
  }
  const parts = corpus.workbookParts.map((original) => (original.name === part.name ? { name: original.name, data } : original));
  return { seed, index, kind: 'xlsx', file: 'book.xlsx', bytes: zipParts(parts, 'store'), ...commandFor(choices), mutations };
}
