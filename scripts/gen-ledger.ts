/**
 * Generate a realistic general-ledger export for the bundled March 2021 programme, and
 * the MAP.csv that maps it to the programme's table lines.
 *
 *   npm run --silent gen:ledger -- --rows 1000000 --seed 1 --map map.csv > ledger.csv
 *
 * (`--silent`: without it npm writes its own "> fn-model@… gen:ledger" banner to standard
 * output, into the ledger file, ahead of the header.)
 *
 * Ledger columns: posting_date (2020/21, YYYY-MM-DD), cost_centre, account, description
 * (some with quoted commas and doubled quotes), amount (pounds and pence, debits positive,
 * credits negative). About 2% of rows use cost centres the map does not cover,
 * so unmapped accounting is exercised. The same rows and seed always give the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { penceToPoundsText } from '../src/money/index.js';

interface Options {
  rows: number;
  seed: number;
  map: string | undefined;
}

const USAGE = `Usage: npm run --silent gen:ledger -- [--rows N] [--seed S] [--map MAP.csv] > LEDGER.csv

Writes a realistic general-ledger export for the bundled March 2021 programme to standard
output (posting_date in 2020/21, cost_centre, account, description with quoted commas and
doubled quotes, amount in pounds and pence, credits negative; about 2% of rows unmapped),
and with --map the MAP.csv that maps it to the programme's table lines.
  --rows N   data rows (default 1000)
  --seed S   the same rows and seed always give the same bytes (default 1)
  --map FILE also write the matching map to FILE
Without --silent, npm writes its own banner into LEDGER.csv ahead of the header.
`;

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { rows: 1000, seed: 1, map: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    if (flag === '--rows' && value !== undefined) options.rows = Number.parseInt(value, 10);
    else if (flag === '--seed' && value !== undefined) options.seed = Number.parseInt(value, 10);
    else if (flag === '--map' && value !== undefined) options.map = value;
    else throw new Error(`gen-ledger: unknown or incomplete option ${flag ?? ''} (use --rows N --seed S --map FILE; --help for more)`);
    i++;
  }
  if (!Number.isInteger(options.rows) || options.rows < 0) throw new Error('gen-ledger: --rows must be a whole number');
  return options;
}

const BRR_LINES = ['BRR04', 'BRR06', 'BRR08', 'BRR09', 'BRR10', 'BRR18', 'BRR20', 'BRR21', 'BRR26', 'BRR45', 'BRR46'];
const DIRECTORATES = ['Adults', "Children's", 'Corporate Services', 'Place', 'LGSS'];
const SUPPLIERS = ['Acme Care Ltd', 'Northants Transport', 'Kier Services', 'Capita, Business Services', 'Brook "Best" Cleaning', 'Agency Staff Direct', 'Digital, Data & Technology', 'County Hall Catering'];
const WHAT = ['Invoice', 'Accrual', 'Journal', 'Recharge', 'Refund', 'Purchase order', 'Grant income', 'Fees and charges'];

/** Cost centres: FN programme C1000-C1019; BRR projects C11xx (3 each); directorates C2xxx-C6xxx; C9xxx unmapped. */
function costCentres(): { fn: string[]; brr: string[][]; directorates: string[][]; unmapped: string[] } {
  const fn = Array.from({ length: 20 }, (_, i) => `C${1000 + i}`);
  const brr = BRR_LINES.map((_, line) => [0, 1, 2].map((k) => `C${1100 + line * 3 + k}`));
  const directorates = DIRECTORATES.map((_, d) => Array.from({ length: 50 }, (_, i) => `C${(d + 2) * 1000 + i * 7}`));
  const unmapped = Array.from({ length: 12 }, (_, i) => `C${9000 + i * 11}`);
  return { fn, brr, directorates, unmapped };
}

/** Expenditure accounts 1000-7999 (staff 1xxx); income accounts 8000-9999. */
function accounts(): { staff: string[]; spend: string[]; income: string[] } {
  const staff = Array.from({ length: 40 }, (_, i) => String(1000 + i * 13));
  const spend = Array.from({ length: 160 }, (_, i) => String(2000 + i * 37));
  const income = Array.from({ length: 60 }, (_, i) => String(8000 + i * 31));
  return { staff, spend, income };
}

/** The map: exact, range, prefix and wildcard rules, so every kind of precedence is used. */
function mapCsv(): string {
  const { brr } = costCentres();
  const rows = ['cost_centre,account,table,line,note'];
  rows.push('C1000-C1019,1*,fn-costs,Staff Costs,employee accounts beat the wildcard below');
  rows.push('C1000-C1019,*,fn-costs,Other Programme Costs,everything else in the FN programme');
  BRR_LINES.forEach((line, i) => {
    for (const cc of brr[i]!) {
      rows.push(`${cc},1000-7999,brp-investment,${line},project spend`);
      rows.push(`${cc},8000-9999,brp-savings,${line},project savings (credits)`);
    }
  });
  DIRECTORATES.forEach((name, d) => {
    const cell = name.includes("'") || name.includes(',') ? `"${name}"` : name;
    rows.push(`C${d + 2}*,1000-7999,ncc-investment,${cell},directorate transformation spend`);
    rows.push(`C${d + 2}*,8000-9999,ncc-savings,${cell},directorate savings (credits)`);
  });
  return rows.join('\n') + '\n';
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.map !== undefined) writeFileSync(options.map, mapCsv());
  const rng = xoroshiro128plus(options.seed);
  const pick = <T>(list: readonly T[]): T => list[uniformInt(rng, 0, list.length - 1)]!;
  const { fn, brr, directorates, unmapped } = costCentres();
  const { staff, spend, income } = accounts();
  const allBrr = brr.flat();
  const allDirectorates = directorates.flat();
  const start = Date.UTC(2020, 3, 1);
  const days = 365;
  const write = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      if (process.stdout.write(text)) resolve();
      else process.stdout.once('drain', resolve).once('error', reject);
    });
  let batch = 'posting_date,cost_centre,account,description,amount\n';
  for (let row = 0; row < options.rows; row++) {
    const which = uniformInt(rng, 0, 99);
    const costCentre = which < 2 ? pick(unmapped) : which < 12 ? pick(fn) : which < 30 ? pick(allBrr) : pick(allDirectorates);
    const kind = uniformInt(rng, 0, 99);
    const isIncome = kind < 15;
    // Each cost centre books to its own few dozen accounts, as budgets are set up.
    const centre = costCentre.charCodeAt(2) * 31 + costCentre.charCodeAt(4) * 7 + costCentre.charCodeAt(3);
    const own = (list: readonly string[], width: number): string => list[(centre + uniformInt(rng, 0, width - 1) * 5) % list.length]!;
    const account = isIncome ? own(income, 6) : kind < 45 ? own(staff, 8) : own(spend, 20);
    const date = new Date(start + uniformInt(rng, 0, days - 1) * 86_400_000).toISOString().slice(0, 10);
    const magnitude = uniformInt(rng, 0, 4);
    const pence = BigInt(uniformInt(rng, 1, 10 ** (magnitude + 3)));
    const reversal = uniformInt(rng, 0, 99) < 5;
    const amount = (isIncome !== reversal ? -pence : pence);
    const description = `${pick(WHAT)} ${pick(SUPPLIERS)}`;
    batch += `${date},${costCentre},${account},${csvCell(description)},${penceToPoundsText(amount)}\n`;
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
