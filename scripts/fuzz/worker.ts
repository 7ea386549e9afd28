/**
 * A fuzz worker (forked by `scripts/fuzz.ts`): builds each case it is sent from
 * (seed, index), writes it into its own temporary folder, runs its command in-process and
 * sends back the exit code and stderr. An exception that escapes `main` is reported for the
 * case being run, and the worker exits (the parent starts another).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzzCase, loadCorpus, repositoryRoot } from './cases.js';
import { runInProcess } from './in-process.js';

/** A request from the parent: run case `index` of `seed`. */
export interface FuzzRequest {
  readonly seed: number;
  readonly index: number;
}

/** The worker's answer for one case. */
export interface FuzzReply {
  readonly index: number;
  readonly exit: number | null;
  readonly stderr: string;
  readonly fatal?: string;
}

const root = repositoryRoot();
const corpus = await loadCorpus(root);
const work = mkdtempSync(join(process.env.FN_MODEL_FUZZ_WORK ?? tmpdir(), 'worker-'));
const data = join(work, 'data');
cpSync(join(root, 'data', 'march-2021'), data, { recursive: true });
process.chdir(work);
process.env.NO_COLOR = '1';
let current: number | undefined;

const fatal = (error: unknown) => {
  const reply: FuzzReply = { index: current ?? -1, exit: null, stderr: '', fatal: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  process.send?.(reply, () => process.exit(70));
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
process.on('disconnect', () => process.exit(0));

process.on('message', (request: FuzzRequest) => {
  current = request.index;
  const fuzz = fuzzCase(corpus, request.seed, request.index);
  const target = fuzz.kind === 'csv' ? join(data, fuzz.file) : join(work, 'book.xlsx');
  writeFileSync(target, fuzz.bytes);
  runInProcess([fuzz.command, '--data', fuzz.kind === 'csv' ? 'data' : 'book.xlsx', ...fuzz.options])
    .then((outcome) => {
      if (fuzz.kind === 'csv') writeFileSync(target, corpus.csvFiles.get(fuzz.file) as Buffer);
      const reply: FuzzReply = { index: request.index, exit: outcome.exit, stderr: outcome.stderr.slice(0, 4000) };
      current = undefined;
      process.send?.(reply);
    })
    .catch(fatal);
});
process.send?.({ ready: true });
