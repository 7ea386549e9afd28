// `fn-model export` at scale: peak RSS and wall time against the number of programme lines,
// side by side with `fn-model variance --format csv` on the same data (the same loading and
// engine, no workbook), so the workbook writer's own cost shows as the difference.
// Generates each programme with gen-programme (`--seed 1`) into a temp folder (removed after).
// Knob: EXPORT_BENCH_LINES (comma-separated, default "20000,100000").
// Peak RSS from /usr/bin/time -v (GNU time); without it only times are reported.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'fn-model.js');
const TIME = '/usr/bin/time';

/** Run `node args…`; wall seconds and peak RSS (MB, or undefined without GNU time). */
function measure(args) {
  const withTime = existsSync(TIME);
  const command = withTime ? TIME : process.execPath;
  const argv = withTime ? ['-v', process.execPath, ...args] : args;
  const start = process.hrtime.bigint();
  const result = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '');
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : undefined };
}

export async function run() {
  const sizes = (process.env.EXPORT_BENCH_LINES ?? '20000,100000').split(',').map((text) => Number(text.trim())).filter((n) => n > 0);
  const folder = mkdtempSync(join(tmpdir(), 'fn-model-bench-export-'));
  try {
    console.log(`node ${process.version}; peak RSS from ${existsSync(TIME) ? 'GNU time -v' : '(not available)'}`);
    console.log('| lines | export s | export ms per 1,000 lines | export peak RSS MB | variance --format csv s | variance peak RSS MB | export ÷ variance (time) | export − variance (RSS MB) |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const lines of sizes) {
      const data = join(folder, `programme-${lines}`);
      execFileSync(process.execPath, [join(ROOT, 'dist', 'scripts', 'gen-programme.js'), '--lines', String(lines), '--seed', '1', '--out', data], { cwd: ROOT });
      const exported = measure([BIN, 'export', '--data', data, '-o', join(folder, `export-${lines}.xlsx`), '--force']);
      const variance = measure([BIN, 'variance', '--data', data, '--format', 'csv', '-o', join(folder, `variance-${lines}.csv`)]);
      const mb = (value) => (value === undefined ? 'n/a' : value.toFixed(0));
      const extra = exported.rssMb === undefined || variance.rssMb === undefined ? 'n/a' : (exported.rssMb - variance.rssMb).toFixed(0);
      console.log(`| ${lines.toLocaleString('en-GB')} | ${exported.seconds.toFixed(1)} | ${((exported.seconds * 1e6) / lines).toFixed(0)} | ${mb(exported.rssMb)} | ${variance.seconds.toFixed(1)} | ${mb(variance.rssMb)} | ${(exported.seconds / variance.seconds).toFixed(2)}× | ${extra} |`);
      rmSync(data, { recursive: true, force: true });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
