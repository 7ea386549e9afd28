/**
 * The system Chromium, driven by playwright-core (never a downloaded browser): used to
 * print the report to PDF and by the real-browser tests. The browser runs headless with
 * a fresh, temporary profile and background networking switched off; every page it
 * opens for fn-model has all network requests refused.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Where Chromium is: `FN_MODEL_CHROMIUM` if set, else the first of the usual Debian/Ubuntu paths that exists. */
export function chromiumPath(): string {
  const configured = process.env.FN_MODEL_CHROMIUM;
  if (configured) return configured;
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((candidate) => existsSync(candidate)) ?? '/usr/bin/chromium';
}

/** The command-line switches fn-model starts Chromium with. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Start Chromium with a fresh profile, run `task` with its browser context, then close
 * the browser and delete the profile and playwright's artifacts folder, whatever happens.
 * @throws the launch error when Chromium cannot be started (the caller words it for the user).
 */
export async function withChromium<T>(task: (context: BrowserContext) => Promise<T>): Promise<T> {
  // one temporary folder for the profile and playwright's artifacts (which it would
  // otherwise put in a playwright-artifacts-* folder of its own, left behind whenever the
  // browser does not close cleanly), removed whatever happens
  const home = await mkdtemp(join(tmpdir(), 'fn-model-chromium-'));
  let context: BrowserContext | undefined;
  try {
    await mkdir(join(home, 'artifacts'));
    context = await chromium.launchPersistentContext(join(home, 'profile'), {
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS],
      offline: true,
      artifactsDir: join(home, 'artifacts'),
    });
    return await task(context);
  } finally {
    await context?.close().catch(() => undefined);
    await rm(home, { recursive: true, force: true }).catch(() => undefined);
  }
}
