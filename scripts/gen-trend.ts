/**
 * Generate the bundled trend series `data/trend/`: five monthly TEST snapshots,
 * October 2020 to February 2021, leading up to the bundled March 2021 dataset
 * (`data/march-2021/`, which is the sixth and last snapshot and is not copied), so that
 * `fn-model trend data/trend/* data/march-2021` shows a six-month series on a fresh clone.
 *
 * The snapshots are NOT published reports. Each is the March 2021 dataset, read with the
 * loader, with the lines in {@link PLAN} set to that month's figures (£000, whole
 * numbers as text, exact); every other line is as in March. Each month's stated line
 * totals and variances, TOTAL rows and headline are written as fn-model computes them
 * from that month's lines (so these months have no discrepancies; March keeps its
 * published ones). The plan is written into `data/trend/README.md` as a table.
 *
 * Usage: `npm run gen:trend` (or `node dist/scripts/gen-trend.js [out-folder]`, default
 * data/trend). Same plan, same bytes. Prints each folder written on stdout.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Amount, amountOf, equals, formatAmount, formatMillions } from '../src/money/index.js';
import type { Field, HeadlineStatement, Line, Programme, Table, TableId } from '../src/model/index.js';
import { bundledDatasetPath, loadProgramme } from '../src/load/index.js';
import { computeVariance } from '../src/engine/index.js';
import { programmeAsCsvFiles } from '../src/render/csv-dataset.js';

/** The generated months, in order; March 2021 (the bundled dataset) follows them. */
const MONTHS = ['2020-10', '2020-11', '2020-12', '2021-01', '2021-02'] as const;
/** The column heads of the plan, with March last. */
const ALL_MONTHS = [...MONTHS, '2021-03'] as const;

/**
 * One line's figures month by month, Oct 2020 … Mar 2021 (the March figure must be the
 * published one; the script checks). `null` = the line is not in that month's snapshot.
 */
interface LinePlan {
  readonly table: TableId;
  readonly line: string;
  readonly why: string;
  readonly outturn: readonly (string | null)[];
  /** The 2020/21 budget month by month, when it changes. */
  readonly budget?: readonly string[];
  /** For a line that is not in March: its name, its place (after which line) and its period figures. */
  readonly absentInMarch?: { readonly name: string; readonly after: string; readonly periods: Readonly<Partial<Record<Field, string>>> };
}

/** The story of the series, line by line (£000). */
const PLAN: readonly LinePlan[] = [
  { table: 'fn-costs', line: 'Staff Costs', why: 'absorbs Interim Staff Costs in February (budget +400)', budget: ['5297', '5297', '5297', '5297', '5697', '5697'], outturn: ['5297', '5297', '5290', '5290', '5653', '5653'] },
  {
    table: 'fn-costs', line: 'Interim Staff Costs', why: 'a separate line until January; merged into Staff Costs in February (removed)',
    outturn: ['400', '400', '390', '380', null, null],
    absentInMarch: { name: 'Interim Staff Costs', after: 'Staff Costs', periods: { '2019/20': '0', '2020/21': '400', '2021/24': '0' } },
  },
  { table: 'fn-costs', line: 'Other Programme Costs', why: 'underspend builds month by month', outturn: ['4948', '4900', '4800', '4700', '4600', '4572'] },
  { table: 'brp-investment', line: 'BRR04', why: 'fostering costs rise from December', outturn: ['120', '120', '150', '200', '239', '239'] },
  { table: 'brp-investment', line: 'BRR46', why: 'rapid response team costs slip from January', outturn: ['859', '859', '859', '700', '500', '400'] },
  { table: 'ncc-investment', line: 'Adults', why: 'Adults investment overspends from November', outturn: ['4250', '4300', '4350', '4408', '4408', '4408'] },
  { table: 'brp-savings', line: 'BRR09', why: 'Target Operating Model savings over-deliver from January', outturn: ['815', '815', '815', '900', '1000', '1065'] },
  { table: 'brp-savings', line: 'BRR26', why: 'savings line added in January when its business case is approved', outturn: [null, null, null, '138', '100', '88'] },
  { table: 'brp-savings', line: 'BRR46', why: 'rapid response savings fall away from December', outturn: ['718', '718', '500', '300', '0', '0'] },
  { table: 'ncc-savings', line: 'Corporate Services', why: 'over-delivery from December', outturn: ['258', '258', '600', '900', '1093', '1093'] },
  { table: 'ncc-savings', line: 'Place', why: 'over-delivery from November', outturn: ['2241', '2800', '3200', '3608', '3608', '3608'] },
];

function fail(message: string): never {
  process.stderr.write(`gen-trend: ${message}\n`);
  process.exit(2);
}

/** The lines of `table` in month `index`: March's lines with the plan applied. */
function linesFor(table: Table, index: number): Line[] {
  const lines: Line[] = [];
  for (const line of table.lines) {
    const plan = PLAN.find((item) => item.table === table.id && item.line === line.id);
    if (!plan) {
      lines.push(line);
    } else if (plan.outturn[index] !== null) {
      const inputs = { ...line.inputs, outturn: amountOf(plan.outturn[index]!), ...(plan.budget ? { '2020/21': amountOf(plan.budget[index]!) } : {}) };
      lines.push({ ...line, inputs });
    }
    for (const extra of PLAN.filter((item) => item.table === table.id && item.absentInMarch?.after === line.id)) {
      if (extra.outturn[index] === null) continue;
      const inputs: Partial<Record<Field, Amount>> = { outturn: amountOf(extra.outturn[index]!) };
      for (const [field, text] of Object.entries(extra.absentInMarch!.periods)) inputs[field as Field] = amountOf(text!);
      lines.push({ id: extra.line, name: extra.absentInMarch!.name, inputs, stated: {}, sources: {}, row: 0 });
    }
  }
  return lines;
}

/** The month's programme with every stated figure replaced by what fn-model computes from its lines. */
function monthProgramme(march: Programme, month: string, index: number): Programme {
  const draft: Programme = { ...march, name: month, path: month, tables: march.tables.map((table) => ({ ...table, lines: linesFor(table, index) })) };
  const report = computeVariance(draft);
  const tables = report.tables.map((result) => ({
    ...result.table,
    lines: result.lines.map((line) => ({ ...line.line, stated: { total: line.computed.total!, variance: line.computed.variance! } })),
    stated: Object.fromEntries(result.table.fields.map((field) => [field, result.computed[field]]).filter(([, value]) => value !== undefined)),
  }));
  const statement = (figure: HeadlineStatement['figure'], amount: Amount, words: (text: string) => string): HeadlineStatement => ({
    figure, amount, description: words(formatMillions(amount)), statedText: formatMillions(amount), unit: '£m', source: { file: month, row: 0, column: 'amount' },
  });
  const headline = [
    // An overspend is stated as an increase (a leading '-' would read as a formula in a spreadsheet).
    statement('cost-underspend', report.costs.variance, (text) => (text.startsWith('-') ? `${text.slice(1)} increase in costs` : `${text} reduction in costs`)),
    statement('savings-shortfall', report.savings.variance, (text) => `${text} reduction in savings`),
    statement('combined-adverse-movement', report.combined.computed, (text) => `total adverse movement of ${text}`),
  ];
  return { ...draft, tables, headline };
}

function readme(march: Programme): string {
  const head = `| table | line | why | ${ALL_MONTHS.join(' | ')} |\n|---|---|---|${ALL_MONTHS.map(() => '---:').join('|')}|`;
  const cell = (text: string | null) => (text === null ? '—' : formatAmount(amountOf(text)));
  const rows = PLAN.map((plan) => {
    const budget = plan.budget ? `<br>budget ${plan.budget.map((text) => cell(text)).join(' / ')}` : '';
    return `| ${plan.table} | ${plan.line} | ${plan.why}${budget} | ${plan.outturn.map(cell).join(' | ')} |`;
  });
  const combined = ALL_MONTHS.map((month, index) => formatAmount((index < MONTHS.length ? computeVariance(monthProgramme(march, month, index)) : computeVariance(march)).combined.computed));
  return `# \`data/trend/\`: a generated TEST series, not published reports

Five monthly snapshots, **October 2020 to February 2021**, generated by \`scripts/gen-trend.ts\`
(\`npm run gen:trend\`), leading up to the bundled **March 2021** dataset \`data/march-2021/\`,
which is the sixth and last snapshot of the series (it is not copied here). They exist so that

\`\`\`
fn-model trend data/trend/* data/march-2021
fn-model report --trend data/trend/* data/march-2021 -o report.html
\`\`\`

show a six-month series on a fresh clone. **They are not Future Northants reports** and must
never be presented as such: only March 2021 is published.

Each folder is the March 2021 dataset with the lines below set to that month's figures (£000);
every other line is as in March. Each month's line totals and variances, TOTAL rows and
headline are what fn-model computes from that month's lines (so the generated months have no
discrepancies; March keeps its eight published ones). Folder names are the months
(\`2020-10\` …), which is how \`fn-model trend\` knows each snapshot's month (docs/trend.md).

Outturn projection 2020/21 by month (— = the line is not in that snapshot):

${head}
${rows.join('\n')}

Combined adverse movement (computed), £000: ${ALL_MONTHS.map((month, index) => `${month} ${combined[index]}`).join(', ')}.
`;
}

const out = process.argv[2] ?? join('data', 'trend');
const march = await loadProgramme(bundledDatasetPath());
for (const plan of PLAN) {
  const line = march.tables.find((table) => table.id === plan.table)?.lines.find((item) => item.id === plan.line);
  const published = line?.inputs.outturn;
  const planned = plan.outturn.at(-1) ?? null;
  if ((published === undefined) !== (planned === null) || (published !== undefined && !equals(published, amountOf(planned!)))) {
    fail(`the plan's March outturn of ${plan.table} ${plan.line} (${planned}) is not the published one (${published ? formatAmount(published) : 'absent'})`);
  }
  if (plan.budget && line && !equals(line.inputs['2020/21']!, amountOf(plan.budget.at(-1)!))) fail(`the plan's March budget of ${plan.table} ${plan.line} is not the published one`);
}
mkdirSync(out, { recursive: true });
MONTHS.forEach((month, index) => {
  const folder = join(out, month);
  const temporary = `${folder}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary);
  for (const file of programmeAsCsvFiles(monthProgramme(march, month, index))) writeFileSync(join(temporary, file.name), file.text);
  rmSync(folder, { recursive: true, force: true });
  renameSync(temporary, folder);
  process.stdout.write(`${folder}\n`);
});
writeFileSync(join(out, 'README.md'), readme(march));
