// Setup interrupted at any service call — a Spreadsheets failure or Apps Script killing the run — then run
// again, ends exactly as an uninterrupted setup: nothing half-made, nothing doubled.
import type { FaultAction } from '../../emulator/index';
import { person } from '../../emulator/people';
import { bundleRuntime, OWNER } from '../helpers/bundle-runtime';
import { snapshot } from '../helpers/workbook-snapshot';

const SPREADSHEET_FAILURE = 'Service Spreadsheets failed while accessing document with id 1abc.';

function cleanSetup() {
  const rt = bundleRuntime();
  const outcome = person(rt, OWNER).run('setup');
  expect(outcome.ok).toBe(true);
  return { state: snapshot(rt), calls: outcome.execution.calls };
}

describe('setup under faults', () => {
  const clean = cleanSetup();

  // Every 17th call across the whole run, plus the first few and the last: ~45 interruption points.
  const points = [1, 2, 3, 4, 5];
  for (let n = 6; n < clean.calls; n += 17) points.push(n);
  points.push(clean.calls);

  test.each(points)('interrupted at call %i, then re-run, equals a clean setup', (n) => {
    const rt = bundleRuntime();
    const action: FaultAction = n % 2 === 0 ? { throw: SPREADSHEET_FAILURE } : { kill: true };
    const fault = rt.faults.add({ functionName: 'setup', nth: n, action });
    const first = person(rt, OWNER).run('setup');
    expect(fault.fired).toBe(true);
    // The very last calls show the report; a failing alert is caught and the report goes to the log.
    if (n < clean.calls - 2) {
      expect(first.ok).toBe(false);
      expect(first.error?.message).toBe(n % 2 === 0 ? SPREADSHEET_FAILURE : 'Exceeded maximum execution time');
    }
    const again = person(rt, OWNER).run('setup');
    expect(again.ok).toBe(true);
    expect(snapshot(rt)).toEqual(clean.state);
  });
});
