/**
 * Safe outputs: a writer killed with SIGKILL in the middle of a large write leaves the
 * previous file byte-identical, and its temporary file is removed by the next write.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';
import { runCliAsync } from '../support/run-cli-async.js';

const work = mkdtempSync(join(tmpdir(), 'fn-model-kill-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const temporaries = () => readdirSync(work).filter((name) => name.startsWith('.fn-model-tmp-'));

/** Wait until `check` holds, polling every 5 ms, or fail after `limitMs`. */
async function until(check: () => boolean, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('writeFileAtomic under SIGKILL', () => {
  it('keeps the previous file byte-identical, and the next write removes the dead writer’s temporary file', async () => {
    const target = join(work, 'report.json');
    const previous = Buffer.from(`${JSON.stringify({ previous: 'report', figures: Array.from({ length: 1000 }, (_, n) => n) })}\n`);
    writeFileSync(target, previous);
    // a child that writes 256 MiB through writeFileAtomic, slowly enough to be caught mid-write
    const module = pathToFileURL(join(ROOT, 'dist', 'src', 'io', 'atomic-write.js')).href;
    const script = `import { writeFileAtomic } from ${JSON.stringify(module)};
      await writeFileAtomic(${JSON.stringify(target)}, Buffer.alloc(256 * 1024 * 1024, 0x41));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await until(() => temporaries().some((name) => statSync(join(work, name)).size > 0), 60_000);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(readFileSync(target).equals(previous)).toBe(true);
    const left = temporaries();
    expect(left).toHaveLength(1); // the killed writer's, still there
    expect(left[0]).toMatch(new RegExp(`^\\.fn-model-tmp-report\\.json-${child.pid}-[0-9a-f]{8}$`));
    // an unrelated file with a similar name is never touched
    writeFileSync(join(work, '.fn-model-tmp-other.json-1-00000000'), 'not ours');

    const next = await runCliAsync(['variance', '--format', 'json', '-o', target, '--force']);
    expect(next.status).toBe(0);
    expect(JSON.parse(readFileSync(target, 'utf8')).combined.computed).toBe('908');
    expect(temporaries()).toEqual(['.fn-model-tmp-other.json-1-00000000']);
    expect(existsSync(join(work, '.fn-model-tmp-other.json-1-00000000'))).toBe(true);
  });
});
