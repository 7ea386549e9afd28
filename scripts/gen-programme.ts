/**
 * Generate a synthetic programme for benchmarks and scale tests:
 * `npm run gen:programme -- --lines 1000 --seed 1 [--out DIR]`.
 *
 * Writes a dataset folder in the bundled layout (the seven table CSVs and
 * headline.csv) whose `brp-savings` table has LINES generated savings lines
 * (`GEN0001`…, whole £000 drawn with pure-rand's xoroshiro128+ from SEED, so the same
 * seed gives the same files), the March 2021 cost and NCC tables as published, and
 * two scenario files beside it: `risk.yaml` (a per-line triangular slippage driver
 * over every generated line, plus two rank-correlated NCC drivers) for `simulate`,
 * and `centre.yaml` (no drivers) for `tornado` over every savings line.
 * Default DIR: test/artifacts/programme-LINES-seed-SEED. Prints DIR on stdout.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { bundledDatasetPath } from '../src/load/index.js';

const USAGE = `usage: npm run gen:programme -- [--lines N] [--seed S] [--out DIR]

Writes a synthetic dataset folder (the seven table CSVs, each with a TOTAL row whose
cells are blank = not stated, and headline.csv) with N generated brp-savings lines
(default 1000), drawn from SEED (default 1), plus risk.yaml (drivers, for simulate)
and centre.yaml (no drivers, for tornado). Prints DIR on stdout.
Default DIR: test/artifacts/programme-N-seed-S.
  --stated   also state every TOTAL row, the cross-table rows and the headline, all
             consistent with the lines (a report with no discrepancy)
  --typos K  (implies --stated) then mistype one cell in each of K distinct generated
             lines (one digit changed), and list them in DIR/typos.json for diagnose
  --help     print this and exit
`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? (process.argv[index + 1] as string) : fallback;
}

const lines = Number(option('lines', '1000'));
const typoCount = Number(option('typos', '0'));
const statedTotals = process.argv.includes('--stated') || typoCount > 0;
const seed = Number(option('seed', '1'));
if (!Number.isInteger(lines) || lines < 1 || !Number.isInteger(seed) || seed < 0 || !Number.isInteger(typoCount) || typoCount < 0 || typoCount > lines) {
  process.stderr.write('gen-programme: --lines must be a positive whole number, --seed a whole number ≥ 0 and --typos from 0 to --lines\n');
  process.exit(2);
}
const out = option('out', join('test', 'artifacts', `programme-${lines}-seed-${seed}`));
mkdirSync(out, { recursive: true });

const bundled = bundledDatasetPath();
for (const file of ['fn-costs.csv', 'brp-investment.csv', 'ncc-investment.csv', 'ncc-savings.csv']) copyFileSync(join(bundled, file), join(out, file));

const random = xoroshiro128plus(seed);
const rows = ['line,name,2019/20,2020/21,2021/24,total,outturn,variance'];
for (let index = 1; index <= lines; index++) {
  // Whole £000 only: integers drawn directly, never scaled floats.
  const before = uniformInt(random, 0, 500);
  const budget = uniformInt(random, 0, 2000);
  const plan = uniformInt(random, 0, 5000);
  const outturn = uniformInt(random, 0, budget + 200);
  const id = `GEN${String(index).padStart(4, '0')}`;
  rows.push([id, `Generated saving ${index}`, before, budget, plan, before + budget + plan, outturn, budget - outturn].join(','));
}
// Every table needs its TOTAL row; blank cells = not stated (fn-model computes from the lines).
rows.push('TOTAL,Total Business Rates savings,,,,,,');
writeFileSync(join(out, 'brp-savings.csv'), `${rows.join('\n')}\n`);
writeFileSync(join(out, 'all-costs.csv'), 'line,name,2019/20,2020/21,2021/24,total,outturn,variance\nTOTAL,Total,,,,,,\n');
writeFileSync(join(out, 'all-savings.csv'), 'line,name,2019/20,2020/21,2021/24,total,outturn,variance,delayed_wholly,delayed_partly\nTOTAL,Total savings,,,,,,,,\n');
writeFileSync(join(out, 'headline.csv'), 'figure,description,amount,unit\n');
writeFileSync(join(out, 'risk.yaml'), `# Generated: ${lines} savings lines, seed ${seed}
name: generated-risk
description: Every generated line slips independently (triangular 0%, 5%, 40% of its 2020/21 outturn, to 2021/24); Adults and Children's slip together.
drivers:
  - name: generated-slippage
    kind: slip
    table: brp-savings
    lines: '*'
    each: true
    to: 2021/24
    share: { triangular: [0%, 5%, 40%] }
  - name: adults
    kind: slip
    table: ncc-savings
    lines: Adults
    to: lost
    share: { pert: [0%, 10%, 50%] }
  - name: childrens
    kind: slip
    table: ncc-savings
    lines: "Children's"
    to: lost
    share: { pert: [0%, 10%, 50%] }
correlation:
  drivers: [adults, childrens]
  matrix: [[1, 0.7], [0.7, 1]]
`);
writeFileSync(join(out, 'centre.yaml'), 'name: generated-centre\ndescription: No adjustments; tornado swings every savings line.\n');

if (statedTotals) {
  // State every total as the lines give it (fn-model's own arithmetic), then mistype cells.
  const { loadProgramme } = await import('../src/load/dataset.js');
  const { computeVariance } = await import('../src/engine/variance.js');
  const { formatMillions, toDecimalString } = await import('../src/money/index.js');
  const report = computeVariance(await loadProgramme(out));
  const totalRow = (id: string): string[] => {
    const result = report.tables.find((table) => table.table.id === id)!;
    return result.table.fields.map((field) => toDecimalString(result.computed[field]!));
  };
  rows[rows.length - 1] = ['TOTAL', 'Total Business Rates savings', ...totalRow('brp-savings')].join(',');
  writeFileSync(join(out, 'all-costs.csv'), `line,name,2019/20,2020/21,2021/24,total,outturn,variance\nTOTAL,Total,${totalRow('all-costs').join(',')}\n`);
  writeFileSync(join(out, 'all-savings.csv'), `line,name,2019/20,2020/21,2021/24,total,outturn,variance,delayed_wholly,delayed_partly\nTOTAL,Total savings,${totalRow('all-savings').join(',')}\n`);
  const millions = (value: Parameters<typeof formatMillions>[0]): string => formatMillions(value).replace(/[£m]/g, '');
  writeFileSync(join(out, 'headline.csv'), [
    'figure,description,amount,unit',
    `cost-underspend,reduction in costs,${millions(report.costs.variance)},£m`,
    `savings-shortfall,reduction in savings,${millions(report.savings.variance)},£m`,
    `combined-adverse-movement,total adverse movement,${millions(report.combined.computed)},£m`,
  ].join('\n') + '\n');

  const columns = ['2019/20', '2020/21', '2021/24', 'total', 'outturn', 'variance'];
  const typos: { cell: string; stated: string; corrected: string }[] = [];
  const chosen = new Set<number>();
  while (typos.length < typoCount) {
    const index = uniformInt(random, 1, lines);
    if (chosen.has(index)) continue;
    chosen.add(index);
    const cells = rows[index]!.split(',');
    const column = uniformInt(random, 0, columns.length - 1);
    const text = cells[column + 2]!;
    const negative = text.startsWith('-');
    const digits = negative ? text.slice(1) : text;
    const at = uniformInt(random, 0, digits.length - 1);
    // one digit changed, never to a leading zero (that would drop a digit instead)
    const low = at === 0 && digits.length > 1 ? 1 : 0;
    let digit = uniformInt(random, low, 8);
    if (digit >= Number(digits[at])) digit += 1;
    const typed = `${negative ? '-' : ''}${digits.slice(0, at)}${digit}${digits.slice(at + 1)}`;
    cells[column + 2] = typed;
    rows[index] = cells.join(',');
    typos.push({ cell: `brp-savings.${cells[0]}.${columns[column]}`, stated: typed, corrected: text });
  }
  writeFileSync(join(out, 'brp-savings.csv'), `${rows.join('\n')}\n`);
  if (typoCount > 0) writeFileSync(join(out, 'typos.json'), `${JSON.stringify(typos.sort((a, b) => (a.cell < b.cell ? -1 : 1)), null, 2)}\n`);
}
process.stdout.write(`${out}\n`);
