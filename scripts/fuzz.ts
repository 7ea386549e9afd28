/**
 * `npm run fuzz`: run fn-model's commands (`FUZZ_COMMANDS` in `fuzz/cases.ts`: `variance`, `explain`) on seeded mutations of the bundled dataset and
 * count crashes (an exit other than 0/1/2, a stack trace, a refusal with no message) and
 * hangs (a case over the per-case timeout).
 *
 * Usage: `node dist/scripts/fuzz.js [--cases 10000] [--first 0] [--seed 1] [--jobs 2] [--timeout 10000]
 *        [--save test/fixtures/fuzz-regressions | --no-save] [--quiet]`
 *
 * Cases run in `--jobs` forked workers, each calling the CLI's `main()` in-process (no Node
 * start-up per case). A worker that overruns the timeout is killed and replaced, and the case
 * counted as a hang. Every failing case is saved (unless `--no-save`) as a folder the
 * regression test `test/robustness/fuzz-regressions.test.ts` replays through the real CLI.
 * Prints one summary line; exits 0 when there were no crashes and no hangs, else 1.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fuzzCase, loadCorpus, repositoryRoot, type FuzzCase } from './fuzz/cases.js';
import { crashReason } from './fuzz/verdict.js';
import type { FuzzReply } from './fuzz/worker.js';

/** The fuzzer's settings, from the command line. */
export interface FuzzSettings {
  readonly cases: number;
  /** The first case index (to rerun one case: `--first I --cases 1`). */
  readonly first: number;
  readonly seed: number;
  readonly jobs: number;
  readonly timeoutMs: number;
  readonly saveTo?: string;
  readonly quiet: boolean;
}

/** What a fuzz run found. */
export interface FuzzSummary {
  readonly cases: number;
  readonly seed: number;
  readonly jobs: number;
  readonly seconds: number;
  readonly crashes: number;
  readonly hangs: number;
  readonly exits: Readonly<Record<string, number>>;
  readonly failures: readonly { readonly index: number; readonly reason: string; readonly mutations: readonly string[]; readonly saved?: string }[];
}

function settingsFrom(argv: readonly string[]): FuzzSettings {
  const value = (name: string, fallback: string) => {
    const at = argv.indexOf(name);
    return at === -1 ? fallback : (argv[at + 1] ?? fallback);
  };
  const integer = (name: string, fallback: number) => {
    const parsed = Number.parseInt(value(name, String(fallback)), 10);
    if (!Number.isSafeInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number`);
    return parsed;
  };
  const root = repositoryRoot();
  return {
    cases: integer('--cases', 10_000),
    first: integer('--first', 0),
    seed: integer('--seed', 1),
    jobs: Math.max(1, integer('--jobs', 2)),
    timeoutMs: integer('--timeout', 10_000),
    ...(argv.includes('--no-save') ? {} : { saveTo: resolve(value('--save', join(root, 'test', 'fixtures', 'fuzz-regressions'))) }),
    quiet: argv.includes('--quiet'),
  };
}

/** Save a failing case as a replayable fixture folder `seed-S-case-I` (a dataset folder or `book.xlsx`, plus `case.json`). */
function saveCase(fuzz: FuzzCase, reason: string, stderr: string, folder: string): string {
  const target = join(folder, `seed-${fuzz.seed}-case-${fuzz.index}`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  if (fuzz.kind === 'csv') {
    cpSync(join(repositoryRoot(), 'data', 'march-2021'), join(target, 'data'), { recursive: true });
    writeFileSync(join(target, 'data', fuzz.file), fuzz.bytes);
  } else {
    writeFileSync(join(target, 'book.xlsx'), fuzz.bytes);
  }
  const record = { seed: fuzz.seed, index: fuzz.index, command: fuzz.command, data: fuzz.kind === 'csv' ? 'data' : 'book.xlsx', options: fuzz.options, mutations: fuzz.mutations, found: reason, stderr: stderr.split('\n').slice(0, 5) };
  writeFileSync(join(target, 'case.json'), `${JSON.stringify(record, null, 2)}\n`);
  return target;
}

/** Run the fuzzer with `settings` and give what it found. */
export async function runFuzz(settings: FuzzSettings): Promise<FuzzSummary> {
  const started = process.hrtime.bigint();
  const corpus = await loadCorpus();
  // workers' files go on a RAM file system when there is one: the cases are I/O-heavy and small
  const work = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'fn-model-fuzz-'));
  const workerPath = join(dirname(fileURLToPath(import.meta.url)), 'fuzz', 'worker.js');
  const exits: Record<string, number> = {};
  const failures: { index: number; reason: string; mutations: readonly string[]; saved?: string }[] = [];
  let crashes = 0;
  let hangs = 0;
  let next = settings.first;
  const end = settings.first + settings.cases;
  let done = 0;

  const fail = (index: number, reason: string, stderr: string, hang: boolean) => {
    if (hang) hangs += 1;
    else crashes += 1;
    const fuzz = fuzzCase(corpus, settings.seed, index);
    const saved = settings.saveTo ? saveCase(fuzz, reason, stderr, settings.saveTo) : undefined;
    failures.push({ index, reason, mutations: fuzz.mutations, ...(saved ? { saved } : {}) });
    if (!settings.quiet) process.stderr.write(`fuzz: case ${index}: ${reason} (${fuzz.mutations.join('; ')})\n`);
  };

  await new Promise<void>((finish) => {
    let running = 0;
    const startWorker = () => {
      if (next >= end) {
        if (running === 0) finish();
        return;
      }
      running += 1;
      const child: ChildProcess = fork(workerPath, [], { env: { ...process.env, FN_MODEL_FUZZ_WORK: work }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      let current: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      let childStderr = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        childStderr = (childStderr + chunk.toString()).slice(-4000);
      });
      const assign = () => {
        if (next >= end) {
          child.disconnect();
          return;
        }
        const index = next;
        next += 1;
        current = index;
        timer = setTimeout(() => {
          fail(index, `hang: no answer within ${settings.timeoutMs} ms`, '', true);
          current = undefined;
          done += 1;
          child.kill('SIGKILL');
        }, settings.timeoutMs);
        child.send({ seed: settings.seed, index });
      };
      child.on('message', (message: FuzzReply | { ready: true }) => {
        if ('ready' in message) return assign();
        clearTimeout(timer);
        if (current === undefined || message.index !== current) return;
        current = undefined;
        done += 1;
        if (message.fatal !== undefined) {
          fail(message.index, `uncaught in worker: ${message.fatal.split('\n')[0] ?? ''}`, message.fatal, false);
          return; // the worker exits; 'exit' starts another
        }
        exits[String(message.exit)] = (exits[String(message.exit)] ?? 0) + 1;
        const reason = crashReason(message.exit, message.stderr);
        if (reason) fail(message.index, reason, message.stderr, false);
        if (!settings.quiet && done % 1000 === 0) process.stderr.write(`fuzz: ${done}/${settings.cases}\n`);
        assign();
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        running -= 1;
        if (current !== undefined) {
          fail(current, `worker died (${signal ?? `exit ${String(code)}`}): ${childStderr.split('\n').find((line) => line.trim() !== '') ?? ''}`, childStderr, false);
          done += 1;
          current = undefined;
        }
        startWorker();
      });
    };
    for (let job = 0; job < settings.jobs; job += 1) startWorker();
  });
  rmSync(work, { recursive: true, force: true });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { cases: settings.cases, seed: settings.seed, jobs: settings.jobs, seconds, crashes, hangs, exits, failures };
}

/** The summary as one line, as docs/robustness.md quotes it. */
export function summaryLine(summary: FuzzSummary): string {
  const exits = Object.entries(summary.exits)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, count]) => `exit ${code}: ${count}`)
    .join(', ');
  return `fuzz: ${summary.cases} cases, seed ${summary.seed}, ${summary.jobs} jobs, ${summary.seconds.toFixed(1)} s: ${summary.crashes} crashes, ${summary.hangs} hangs (${exits})`;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const summary = await runFuzz(settingsFrom(process.argv.slice(2)));
  process.stdout.write(`${summaryLine(summary)}\n`);
  process.exitCode = summary.crashes === 0 && summary.hangs === 0 ? 0 : 1;
}
