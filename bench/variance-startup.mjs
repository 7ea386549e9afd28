// How much `fn-model variance` on the bundled CSVs costs over Node's own start-up.
// Runs `node -e 0`, `fn-model --version`, `fn-model variance` (CSV: the default table output,
// and --format json) and `fn-model variance --format json --data data/march-2021.xlsx`
// interleaved, ROUNDS times each, and
// reports medians and ratios to `node -e 0`. Interleaving makes the ratio fair on a
// noisy, shared machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'fn-model.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 21);

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

export async function run() {
  const cases = [
    ['node -e 0', ['-e', '0']],
    ['fn-model --version', [bin, '--version']],
    ['fn-model variance (CSV, table)', [bin, 'variance']],
    ['fn-model variance (CSV, json)', [bin, 'variance', '--format', 'json']],
  ];
  if (existsSync(join(root, 'data', 'march-2021.xlsx'))) {
    cases.push(['fn-model variance (XLSX)', [bin, 'variance', '--format', 'json', '--data', join(root, 'data', 'march-2021.xlsx')]]);
  }
  const samples = cases.map(() => []);
  for (let round = 0; round < ROUNDS; round += 1) {
    cases.forEach(([, args], index) => samples[index].push(time(args)));
  }
  const base = median(samples[0]);
  console.log(`rounds: ${ROUNDS} (interleaved), node ${process.version}`);
  console.log('| command | median ms | ratio to node -e 0 |');
  console.log('|---|---:|---:|');
  cases.forEach(([label], index) => {
    const value = median(samples[index]);
    console.log(`| ${label} | ${value.toFixed(1)} | ${(value / base).toFixed(2)}× |`);
  });
}
