// `npm run bench -- diagnose` (issue 13): `fn-model diagnose` on a generated programme of 1,000
// savings lines, every total and the headline stated consistently, with 5 single-digit typos
// injected into 5 distinct lines (`gen:programme --typos 5`, seeds 1–3). For each seed: does the
// best solution change exactly the 5 injected cells back to their true values, and how long does
// the whole command take, measured interleaved with `node -e 0` and `fn-model variance` on the
// same folder (ratios side by side; the machine is shared). Target: under 2 s.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'fn-model.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

function time(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run() {
  const folder = mkdtempSync(join(tmpdir(), 'fn-model-bench-diagnose-'));
  try {
    console.log(`rounds: ${ROUNDS} (interleaved), node ${process.version}`);
    console.log('| seed | injected = best solution | minimum solutions | search nodes | node -e 0 ms | variance ms | diagnose ms | diagnose ÷ node | under 2 s |');
    console.log('|---:|:---|---:|---:|---:|---:|---:|---:|:---|');
    for (const seed of [1, 2, 3]) {
      const data = join(folder, `seed-${seed}`);
      execFileSync(process.execPath, [join(ROOT, 'dist', 'scripts', 'gen-programme.js'), '--lines', '1000', '--seed', String(seed), '--typos', '5', '--out', data], { cwd: ROOT });
      const injected = JSON.parse(readFileSync(join(data, 'typos.json'), 'utf8'));
      const samples = { node: [], variance: [], diagnose: [] };
      let json;
      for (let round = 0; round < ROUNDS; round += 1) {
        samples.node.push(time(['-e', '0']).ms);
        samples.variance.push(time([BIN, 'variance', '--data', data, '--format', 'json']).ms);
        const run = time([BIN, 'diagnose', '--data', data, '--format', 'json']);
        samples.diagnose.push(run.ms);
        json = JSON.parse(run.stdout);
      }
      const best = json.solutions[0]?.changes.map((change) => `${change.cell}=${change.corrected}`).sort().join(' ');
      const wanted = injected.map((typo) => `${typo.cell}=${typo.corrected}`).sort().join(' ');
      const node = median(samples.node);
      const diagnose = median(samples.diagnose);
      console.log(`| ${seed} | ${best === wanted ? 'yes' : `NO (${best})`} | ${json.solutions.length + json.more} | ${json.search.nodes} | ${node.toFixed(0)} | ${median(samples.variance).toFixed(0)} | ${diagnose.toFixed(0)} | ${(diagnose / node).toFixed(1)}× | ${diagnose < 2000 ? 'yes' : 'NO'} |`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
