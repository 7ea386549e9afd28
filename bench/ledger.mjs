// Ledger actuals bench: fn-model `actuals` vs a Python csv+Decimal baseline vs the I/O floor,
// measured side by side in one run on a generated ledger. Also checks the two give
// identical totals per (table, line), and measures peak RSS at 1M and 5M rows.
//
//   npm run bench                       (1M rows for ratios, 5M rows for RSS)
//   LEDGER_BENCH_ROWS=200000 LEDGER_BENCH_BIG_ROWS=0 npm run bench   (quick)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function generate(dir, rows, seed) {
  const ledger = join(dir, `ledger-${rows}.csv`);
  const map = join(dir, 'map.csv');
  const out = openSync(ledger, 'w');
  const result = spawnSync('node', [join(root, 'dist/scripts/gen-ledger.js'), '--rows', String(rows), '--seed', String(seed), '--map', map], { stdio: ['ignore', out, 'inherit'] });
  closeSync(out);
  if (result.status !== 0) throw new Error('gen-ledger failed');
  return { ledger, map, megabytes: statSync(ledger).size / 1e6 };
}

/** Run a command; wall seconds and peak RSS (MB) from /usr/bin/time -v when available. */
function measure(command, args, stdoutFile) {
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'ignore';
  const argv = TIME ? ['-v', command, ...args] : args;
  const started = process.hrtime.bigint();
  const result = spawnSync(TIME ?? command, argv, { stdio: ['ignore', out, 'pipe'], maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (typeof out === 'number') closeSync(out);
  const stderr = result.stderr.toString();
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpu = user && system ? Number(user[1]) + Number(system[1]) : NaN;
  return { seconds, cpu, rssMB: rss ? Number(rss[1]) / 1024 : NaN };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Compare fn-model's JSON with the baseline's per (table, line), unmapped and total. */
function checkTotals(fnJsonPath, pyJsonPath) {
  const fn = JSON.parse(readFileSync(fnJsonPath, 'utf8'));
  const py = JSON.parse(readFileSync(pyJsonPath, 'utf8'));
  const problems = [];
  const fnLines = Object.fromEntries(fn.lines.map((l) => [`${l.table}|${l.line}`, l.pounds]));
  for (const key of new Set([...Object.keys(fnLines), ...Object.keys(py.lines)])) {
    if (fnLines[key] !== py.lines[key]) problems.push(`${key}: fn-model ${fnLines[key]} python ${py.lines[key]}`);
  }
  if (fn.unmapped.pounds !== py.unmapped) problems.push(`unmapped: fn-model ${fn.unmapped.pounds} python ${py.unmapped}`);
  if (fn.total.pounds !== py.total) problems.push(`total: fn-model ${fn.total.pounds} python ${py.total}`);
  if (fn.rows !== py.rows) problems.push(`rows: fn-model ${fn.rows} python ${py.rows}`);
  return { groups: Object.keys(fnLines).length, problems, total: fn.total.pounds };
}

/** Run the ledger bench; returns the figures (and prints a table). */
export async function run() {
  const rows = Number(process.env.LEDGER_BENCH_ROWS ?? 1_000_000);
  const bigRows = Number(process.env.LEDGER_BENCH_BIG_ROWS ?? 5_000_000);
  const repeats = Number(process.env.LEDGER_BENCH_REPEATS ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'fn-model-ledger-bench-'));
  try {
    console.log(`Ledger actuals bench: generating ${rows.toLocaleString('en-GB')} rows (seed 1)…`);
    const { ledger, map, megabytes } = generate(dir, rows, 1);
    const fnJson = join(dir, 'fn.json');
    const pyJson = join(dir, 'py.json');
    const cli = join(root, 'bin/fn-model.js');
    const runs = {
      floor: () => measure('node', [join(root, 'bench/floor.mjs'), ledger]),
      // Both write their JSON to standard output (redirected to a file), so neither pays for
      // more than the other: \`-o\` would add fn-model's atomic write (temp file, fsync, rename).
      'fn-model': () => measure('node', [cli, 'actuals', ledger, '--map', map, '--format', 'json'], fnJson),
      python: () => measure('python3', [join(root, 'bench/baseline.py'), ledger, map], pyJson),
    };
    const times = { floor: [], 'fn-model': [], python: [] };
    const cpus = { floor: [], 'fn-model': [], python: [] };
    const rss = { floor: [], 'fn-model': [], python: [] };
    for (let i = 0; i < repeats; i++) {
      for (const [name, go] of Object.entries(runs)) {
        const m = go();
        times[name].push(m.seconds);
        cpus[name].push(m.cpu);
        rss[name].push(m.rssMB);
      }
    }
    const check = checkTotals(fnJson, pyJson);
    const t = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    const c = Object.fromEntries(Object.entries(cpus).map(([k, v]) => [k, median(v)]));
    const r = Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, Math.max(...v)]));
    let big;
    if (bigRows > 0) {
      console.log(`Generating ${bigRows.toLocaleString('en-GB')} rows for the RSS check…`);
      const large = generate(dir, bigRows, 2);
      const m = measure('node', [cli, 'actuals', large.ledger, '--map', large.map, '--format', 'json'], join(dir, 'big.json'));
      const f = measure('node', [join(root, 'bench/floor.mjs'), large.ledger]);
      big = { rows: bigRows, megabytes: large.megabytes, seconds: m.seconds, cpu: m.cpu, rssMB: m.rssMB, floorSeconds: f.seconds };
      rmSync(large.ledger);
    }
    const fmt = (x, d = 2) => x.toFixed(d);
    console.log('');
    console.log(`Ledger: ${rows.toLocaleString('en-GB')} rows, ${fmt(megabytes, 1)} MB; median of ${repeats} interleaved runs; RSS = peak of the runs`);
    console.log('| run | wall s | cpu s | MB/s (wall) | peak RSS MB | wall vs floor | cpu vs floor | python ÷ this (wall) | python ÷ this (cpu) |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const name of ['floor', 'fn-model', 'python']) {
      console.log(`| ${name} | ${fmt(t[name])} | ${fmt(c[name])} | ${fmt(megabytes / t[name], 0)} | ${fmt(r[name], 0)} | ${fmt(t[name] / t.floor)}× | ${fmt(c[name] / c.floor)}× | ${fmt(t.python / t[name])}× | ${fmt(c.python / c[name])}× |`);
    }
    if (big) console.log(`| fn-model ${big.rows.toLocaleString('en-GB')} rows (${fmt(big.megabytes, 0)} MB) | ${fmt(big.seconds)} | ${fmt(big.cpu)} | ${fmt(big.megabytes / big.seconds, 0)} | ${fmt(big.rssMB, 0)} | ${fmt(big.seconds / big.floorSeconds)}× | | | |`);
    console.log('');
    console.log(`Totals check (${check.groups} lines + unmapped + total, grand total £${check.total}): ${check.problems.length === 0 ? 'identical' : 'DIFFERENT'}`);
    for (const problem of check.problems.slice(0, 20)) console.log(`  ${problem}`);
    const targets = {
      'fn-model ≥3× faster than python (wall)': t.python / t['fn-model'] >= 3,
      'fn-model within 3× of floor (wall)': t['fn-model'] / t.floor <= 3,
      'peak RSS < 150 MB at 1M': r['fn-model'] < 150,
      ...(big ? { [`peak RSS at ${big.rows} rows < 150 MB`]: big.rssMB < 150 } : {}),
      'totals identical': check.problems.length === 0,
    };
    for (const [target, met] of Object.entries(targets)) console.log(`${met ? 'met   ' : 'MISSED'} ${target}`);
    if (check.problems.length > 0) process.exitCode = 1;
    return { times: t, cpu: c, rss: r, big, check, targets };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
