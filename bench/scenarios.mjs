// Benchmark: simulate --runs 10000 and tornado over a generated 1,000-line programme
// (issue 6 targets: simulate < 5 s, tornado < 2 s on the 2-core reference machine).
// Runs the built CLI as a user would and reports wall and CPU time. Figures: docs/performance.md.
import { execFileSync, spawnSync } from 'node:child_process';

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'fn-model.js');

// CPU seconds used by waited-for child processes (Linux: cutime + cstime in /proc/self/stat,
// clock ticks of 1/100 s); undefined elsewhere.
function childCpuSeconds() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

// The whole command as a user runs it (process start, module loading, load, compute, render):
// wall time, and the child's CPU time (user + system) where the platform reports it.
function timed(label, args, limitSeconds) {
  const cpuBefore = childCpuSeconds();
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpuAfter = childCpuSeconds();
  if (result.status !== 0) throw new Error(`${label} failed (${result.status}): ${result.stderr}`);
  const cpu = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
  const verdict = (value) => (value === undefined ? 'n/a' : value < limitSeconds ? 'ok' : 'OVER');
  const cpuText = cpu === undefined ? '   n/a' : cpu.toFixed(2).padStart(6);
  console.log(`${label.padEnd(46)} wall ${seconds.toFixed(2).padStart(6)} s   cpu ${cpuText} s   (target < ${limitSeconds} s: wall ${verdict(seconds)}, cpu ${verdict(cpu)})`);
  return seconds;
}

// The engine alone, in this process: wall and CPU time of one call (module loading excluded).
async function inProcess(label, work) {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  console.log(`${label.padEnd(46)} wall ${seconds.toFixed(2).padStart(6)} s   cpu ${((used.user + used.system) / 1e6).toFixed(2)} s`);
}

/** Generate the 1,000-line programme, then time simulate and tornado over it. */
export async function run() {
  const folder = mkdtempSync(join(tmpdir(), 'fn-model-bench-'));
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist', 'scripts', 'gen-programme.js'), '--lines', '1000', '--seed', '1', '--out', folder], { cwd: ROOT });
    console.log('scenarios: generated programme of 1,000 savings lines (seed 1)');
    timed('simulate risk.yaml --runs 10000 --seed 1', ['simulate', join(folder, 'risk.yaml'), '--data', folder, '--runs', '10000', '--seed', '1', '--threshold', '50000', '--format', 'json'], 5);
    timed('tornado centre.yaml (1,005 savings lines)', ['tornado', join(folder, 'centre.yaml'), '--data', folder, '--format', 'json'], 2);
    const { loadProgramme } = await import('../dist/src/load/index.js');
    const { readScenario } = await import('../dist/src/scenarios-file/read.js');
    const { simulate, seededRandom, tornado } = await import('../dist/src/engine/index.js');
    const { amountOf } = await import('../dist/src/money/index.js');
    const programme = await loadProgramme(folder);
    const risk = await readScenario(join(folder, 'risk.yaml'));
    const centre = await readScenario(join(folder, 'centre.yaml'));
    await inProcess('engine: simulate 10,000 runs × 1,002 drivers', () => simulate(programme, risk, { runs: 10000, seed: 1, random: seededRandom(1) }));
    await inProcess('engine: tornado 1,005 lines', () => tornado(programme, centre, amountOf('0.25')));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
