// Without Chromium, `npm test` says plainly that it skipped the browser tests, and CI (CI=true) fails instead:
// a nested jest run of a minimal browser test file (fixtures/no-chromium.fixture.ts), pointed at a Chromium
// that does not exist.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');
const MISSING = '/nonexistent/chromium';

function jestWithoutChromium(ci: boolean): { status: number | null; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, BROWSER_TESTS_CHROMIUM: MISSING };
  delete env.CI;
  if (ci) env.CI = 'true';
  const run = spawnSync(
    process.execPath,
    [
      require.resolve('jest/bin/jest'),
      '--colors=false',
      '--roots=<rootDir>/test/browser/fixtures',
      '--testMatch=**/*.fixture.ts',
    ],
    { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 },
  );
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

jest.setTimeout(120_000);

test('a jest run without Chromium passes, skipping the browser tests with a plain line', () => {
  const { status, output } = jestWithoutChromium(false);
  expect(status).toBe(0);
  expect(output.split('\n')).toContain(`SKIPPED: browser tests — ${MISSING} not found (apt-get install chromium)`);
  expect(output).toMatch(/Tests:\s+1 skipped, 1 total/);
});

test('in CI a missing Chromium fails the run', () => {
  const { status, output } = jestWithoutChromium(true);
  expect(status).toBe(1);
  expect(output).toContain(`${MISSING} is installed (CI must run the browser tests)`);
  expect(output).not.toContain('SKIPPED: browser tests');
});
