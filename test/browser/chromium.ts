/**
 * Browser tests run in Debian's Chromium (/usr/bin/chromium), driven by playwright-core: no browser is ever
 * downloaded. Without it they are skipped with a plain message (test/browser/skip-reporter.cjs prints it at
 * the end of the jest run) — except in CI (CI=true), where its absence fails the run: .ci/run installs it.
 */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's Chromium; BROWSER_TESTS_CHROMIUM overrides it only so that test/browser/skip.test.ts can try a missing one. */
export const CHROMIUM = process.env.BROWSER_TESTS_CHROMIUM || '/usr/bin/chromium';

/** The test title the skip reporter looks for; the jest run ends with this line when Chromium is missing. */
export const SKIPPED = `SKIPPED: browser tests — ${CHROMIUM} not found (apt-get install chromium)`;

/** Headless, no sandbox (root in CI), nothing that reaches the network on its own. */
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One launch per test file: the jest run happens twice (two time zones), so browsers are not per test. */
export const LAUNCH_TIMEOUT_MS = 60_000;

function chromiumPresent(): boolean {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** playwright's launch gives every browser a fresh temporary profile (--user-data-dir) and removes it on close. */
export async function launchChromium(): Promise<Browser> {
  // Loaded here, not at the top: a run that skips the browser tests never loads playwright.
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, timeout: LAUNCH_TIMEOUT_MS });
}

/** `describe` for browser tests: runs them when Chromium is there, else fails in CI and skips elsewhere. */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumPresent()) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      test(`${CHROMIUM} is installed (CI must run the browser tests)`, () => {
        throw new Error(`${CHROMIUM} not found: .ci/run installs it with apt-get install -y chromium`);
      });
    });
  } else {
    describe(name, () => {
      test.skip(SKIPPED, () => undefined);
    });
  }
}
